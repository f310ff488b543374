package lexicon

// PatternAnchors exposes a pattern's anchors to the external tests.
func PatternAnchors(src string) ([]string, error) {
	p, err := compilePattern(src)
	if err != nil {
		return nil, err
	}
	return p.anchors, nil
}
