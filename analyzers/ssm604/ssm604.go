// Package ssm604 defines the SSM604 analyzer (invalid-parameter-name-go):
// a constant parameter name or path that Parameter Store rejects.
package ssm604

import (
	"go/ast"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ssmlint/ssmlint/analyzers/internal/ssmsdk"
	"github.com/ssmlint/ssmlint/internal/paramname"
	"github.com/ssmlint/ssmlint/rules"
)

// Analyzer checks the constant names given to Parameter Store operations.
var Analyzer = &analysis.Analyzer{
	Name: ssmsdk.AnalyzerName(rules.SSM604),
	Doc:  ssmsdk.Doc(rules.SSM604),
	URL:  ssmsdk.URL(rules.SSM604),
	Run:  run,
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
	vals := ssmsdk.NewValues(pass)
	for _, s := range ssmsdk.Sites(pass.TypesInfo, pass.Files) {
		field, ok := nameFields[s.Op]
		if !ok {
			continue
		}
		in, ok := ssmsdk.ReadInput(pass.TypesInfo, s.Body, s.Input)
		if !ok {
			continue
		}
		e, _ := in.Set(field)
		if e == nil {
			continue
		}
		exprs := []ast.Expr{e}
		if field == "Names" {
			exprs = elements(pass, e)
		}
		for _, x := range exprs {
			name, ok := vals.String(x)
			if !ok || strings.HasPrefix(name, "arn:") {
				continue // ARNs are checked by their own rules
			}
			for _, p := range problems(name, s.Op, field) {
				pass.Report(analysis.Diagnostic{
					Pos:      x.Pos(),
					End:      x.End(),
					Category: rules.SSM604.ID,
					Message:  s.Op + " " + strconv.Quote(name) + ": " + p,
					URL:      ssmsdk.URL(rules.SSM604),
				})
				break
			}
		}
	}
	return nil, nil
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

// elements are the names in a list literal.
func elements(pass *analysis.Pass, e ast.Expr) []ast.Expr {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 &&
		(ssmsdk.IsFunc(pass.TypesInfo, call, ssmsdk.V1AWS, "StringSlice") || ssmsdk.IsFunc(pass.TypesInfo, call, ssmsdk.V2AWS, "StringSlice")) {
		e = ast.Unparen(call.Args[0])
	}
	if lit, ok := e.(*ast.CompositeLit); ok {
		return lit.Elts
	}
	return nil
}
