// Package ssm604 defines the SSM604 analyzer (invalid-parameter-name-go):
// a constant parameter name or path that Parameter Store rejects.
package ssm604

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ssmlint/ssmlint/analyzers/internal/ssmsdk"
	"github.com/ssmlint/ssmlint/internal/paramname"
	"github.com/ssmlint/ssmlint/rules"
)

// Analyzer checks the constant names given to Parameter Store operations,
// in direct calls and in the input of the SDK's paginators.
var Analyzer = &analysis.Analyzer{
	Name: ssmsdk.AnalyzerName(rules.SSM604),
	Doc:  ssmsdk.Doc(rules.SSM604),
	URL:  ssmsdk.URL(rules.SSM604),
	Run:  run,

	Requires: []*analysis.Analyzer{ssmsdk.Analyzer},
}

// nameFields are the operations' naming fields; creates are the
// operations that create a name (for which reserved prefixes count).
var (
	nameFields = map[string]string{
		"GetParameter": "Name", "GetParameterHistory": "Name", "PutParameter": "Name", "DeleteParameter": "Name",
		"LabelParameterVersion": "Name", "GetParameters": "Names", "DeleteParameters": "Names", "GetParametersByPath": "Path",
	}
	creates = map[string]bool{"PutParameter": true}
)

func run(pass *analysis.Pass) (any, error) {
	if !ssmsdk.ImportsSSM(pass.Pkg) {
		return nil, nil
	}
	pkg := ssmsdk.Of(pass)
	vals := pkg.Values()
	for _, r := range pkg.Reads(slices.Collect(maps.Keys(nameFields))...) {
		check(pass, vals, r.Op, r.In)
	}
	// A paginator's input is checked as the calls it makes.
	for _, p := range paginatedReads(pass) {
		check(pass, vals, p.op, p.in)
	}
	return nil, nil
}

// check reports the constant names an operation's input breaks the
// rules with.
func check(pass *analysis.Pass, vals *ssmsdk.Values, op string, in ssmsdk.Input) {
	field := nameFields[op]
	e, _ := in.Set(field)
	for _, x := range ssmsdk.NameExprs(pass.TypesInfo, e, field == "Names") {
		name, ok := vals.String(x)
		if !ok || strings.HasPrefix(name, "arn:") {
			continue // ARNs are checked by their own rules
		}
		for _, p := range problems(name, op, field) {
			pass.Report(analysis.Diagnostic{
				Pos:      x.Pos(),
				End:      x.End(),
				Category: rules.SSM604.ID,
				Message:  op + " " + strconv.Quote(name) + ": " + p,
				URL:      ssmsdk.URL(rules.SSM604),
			})
			break
		}
	}
}

// problems checks a name (or, for GetParametersByPath, a path). Reading
// AWS's public parameters (/aws/service/…) is allowed; only creating a
// name with a reserved prefix is not.
func problems(name, op, field string) []string {
	var out []string
	if field == "Path" && !strings.HasPrefix(name, "/") {
		out = append(out, "a GetParametersByPath path must start with \"/\"")
	}
	for _, p := range paramname.Check(name) {
		if !creates[op] && strings.Contains(p.Message, "must not begin with") {
			continue
		}
		out = append(out, p.Message)
	}
	return out
}
