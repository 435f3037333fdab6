package checks

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// sessionLogNoRetention reports the CloudWatch log group that receives
// session logs when it keeps them forever (no retention_in_days).
func sessionLogNoRetention(pass *hclcheck.Pass) {
	c := pass.Config
	// Groups without retention first: most stacks set it, and then the
	// session documents need not be read at all.
	type forever struct {
		g    *hclcheck.Resource
		name string
		at   hcl.Range
	}
	var candidates []forever
	for _, g := range c.Resources("aws_cloudwatch_log_group") {
		a := g.Body.Attr("retention_in_days")
		if a != nil {
			// Only a literal null or 0 means "forever" for certain; a value
			// from elsewhere is taken as set, without evaluating it.
			lit, ok := a.Expr().(*hclsyntax.LiteralValueExpr)
			if !ok {
				continue
			}
			if !keptForever(lit.Val) {
				continue
			}
		}
		name, _, ok := hclcheck.AttrString(g.Body, "name")
		if !ok {
			continue
		}
		at := g.DefRange()
		if a != nil {
			at = hclcheck.At(g, a)
		}
		candidates = append(candidates, forever{g, name, at})
	}
	if len(candidates) == 0 {
		return
	}
	docs, _ := sessionDocs(c)
	groups := map[string]bool{}
	for _, d := range docs {
		if n, ok := d.str("cloudWatchLogGroupName"); ok {
			groups[n] = true
		}
	}
	for _, f := range candidates {
		if groups[f.name] {
			pass.Report(f.g, f.at, "retention_in_days",
				"%s receives Session Manager logs (%s) but keeps them forever: storage is billed every month and grows with every session", f.g.Addr, f.name)
		}
	}
}

// keptForever reports whether a literal retention_in_days means the log
// group never expires: null, 0 or "0". Numbers are compared as numbers;
// formatting them as strings showed up in profiles.
func keptForever(v cty.Value) bool {
	switch {
	case v.IsNull():
		return true
	case v.Type() == cty.Number:
		return v.RawEquals(cty.Zero)
	case v.Type() == cty.String:
		return v.AsString() == "0"
	}
	return false
}
