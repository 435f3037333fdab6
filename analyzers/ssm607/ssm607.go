// Package ssm607 defines the SSM607 analyzer (unknown-parameter): a
// constant parameter name that the scanned Terraform does not declare.
package ssm607

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ssmlint/ssmlint/analyzers/internal/ssmsdk"
	"github.com/ssmlint/ssmlint/internal/suggest"
	"github.com/ssmlint/ssmlint/rules"
)

// Inventory is the Terraform inventory (flag -inventory), shared with
// SSM601. Without one the analyzer says nothing.
var Inventory = ssmsdk.SharedInventory

// Analyzer reports reads of names no scanned aws_ssm_parameter declares.
var Analyzer = newAnalyzer()

func newAnalyzer() *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name: ssmsdk.AnalyzerName(rules.SSM607),
		Doc:  ssmsdk.Doc(rules.SSM607),
		URL:  ssmsdk.URL(rules.SSM607),
		Run:  run,

		Requires: []*analysis.Analyzer{ssmsdk.Analyzer},
	}
	a.Flags.Var(Inventory, "inventory", "Terraform parameter inventory (JSON written by ssmlint --write-inventory)")
	return a
}

var nameFields = map[string]string{"GetParameter": "Name", "GetParameterHistory": "Name", "GetParameters": "Names"}

func run(pass *analysis.Pass) (any, error) {
	if !ssmsdk.ImportsSSM(pass.Pkg) {
		return nil, nil
	}
	inv, err := Inventory.Get()
	if err != nil || inv == nil || len(inv.Parameters) == 0 {
		return nil, err
	}
	declared := map[string]bool{}
	roots := map[string]bool{}
	var names []string
	for _, p := range inv.Parameters {
		if p.Name == "" {
			continue
		}
		if !declared[p.Name] {
			names = append(names, p.Name)
		}
		declared[p.Name] = true
		roots[root(p.Name)] = true
	}
	pkg := ssmsdk.Of(pass)
	vals := pkg.Values()
	for _, r := range pkg.Reads(slices.Collect(maps.Keys(nameFields))...) {
		field := nameFields[r.Op]
		e, _ := r.In.Set(field)
		for _, x := range ssmsdk.NameExprs(pass.TypesInfo, e, field == "Names") {
			name, ok := vals.String(x)
			// Only names in a hierarchy the Terraform manages: a name
			// elsewhere (AWS's public /aws/service/…, another team's
			// parameters) may well exist.
			if !ok || declared[name] || !roots[root(name)] || strings.HasPrefix(name, "arn:") {
				continue
			}
			msg := fmt.Sprintf("%s reads %s, which no aws_ssm_parameter of the scanned Terraform declares, though it declares others under %q: the read fails with ParameterNotFound", r.Op, strconv.Quote(name), root(name))
			if near := suggest.Nearest(name, names); near != "" {
				msg += fmt.Sprintf("; did you mean %q?", near)
			}
			pass.Report(analysis.Diagnostic{Pos: x.Pos(), End: x.End(), Category: rules.SSM607.ID, Message: msg, URL: ssmsdk.URL(rules.SSM607)})
		}
	}
	return nil, nil
}

// root is the first level of a hierarchical name ("/app" of
// "/app/db/password"), or the name itself.
func root(name string) string {
	if !strings.HasPrefix(name, "/") {
		return name
	}
	if i := strings.IndexByte(name[1:], '/'); i >= 0 {
		return name[:i+1]
	}
	return name
}
