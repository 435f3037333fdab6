package hclcheck

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// Module is the parsed configuration of one directory. It is shared by
// every call of that directory; evaluation happens per ModuleInstance.
type Module struct {
	Dir       string
	Files     []*File
	TFVars    []*File // terraform.tfvars, then *.auto.tfvars in lexical order
	Variables map[string]*Variable
	Locals    map[string]*hclsyntax.Attribute
	Outputs   map[string]*hclsyntax.Attribute
	Resources []*ResourceDecl // managed resources and data sources, in file order
	Calls     []*CallDecl
	// Providers lists provider blocks, for rules that need a region.
	Providers []*hclsyntax.Block
	// traversals caches Expression.Variables: a shared module's
	// expressions are evaluated once per call, and walking them for their
	// references is a good part of that.
	traversals sync.Map // hcl.Expression -> []hcl.Traversal
	constants  sync.Map // hcl.Expression -> cty.Value, see constant
	plans      sync.Map // hcl.Expression -> *ctxPlan, see planOf
	templates  sync.Map // hcl.Expression -> bool, see hasTemplate
	eachNames  sync.Map // *hclsyntax.Body -> nameSet, see eachValueNames
}

// constant returns the cached value of an expression that refers to
// nothing and reads no file: the same in every instance of the module, so
// a shared module's literal maps and strings are evaluated once.
func (m *Module) constant(expr hcl.Expression) (cty.Value, bool) {
	if m == nil {
		return cty.NilVal, false
	}
	v, ok := m.constants.Load(expr)
	if !ok {
		return cty.NilVal, false
	}
	return v.(cty.Value), true
}

// rememberConstant caches the value of an expression if it is constant.
func (m *Module) rememberConstant(expr hcl.Expression, v cty.Value) {
	if _, literal := expr.(*hclsyntax.LiteralValueExpr); literal {
		return // as cheap to evaluate as to look up
	}
	if m == nil || len(m.variablesOf(expr)) > 0 || readsFiles(expr) {
		return
	}
	m.constants.Store(expr, v)
}

// readsFiles reports a call of a function whose result depends on the
// root module (file, templatefile, fileexists).
func readsFiles(expr hcl.Expression) bool {
	n, ok := expr.(hclsyntax.Node)
	if !ok {
		return true
	}
	found := false
	_ = hclsyntax.VisitAll(n, func(n hclsyntax.Node) hcl.Diagnostics {
		if c, ok := n.(*hclsyntax.FunctionCallExpr); ok {
			switch c.Name {
			case "file", "templatefile", "fileexists", "abspath", "pathexpand", "timestamp", "uuid", "plantimestamp":
				found = true
			}
		}
		return nil
	})
	return found
}

// hasTemplate reports whether expr holds a string template that can grow
// (parts joined, or a for directive), cached per module: those are
// measured before they are built (see templatesFit).
func (m *Module) hasTemplate(expr hcl.Expression) bool {
	if m != nil {
		if v, ok := m.templates.Load(expr); ok {
			return v.(bool)
		}
	}
	found := false
	if n, ok := expr.(hclsyntax.Node); ok {
		_ = hclsyntax.VisitAll(n, func(n hclsyntax.Node) hcl.Diagnostics {
			switch t := n.(type) {
			case *hclsyntax.TemplateJoinExpr:
				found = true
			case *hclsyntax.TemplateExpr:
				found = found || len(t.Parts) > 1
			}
			return nil
		})
	}
	if m != nil {
		m.templates.Store(expr, found)
	}
	return found
}

// variablesOf is expr.Variables(), cached per module.
func (m *Module) variablesOf(expr hcl.Expression) []hcl.Traversal {
	if m == nil {
		return expr.Variables()
	}
	if v, ok := m.traversals.Load(expr); ok {
		return v.([]hcl.Traversal)
	}
	trs := expr.Variables()
	m.traversals.Store(expr, trs)
	return trs
}

// Variable is a `variable` block.
type Variable struct {
	Name      string
	Default   hclsyntax.Expression // nil when absent
	Type      cty.Type             // cty.DynamicPseudoType when unconstrained
	Defaults  *typeexpr.Defaults
	Sensitive bool
	Ephemeral bool
	DeclRange hcl.Range
}

// Mode tells a managed resource from a data source.
type Mode int

// Resource modes.
const (
	Managed Mode = iota
	Data
)

// ResourceDecl is a `resource` or `data` block.
type ResourceDecl struct {
	Mode    Mode
	Type    string
	Name    string
	Block   *hclsyntax.Block
	Count   hclsyntax.Expression
	ForEach hclsyntax.Expression
	File    *File
}

// CallDecl is a `module` block.
type CallDecl struct {
	Name        string
	Source      string
	SourceRange hcl.Range
	Version     string
	Block       *hclsyntax.Block
	Count       hclsyntax.Expression
	ForEach     hclsyntax.Expression
}

// metaArgs are arguments of resource and module blocks that are not
// inputs or provider arguments.
var metaArgs = map[string]bool{"count": true, "for_each": true, "depends_on": true, "provider": true, "providers": true, "source": true, "version": true}

