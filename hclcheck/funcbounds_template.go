package hclcheck

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// Bounds of templates: templatefile, and templates in expressions (for
// the evaluator).

// templateSize bounds the length of the string a template builds, without
// building it: literal and interpolated parts are evaluated and measured,
// %{for} directives iterated and %{if} directives followed. It fails once
// the length passes maxValueBytes or the iterations maxWalkNodes. Parts
// are evaluated again when the template is (the price of not allocating).
func templateSize(expr hclsyntax.Expression, ctx *hcl.EvalContext) (int64, error) {
	m := templateMeasure{bytes: maxValueBytes, steps: maxWalkNodes}
	if err := m.measure(expr, ctx); err != nil {
		return 0, err
	}
	return maxValueBytes - m.bytes, nil
}

type templateMeasure struct {
	bytes int64 // left
	steps int   // left
}

func (m *templateMeasure) measure(expr hclsyntax.Expression, ctx *hcl.EvalContext) error {
	if m.steps--; m.steps < 0 {
		return errTooManyNodes
	}
	switch e := expr.(type) {
	case *hclsyntax.TemplateExpr:
		for _, p := range e.Parts {
			if err := m.measure(p, ctx); err != nil {
				return err
			}
		}
		return nil
	case *hclsyntax.TemplateWrapExpr:
		return m.measure(e.Wrapped, ctx)
	case *hclsyntax.TemplateJoinExpr:
		if f, ok := e.Tuple.(*hclsyntax.ForExpr); ok {
			return m.measureFor(f, ctx)
		}
	case *hclsyntax.ConditionalExpr:
		cond, _ := e.Condition.Value(ctx)
		if cond, ok := plain(cond); ok && cond.Type() == cty.Bool {
			if cond.True() {
				return m.measure(e.TrueResult, ctx)
			}
			return m.measure(e.FalseResult, ctx)
		}
		// unknown: the result is unknown, but both sides are built
		if err := m.measure(e.TrueResult, ctx); err != nil {
			return err
		}
		return m.measure(e.FalseResult, ctx)
	}
	v, _ := expr.Value(ctx)
	v, ok := plain(v)
	if !ok {
		return nil
	}
	switch v.Type() {
	case cty.String:
		m.bytes -= int64(len(v.AsString()))
	case cty.Number:
		d := numberDigits(v.AsBigFloat())
		if d > maxNumberDigits {
			return errNumberTooLarge
		}
		m.bytes -= d
	default:
		m.bytes -= 5
	}
	if m.bytes < 0 {
		return errTooManyBytes
	}
	return nil
}

// measureFor measures a %{for} directive: its body once per element.
func (m *templateMeasure) measureFor(f *hclsyntax.ForExpr, ctx *hcl.EvalContext) error {
	coll, _ := f.CollExpr.Value(ctx)
	coll, ok := plain(coll)
	if !ok || !coll.CanIterateElements() {
		return nil
	}
	for it := coll.ElementIterator(); it.Next(); {
		if m.steps--; m.steps < 0 {
			return errTooManyNodes
		}
		k, v := it.Element()
		child := ctx.NewChild()
		child.Variables = map[string]cty.Value{f.ValVar: v}
		if f.KeyVar != "" {
			child.Variables[f.KeyVar] = k
		}
		if f.CondExpr != nil {
			c, _ := f.CondExpr.Value(child)
			if c, ok := plain(c); ok && c.Type() == cty.Bool && c.False() {
				continue
			}
		}
		if err := m.measure(f.ValExpr, child); err != nil {
			return err
		}
	}
	return nil
}

// templatesFit measures, with templateSize, each outermost template in expr
// that is not inside a for expression or a splat (whose iteration values
// ctx lacks): "${local.a}${local.a}" over local values that double each
// time would build a gigabyte string in hclsyntax before anything else sees
// it. It is for the evaluator to call before expr.Value(ctx); templates
// are measured part by part, so their parts are evaluated twice.
func templatesFit(expr hclsyntax.Expression, ctx *hcl.EvalContext) error {
	w := &templateWalker{ctx: ctx}
	_ = hclsyntax.Walk(expr, w) // the walker reports through w.err
	return w.err
}

type templateWalker struct {
	ctx       *hcl.EvalContext
	iterating int // for expressions and splats entered
	templates int // templates entered
	err       error
}

func (w *templateWalker) Enter(n hclsyntax.Node) hcl.Diagnostics {
	switch n.(type) {
	case *hclsyntax.ForExpr, *hclsyntax.SplatExpr:
		w.iterating++
	case *hclsyntax.TemplateExpr, *hclsyntax.TemplateJoinExpr:
		if w.iterating == 0 && w.templates == 0 && w.err == nil {
			_, w.err = templateSize(n.(hclsyntax.Expression), w.ctx)
		}
		w.templates++
	}
	return nil
}

func (w *templateWalker) Exit(n hclsyntax.Node) hcl.Diagnostics {
	switch n.(type) {
	case *hclsyntax.ForExpr, *hclsyntax.SplatExpr:
		w.iterating--
	case *hclsyntax.TemplateExpr, *hclsyntax.TemplateJoinExpr:
		w.templates--
	}
	return nil
}
