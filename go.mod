module github.com/huashu/huashu

go 1.26.0

require (
	github.com/blevesearch/segment v0.9.1
	github.com/go-ego/gse v0.80.3
	github.com/leanovate/gopter v0.2.11
	github.com/stretchr/testify v1.12.1
	golang.org/x/text v0.43.0
)

require (
	github.com/vcaesar/cedar v0.20.2 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
)
