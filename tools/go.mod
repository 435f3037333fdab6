// Developer tools: the rule-docs generator and the benchmark drivers. A
// module of its own so that `go install ./...` at the repository's root
// (pre-commit's golang hook, say) builds only ssmlint and ssmvet. When the
// root go.mod gains a dependency these tools reach, run `go -C tools mod tidy`.
module github.com/ssmlint/ssmlint/tools

go 1.26.0

require github.com/ssmlint/ssmlint v0.0.0-00010101000000-000000000000

require (
	github.com/agext/levenshtein v1.2.1 // indirect
	github.com/apparentlymart/go-textseg/v15 v15.0.0 // indirect
	github.com/apparentlymart/go-textseg/v17 v17.0.1 // indirect
	github.com/hashicorp/hcl/v2 v2.25.0 // indirect
	github.com/mitchellh/go-wordwrap v1.0.1 // indirect
	github.com/zclconf/go-cty v1.20.0 // indirect
	golang.org/x/mod v0.42.0 // indirect
	golang.org/x/sync v0.24.0 // indirect
	golang.org/x/text v0.31.0 // indirect
	golang.org/x/tools v0.52.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)

replace github.com/ssmlint/ssmlint => ../
