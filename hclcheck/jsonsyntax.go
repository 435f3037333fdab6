package hclcheck

import (
	"bytes"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"
)

// Terraform's JSON syntax (.tf.json, .tofu.json) is read with hcl/v2/json
// and turned into the native syntax tree the evaluator works on, keeping
// every position in the JSON file: findings point at the JSON property.
// The translation follows Terraform's rules for JSON: strings where an
// expression is expected are string templates ("${var.env}-app"), a
// string that is one interpolation ("${aws_iam_role.app.name}") is that
// expression itself, variable defaults are literal, `type` is a type
// expression written as a string, and references in `provider`,
// `depends_on`, `ignore_changes` and a dynamic block's `iterator` are
// traversals written as strings. Properties named "//" are comments.
//
// Whether a property of a resource is a nested block or an argument
// depends on the provider's schema, which ssmlint does not have: the
// nested block types the engine and the rules read are listed in
// jsonNestedBlocks, and a property of that name whose value is an object
// or an array of objects becomes blocks. Every other property is an
// argument (an object value, such as tags, stays an object).

// jsonNestedBlocks are the nested block types read as blocks in JSON
// syntax (TestJSONNestedBlocksCoverChecks keeps it in step with the
// checks).
var jsonNestedBlocks = map[string]bool{
	// Terraform's own.
	"lifecycle": true, "content": true, "precondition": true, "postcondition": true,
	// Providers.
	"default_tags": true, "assume_role": true, "ignore_tags": true,
	// Resources and data sources the rules read.
	"approval_rule": true, "cloudwatch_config": true, "condition": true, "egress": true, "ingress": true,
	"iam_instance_profile": true, "inline_policy": true, "launch_template": true,
	"launch_template_specification": true, "mixed_instances_policy": true, "network_interfaces": true,
	"output_location": true, "parameter": true, "patch_filter": true, "global_filter": true,
	"principals": true, "not_principals": true, "resource_query": true, "route": true,
	"run_command_parameters": true, "statement": true, "tag": true, "tag_specifications": true,
	"targets": true, "task_invocation_parameters": true, "task_parameters": true,
	"notification_config": true, "automation_parameters": true, "lambda_parameters": true,
	"step_functions_parameters": true, "source": true, "override": true, "metadata_options": true,
	"root_block_device": true, "ebs_block_device": true, "instance_requirements": true,
	"instances_distribution": true, "cloudwatch_output_config": true, "s3_destination": true,
}

// jsonTopLevel is the schema of a configuration file's top level.
var jsonTopLevel = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "resource", LabelNames: []string{"type", "name"}},
	{Type: "data", LabelNames: []string{"type", "name"}},
	{Type: "module", LabelNames: []string{"name"}},
	{Type: "variable", LabelNames: []string{"name"}},
	{Type: "output", LabelNames: []string{"name"}},
	{Type: "locals"},
	{Type: "provider", LabelNames: []string{"name"}},
	{Type: "terraform"},
}}

// exprMode is how a JSON value is read where an argument is expected.
type exprMode int

const (
	asTemplate  exprMode = iota // strings are templates
	asLiteral                   // strings are themselves (variable defaults)
	asTraversal                 // strings are references (depends_on, provider)
	asType                      // a string holding a type expression
	skipped                     // not translated
)

// jsonConv translates one JSON file.
type jsonConv struct {
	src   []byte
	diags hcl.Diagnostics
}

// parseJSONConfig parses a configuration file in JSON syntax.
func parseJSONConfig(path string, src []byte) (*File, hcl.Diagnostics) {
	f, diags := hcljson.Parse(src, path)
	if f == nil || diags.HasErrors() {
		return nil, diags
	}
	c := &jsonConv{src: src}
	content, _, cdiags := f.Body.PartialContent(jsonTopLevel)
	c.diags = append(diags, cdiags...)
	body := &hclsyntax.Body{Attributes: hclsyntax.Attributes{}}
	if n := len(src); n > 0 {
		body.SrcRange = hcl.Range{Filename: path, Start: hcl.InitialPos, End: endPos(src)}
		body.EndRange = hcl.Range{Filename: path, Start: body.SrcRange.End, End: body.SrcRange.End}
	}
	for _, b := range content.Blocks {
		body.Blocks = append(body.Blocks, c.block(b, topLevelModes(b.Type)))
	}
	return &File{Path: path, Src: src, Body: body}, c.diags
}

