package checks

import (
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// sessionLogNoRetention reports the CloudWatch log group that receives
// session logs when it keeps them forever (no retention_in_days).
func sessionLogNoRetention(pass *hclcheck.Pass) {
	c := pass.Config
	// The session documents first: few stacks have one, and then the log
	// groups (often many, often made with for_each) need not be expanded.
	docs, _ := sessionDocs(c)
	// The groups named by value, or by reference
	// (cloudWatchLogGroupName = aws_cloudwatch_log_group.x.name).
	receives := map[*hclcheck.Resource]bool{}
	for _, d := range docs {
		if n, ok := d.str("cloudWatchLogGroupName"); ok {
			for _, g := range c.Named("aws_cloudwatch_log_group", "name", n) {
				receives[g] = true
			}
		}
		for _, g := range d.referenced(c, "cloudWatchLogGroupName", "aws_cloudwatch_log_group") {
			receives[g] = true
		}
	}
	if len(receives) == 0 {
		return
	}
	for _, g := range c.Resources("aws_cloudwatch_log_group") {
		if !receives[g] {
			continue
		}
		a := g.Body.Attr("retention_in_days")
		if a != nil {
			// Only a literal null or 0 means "forever" for certain; a value
			// from elsewhere is taken as set, without evaluating it.
			lit, ok := a.Expr().(*hclsyntax.LiteralValueExpr)
			if !ok || !keptForever(lit.Val) {
				continue
			}
		}
		name, _, ok := hclcheck.AttrString(g.Body, "name")
		if !ok {
			name = "its name is set at apply"
		}
		at := g.DefRange()
		if a != nil {
			at = hclcheck.At(g, a)
		}
		pass.Report(g, at, "retention_in_days",
			"%s receives Session Manager logs (%s) but keeps them forever: storage is billed every month and grows with every session", g.Addr, name)
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
