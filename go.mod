module github.com/huashu/huashu

go 1.26.0

require (
	github.com/blevesearch/segment v0.9.1
	github.com/go-ego/gse v0.80.3
)

require github.com/vcaesar/cedar v0.20.2 // indirect