// topLevelModes says how the arguments of a top-level block are read.
func topLevelModes(typ string) func(string) exprMode {
	switch typ {
	case "variable":
		return func(name string) exprMode {
			switch name {
			case "type":
				return asType
			case "validation":
				return skipped
			}
			return asLiteral
		}
	case "module":
		return func(name string) exprMode {
			switch name {
			case "source", "version":
				return asLiteral
			case "depends_on", "providers":
				return asTraversal
			}
			return asTemplate
		}
	case "terraform":
		return func(string) exprMode { return skipped }
	}
	return func(name string) exprMode {
		switch name {
		case "depends_on", "provider":
			return asTraversal
		case "provisioner", "connection":
			return skipped
		}
		return asTemplate
	}
}

// nestedModes is how arguments of nested blocks are read.
func nestedModes(typ string) func(string) exprMode {
	if typ == "lifecycle" {
		return func(name string) exprMode {
			switch name {
			case "ignore_changes", "replace_triggered_by":
				return asTraversal
			}
			return asTemplate
		}
	}
	return func(name string) exprMode {
		if name == "iterator" {
			return asTraversal
		}
		return asTemplate
	}
}

// block translates a block. For labelled blocks the header range is the
// last label (the resource name), as findings about a block point there.
func (c *jsonConv) block(b *hcl.Block, modes func(string) exprMode) *hclsyntax.Block {
	typeRange := b.TypeRange
	if n := len(b.LabelRanges); n > 0 {
		typeRange = b.LabelRanges[n-1]
	}
	body := c.body(b.Body, b.DefRange, b.Type, modes)
	return &hclsyntax.Block{
		Type: b.Type, Labels: b.Labels, Body: body,
		TypeRange: typeRange, LabelRanges: b.LabelRanges,
		OpenBraceRange: b.DefRange, CloseBraceRange: body.EndRange,
	}
}

// body translates a block body: the properties that are nested blocks
// become blocks, the others arguments.
func (c *jsonConv) body(jb hcl.Body, open hcl.Range, typ string, modes func(string) exprMode) *hclsyntax.Body {
	closing := jb.MissingItemRange()
	out := &hclsyntax.Body{
		Attributes: hclsyntax.Attributes{},
		SrcRange:   hcl.RangeBetween(open, closing),
		EndRange:   closing,
	}
	attrs, diags := jb.JustAttributes()
	c.diags = append(c.diags, diags...)
	names := make([]string, 0, len(attrs))
	for name := range attrs {
		names = append(names, name)
	}
	// Blocks in source order (map order is random).
	sortByStart(names, attrs)
	for _, name := range names {
		a := attrs[name]
		if typ == "locals" {
			out.Attributes[name] = c.attribute(a, asTemplate)
			continue
		}
		mode := modes(name)
		if mode == skipped {
			continue
		}
		if labels, isBlock := c.nestedBlock(typ, name, a.Expr); isBlock {
			content, _, bdiags := jb.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: name, LabelNames: labels}}})
			if !bdiags.HasErrors() {
				for _, nb := range content.Blocks {
					out.Blocks = append(out.Blocks, c.block(nb, nestedModes(nb.Type)))
				}
				continue
			}
		}
		out.Attributes[name] = c.attribute(a, mode)
	}
	return out
}

// nestedBlock tells whether a property of a body of type typ is a nested
// block, with its label names.
func (c *jsonConv) nestedBlock(typ, name string, e hcl.Expression) ([]string, bool) {
	if k := c.kind(e); k != '{' && k != '[' {
		return nil, false
	}
	switch {
	case typ == "variable" || typ == "output" || typ == "locals":
		return nil, false
	case name == "dynamic":
		return []string{"type"}, true
	case typ == "dynamic":
		return nil, name == "content"
	}
	return nil, jsonNestedBlocks[name]
}

func (c *jsonConv) attribute(a *hcl.Attribute, mode exprMode) *hclsyntax.Attribute {
	return &hclsyntax.Attribute{
		Name:        a.Name,
		Expr:        c.expr(a.Expr, mode),
		SrcRange:    a.Range,
		NameRange:   a.NameRange,
		EqualsRange: hcl.Range{Filename: a.NameRange.Filename, Start: a.NameRange.End, End: a.NameRange.End},
	}
}

// kind is the first byte of a JSON value: '{', '[', '"' or that of a
// number or keyword.
func (c *jsonConv) kind(e hcl.Expression) byte {
	if b := e.StartRange().Start.Byte; b >= 0 && b < len(c.src) {
		return c.src[b]
	}
	return 0
}

