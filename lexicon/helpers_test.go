package lexicon

import (
	"github.com/huashu/huashu/internal/segdict"
	"io"
	"strings"
)

func stringsReader(s string) io.Reader { return strings.NewReader(s) }

func segdictWords() string { return segdict.Words }