// buildModule indexes the top-level blocks of a directory's files.
// Duplicate declarations are reported; the first one wins.
func buildModule(dir string, files, tfvars []*File, errs *errorList) *Module {
	m := &Module{
		Dir:       dir,
		Files:     files,
		TFVars:    tfvars,
		Variables: map[string]*Variable{},
		Locals:    map[string]*hclsyntax.Attribute{},
		Outputs:   map[string]*hclsyntax.Attribute{},
	}
	declared := map[string]hcl.Range{} // resources, data sources, modules, outputs
	unique := func(what, key string, at hcl.Range) bool {
		if prev, dup := declared[key]; dup {
			errs.add(dupError(what, strings.TrimPrefix(key, what+" "), at, prev))
			return false
		}
		declared[key] = at
		return true
	}
	for _, f := range files {
		for _, b := range f.Body.Blocks {
			switch b.Type {
			case "variable":
				if len(b.Labels) == 1 {
					m.addVariable(b, errs)
				}
			case "locals":
				for name, a := range b.Body.Attributes {
					if prev, dup := m.Locals[name]; dup {
						errs.add(dupError("local value", name, a.NameRange, prev.NameRange))
						continue
					}
					m.Locals[name] = a
				}
			case "output":
				if len(b.Labels) == 1 && unique("output", "output "+b.Labels[0], b.DefRange()) {
					if a := b.Body.Attributes["value"]; a != nil {
						m.Outputs[b.Labels[0]] = a
					}
				}
			case "resource", "data":
				if len(b.Labels) != 2 {
					continue
				}
				what := "resource"
				if b.Type == "data" {
					what = "data source"
				}
				if !unique(what, what+" "+b.Labels[0]+"."+b.Labels[1], b.DefRange()) {
					continue
				}
				d := &ResourceDecl{Type: b.Labels[0], Name: b.Labels[1], Block: b, File: f}
				if b.Type == "data" {
					d.Mode = Data
				}
				if a := b.Body.Attributes["count"]; a != nil {
					d.Count = a.Expr
				}
				if a := b.Body.Attributes["for_each"]; a != nil {
					d.ForEach = a.Expr
				}
				m.Resources = append(m.Resources, d)
			case "module":
				if len(b.Labels) != 1 || !unique("module", "module "+b.Labels[0], b.DefRange()) {
					continue
				}
				c := &CallDecl{Name: b.Labels[0], Block: b}
				if a := b.Body.Attributes["source"]; a != nil {
					if v, diags := a.Expr.Value(nil); !diags.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
						c.Source = v.AsString()
					}
					c.SourceRange = a.Expr.Range()
				}
				if a := b.Body.Attributes["version"]; a != nil {
					if v, diags := a.Expr.Value(nil); !diags.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
						c.Version = v.AsString()
					}
				}
				if a := b.Body.Attributes["count"]; a != nil {
					c.Count = a.Expr
				}
				if a := b.Body.Attributes["for_each"]; a != nil {
					c.ForEach = a.Expr
				}
				m.Calls = append(m.Calls, c)
			case "provider":
				m.Providers = append(m.Providers, b)
			}
		}
	}
	return m
}

func (m *Module) addVariable(b *hclsyntax.Block, errs *errorList) {
	name := b.Labels[0]
	if prev, dup := m.Variables[name]; dup {
		errs.add(dupError("variable", name, b.DefRange(), prev.DeclRange))
		return
	}
	v := &Variable{Name: name, Type: cty.DynamicPseudoType, DeclRange: b.DefRange()}
	if a := b.Body.Attributes["default"]; a != nil {
		v.Default = a.Expr
	}
	if a := b.Body.Attributes["type"]; a != nil {
		if ty, defs, diags := typeexpr.TypeConstraintWithDefaults(a.Expr); !diags.HasErrors() {
			v.Type, v.Defaults = ty, defs
		}
	}
	v.Sensitive = boolLiteral(b.Body.Attributes["sensitive"])
	v.Ephemeral = boolLiteral(b.Body.Attributes["ephemeral"])
	m.Variables[name] = v
}

func boolLiteral(a *hclsyntax.Attribute) bool {
	if a == nil {
		return false
	}
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type() != cty.Bool {
		return false
	}
	return v.True()
}

func dupError(what, name string, at, prev hcl.Range) hcl.Diagnostic {
	return hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  fmt.Sprintf("duplicate %s %q: also declared at %s:%d; this one is ignored", what, name, filepath.Base(prev.Filename), prev.Start.Line),
		Subject:  &at,
	}
}

// isLocalSource reports whether a module source is a path on disk.
func isLocalSource(src string) bool {
	return strings.HasPrefix(src, "./") || strings.HasPrefix(src, "../") || src == "." || src == ".."
}

// groupDir builds the module of one directory from its parsed files;
// tfvars files join it.
func groupDir(dir string, srcs []source, files []*File, errs *errorList) *Module {
	var tf, vs, overrides []*File
	for i, s := range srcs {
		switch {
		case files[i] == nil:
		case s.kind != kindTF:
			vs = append(vs, files[i])
		case isOverride(s.path):
			overrides = append(overrides, files[i])
		default:
			tf = append(tf, files[i])
		}
	}
	// Override files apply in lexical order of their names.
	slices.SortStableFunc(overrides, func(a, b *File) int { return strings.Compare(filepath.Base(a.Path), filepath.Base(b.Path)) })
	applyOverrides(tf, overrides, errs)
	slices.SortFunc(vs, func(a, b *File) int {
		// Terraform's order: terraform.tfvars, terraform.tfvars.json,
		// then *.auto.tfvars(.json) in lexical order.
		if ra, rb := tfvarsRank(a.Path), tfvarsRank(b.Path); ra != rb {
			return ra - rb
		}
		return strings.Compare(a.Path, b.Path)
	})
	return buildModule(dir, tf, vs, errs)
}

func tfvarsRank(path string) int {
	switch filepath.Base(path) {
	case "terraform.tfvars":
		return 0
	case "terraform.tfvars.json":
		return 1
	}
	return 2
}