// expr translates a JSON value read as an expression.
func (c *jsonConv) expr(e hcl.Expression, mode exprMode) hclsyntax.Expression {
	rng := e.Range()
	switch c.kind(e) {
	case '{':
		pairs, _ := hcl.ExprMap(e)
		obj := &hclsyntax.ObjectConsExpr{SrcRange: rng, OpenRange: e.StartRange()}
		for _, kv := range pairs {
			obj.Items = append(obj.Items, hclsyntax.ObjectConsItem{
				KeyExpr:   &hclsyntax.ObjectConsKeyExpr{Wrapped: c.expr(kv.Key, templateOr(mode)), ForceNonLiteral: true},
				ValueExpr: c.expr(kv.Value, mode),
			})
		}
		return obj
	case '[':
		list, _ := hcl.ExprList(e)
		tup := &hclsyntax.TupleConsExpr{SrcRange: rng, OpenRange: e.StartRange()}
		for _, el := range list {
			tup.Exprs = append(tup.Exprs, c.expr(el, mode))
		}
		return tup
	}
	v, diags := e.Value(nil)
	if diags.HasErrors() {
		return &hclsyntax.LiteralValueExpr{Val: cty.DynamicVal, SrcRange: rng}
	}
	if v.Type() != cty.String || v.IsNull() {
		return &hclsyntax.LiteralValueExpr{Val: v, SrcRange: rng}
	}
	s := v.AsString()
	// The string's content starts after the opening quote (escapes before
	// a position inside it shift that position, as in hcl's own reading).
	start := hcl.Pos{Line: rng.Start.Line, Column: rng.Start.Column + 1, Byte: rng.Start.Byte + 1}
	switch mode {
	case asTemplate:
		if !strings.Contains(s, "${") && !strings.Contains(s, "%{") {
			return &hclsyntax.LiteralValueExpr{Val: v, SrcRange: rng}
		}
		t, diags := hclsyntax.ParseTemplate([]byte(s), rng.Filename, start)
		c.sourcePositions(rng, start, len(s), t, diags)
		c.diags = append(c.diags, diags...)
		if diags.HasErrors() {
			return &hclsyntax.LiteralValueExpr{Val: cty.DynamicVal, SrcRange: rng}
		}
		if w, ok := t.(*hclsyntax.TemplateWrapExpr); ok {
			return w.Wrapped // "${x}" is x itself
		}
		return t
	case asTraversal, asType:
		x, diags := hclsyntax.ParseExpression([]byte(s), rng.Filename, start)
		if !diags.HasErrors() {
			c.sourcePositions(rng, start, len(s), x, nil)
			return x
		}
	}
	return &hclsyntax.LiteralValueExpr{Val: v, SrcRange: rng}
}

// sourcePositions moves the positions of what was parsed from a string's
// decoded value back to the string's source, when escapes make them
// differ.
func (c *jsonConv) sourcePositions(rng hcl.Range, start hcl.Pos, decodedLen int, x hclsyntax.Expression, diags hcl.Diagnostics) {
	if rng.End.Byte-1 > len(c.src) || start.Byte > rng.End.Byte-1 {
		return
	}
	raw := c.src[start.Byte : rng.End.Byte-1]
	if len(raw) == decodedLen && !bytes.ContainsAny(raw, "\\\n") {
		return // no escapes: positions are right
	}
	m := newJSONString(raw, start, decodedLen)
	m.remap(x)
	for _, d := range diags {
		m.remap(d)
	}
}

// templateOr is the mode of an object key: a template where values are.
func templateOr(mode exprMode) exprMode {
	if mode == asTemplate {
		return asTemplate
	}
	return asLiteral
}

// sortByStart orders property names by where they appear.
func sortByStart(names []string, attrs hcl.Attributes) {
	slices.SortFunc(names, func(a, b string) int {
		return attrs[a].NameRange.Start.Byte - attrs[b].NameRange.Start.Byte
	})
}

// endPos is the position just past the end of src.
func endPos(src []byte) hcl.Pos {
	line, col := 1, 1
	for _, b := range src {
		if b == '\n' {
			line, col = line+1, 1
		} else if b < 0x80 || b >= 0xC0 {
			col++
		}
	}
	return hcl.Pos{Line: line, Column: col, Byte: len(src)}
}
