package checks

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/ssmlint/ssmlint/hclcheck"
	"github.com/ssmlint/ssmlint/rules"
)

// secureStringLiteralValue reports SecureString parameters whose value is
// written in the configuration (a literal, a local, a non-sensitive
// variable default): the secret sits in version control and in state.
// Values from sensitive variables, tfvars or --var, resources (random
// passwords) and data sources are not reported. A literal kept only as a
// placeholder (lifecycle ignore_changes covers value) is at most info.
func secureStringLiteralValue(pass *hclcheck.Pass) {
	for _, p := range parameters(pass.Config) {
		if p.typ != typeSecureString {
			continue
		}
		a := p.r.Body.Attr("value")
		if a == nil {
			continue
		}
		v := a.Value()
		if !v.IsWhollyKnown() || v.IsNull() || hclcheck.HasMark(v, hclcheck.MarkSensitiveVar) || hclcheck.HasMark(v, hclcheck.MarkInput) {
			continue
		}
		if ignoresValueChanges(p.r) {
			f := pass.Report(p.r, hclcheck.At(p.r, a), "value",
				"%s has a literal placeholder value; lifecycle.ignore_changes keeps Terraform from resetting it, but the placeholder still sits in state: prefer value_wo", p.label())
			f.Severity = rules.Info
			continue
		}
		origin := "is written in the configuration"
		if name, ok := variableRef(a.Expr()); ok {
			origin = "comes from the default of non-sensitive var." + name
			if mi := p.r.Module; mi.Call != nil && mi.Call.Block.Body.Attributes[name] != nil {
				origin = "is passed in as a literal by " + mi.Addr
			}
		}
		pass.Report(p.r, hclcheck.At(p.r, a), "value",
			"SecureString %s has a value that %s: the secret is in version control and in the Terraform state in clear text", p.label(), origin)
	}
}

// ignoresValueChanges reports `lifecycle { ignore_changes = [value] }` (or
// `all`).
func ignoresValueChanges(r *hclcheck.Resource) bool {
	for _, lc := range r.Body.Blocks("lifecycle") {
		a := lc.Attr("ignore_changes")
		if a == nil {
			continue
		}
		switch e := a.Expr().(type) {
		case *hclsyntax.ScopeTraversalExpr:
			return e.Traversal.RootName() == "all"
		case *hclsyntax.TupleConsExpr:
			for _, x := range e.Exprs {
				if t, ok := x.(*hclsyntax.ScopeTraversalExpr); ok && t.Traversal.RootName() == "value" {
					return true
				}
			}
		}
	}
	return false
}

// variableRef returns NAME when expr is exactly `var.NAME`.
func variableRef(expr hclsyntax.Expression) (string, bool) {
	t, ok := expr.(*hclsyntax.ScopeTraversalExpr)
	if !ok || len(t.Traversal) != 2 || t.Traversal.RootName() != "var" {
		return "", false
	}
	attr, ok := t.Traversal[1].(hcl.TraverseAttr)
	if !ok {
		return "", false
	}
	return attr.Name, true
}
