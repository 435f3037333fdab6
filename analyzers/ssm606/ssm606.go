// Package ssm606 defines the SSM606 analyzer (plaintext-secret-put):
// PutParameter of type String for a name that marks a secret.
package ssm606

import (
	"fmt"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/ssmlint/ssmlint/analyzers/internal/ssmsdk"
	"github.com/ssmlint/ssmlint/internal/secretname"
	"github.com/ssmlint/ssmlint/rules"
)

// Analyzer reports secrets put as plain String parameters.
var Analyzer = newAnalyzer()

var extraWords ssmsdk.Words

func newAnalyzer() *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name: ssmsdk.AnalyzerName(rules.SSM606),
		Doc:  ssmsdk.Doc(rules.SSM606),
		URL:  ssmsdk.URL(rules.SSM606),
		Run:  run,

		Requires: []*analysis.Analyzer{ssmsdk.Analyzer},
	}
	a.Flags.Var(&extraWords, "extra-secret-words", "comma-separated words that mark a name as a secret, beyond the built-in ones (config option extra_secret_words)")
	return a
}

func run(pass *analysis.Pass) (any, error) {
	if !ssmsdk.ImportsSSM(pass.Pkg) {
		return nil, nil
	}
	pkg := ssmsdk.Of(pass)
	vals := pkg.Values()
	for _, r := range pkg.Reads("PutParameter") {
		in := r.In
		typ, _ := in.Set("Type")
		name, _ := in.Set("Name")
		if typ == nil || name == nil {
			continue
		}
		t, ok1 := vals.String(typ)
		n, ok2 := vals.String(name)
		if !ok1 || !ok2 || (t != "String" && t != "StringList") {
			continue
		}
		word := secretname.Match(n, extraWords...)
		if word == "" {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Pos:      typ.Pos(),
			End:      typ.End(),
			Category: rules.SSM606.ID,
			Message:  fmt.Sprintf("PutParameter stores %s as a plain %s, but its name marks a secret (%q): it is not encrypted, and anyone who may read parameters reads it", strconv.Quote(n), t, word),
			URL:      ssmsdk.URL(rules.SSM606),
		})
	}
	return nil, nil
}
