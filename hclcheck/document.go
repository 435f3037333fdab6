package hclcheck

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"gopkg.in/yaml.v3"
)

// Documents keep their structure when some of their leaves are computed.
// A policy, a Session Manager preferences document, container
// definitions or a resource-group query is a JSON or YAML document
// written in the configuration as jsonencode/yamlencode of an HCL value,
// as a string template (often a heredoc) with interpolations, or as
// templatefile(path, vars). Evaluated whole, a document with one computed
// leaf (`kmsKeyId = aws_kms_key.x.arn`) is an unknown string; read as a
// document (Attr.Document), it is a tree of plain values in which each
// leaf that cannot be known before apply is a *Placeholder that says what
// it is computed from. A rule meeting a placeholder asks the graph about
// the resources it names (a CMK, a parameter, a log group) instead of
// giving up.
//
// What stays unknown: a document whose shape depends on unknowns (a
// template directive over an unknown value, an object key that is not
// known, a list of unknown length) is unknown, or holds a placeholder
// where the shape is not known; a placeholder inside a list may stand for
// any number of elements. A placeholder with no Refs is a value from
// outside the configuration (a variable with no value).

// Placeholder stands, in a document, for a value not known before apply.
type Placeholder struct {
	// Refs are the resource attributes the value is computed from
	// (aws_kms_key.x.arn); none for a value from outside.
	Refs []Ref
	// Pattern is, for a string with known parts ("arn:aws:ssm:${var.r}:…"),
	// the string with Unknown for each unknown part; "" when nothing of it
	// is known.
	Pattern string
	// At is where the value is written.
	At hcl.Range
	// String is true when the value is known to be one string (an
	// interpolation inside a JSON string, a string attribute); Collection
	// when it is known to be a list, a map or an object (var.arns). Both
	// are false when its type is not known.
	String, Collection bool
}

// Names reports whether the placeholder is computed from the resource
// (any attribute of it).
func (p *Placeholder) Names(addr string) bool {
	for _, r := range p.Refs {
		if r.Addr == addr {
			return true
		}
	}
	return false
}

// maxDocumentBytes bounds the text of a document that is parsed (SSM
// documents are at most 64 KB, IAM policies 10 KB; this leaves room and
// bounds YAML alias expansion).
const maxDocumentBytes = 1 << 20

// Doc is a document read from the configuration (see Attr.Document).
type Doc struct {
	// Root is the document: map[string]any, []any, string, float64,
	// bool, nil and *Placeholder.
	Root any
	// Range is where the document is written (the expression).
	Range hcl.Range
	// at holds where nodes are written, by path (jsonencode of HCL
	// objects: every node written as an expression).
	at map[string]hcl.Range
}

// At is where the node at path (object keys and list indexes) is
// written: the node's own expression when it has one, else a
// placeholder's position, else the closest enclosing node's, else the
// document's.
func (d *Doc) At(path ...any) hcl.Range {
	if p, ok := d.Get(path...).(*Placeholder); ok && p.At.Filename != "" {
		return p.At
	}
	for n := len(path); n >= 0; n-- {
		if r, ok := d.at[pathKey(path[:n])]; ok {
			return r
		}
	}
	return d.Range
}

// Get returns the node at path; nil when there is none.
func (d *Doc) Get(path ...any) any {
	n := d.Root
	for _, k := range path {
		switch key := k.(type) {
		case string:
			m, ok := n.(map[string]any)
			if !ok {
				return nil
			}
			n = m[key]
		case int:
			l, ok := n.([]any)
			if !ok || key < 0 || key >= len(l) {
				return nil
			}
			n = l[key]
		default:
			return nil
		}
	}
	return n
}

func pathKey(path []any) string {
	var b strings.Builder
	for _, k := range path {
		fmt.Fprintf(&b, "%v\x00", k)
	}
	return b.String()
}

// NewDoc makes a document of a parsed tree (ParseDocument) written at rng.
func NewDoc(root any, rng hcl.Range) *Doc { return &Doc{Root: root, Range: rng} }

// Document reads the attribute's value as a JSON document (format "" or
// "JSON") or a YAML document (format "YAML"). ok is false when the
// document cannot be read before apply (the whole value is unknown, or
// its shape depends on unknowns). err says why content that is fully
// known is not a document (invalid JSON, with the line).
func (a *Attr) Document(format string) (doc *Doc, ok bool, err error) {
	if a == nil {
		return nil, false, nil
	}
	doc, ok, err = a.scope.document(a.syn.Expr, format, 0)
	if doc != nil {
		doc.Range = a.Range() // not the local's it came through
	}
	return doc, ok, err
}

func (s *scope) document(e hclsyntax.Expression, format string, depth int) (*Doc, bool, error) {
	if e == nil || depth > maxChaseDepth {
		return nil, false, nil
	}
	if x, ok := e.(*hclsyntax.FunctionCallExpr); ok && (x.Name == "jsonencode" || x.Name == "yamlencode") && len(x.Args) == 1 && !x.ExpandFinal {
		// Read from the HCL value, known or not: each node keeps where it
		// is written.
		d := &Doc{Range: e.Range(), at: map[string]hcl.Range{}}
		d.Root = s.docValue(x.Args[0], s.eval(x.Args[0]), nil, d.at)
		if _, whole := d.Root.(*Placeholder); whole {
			return nil, false, nil
		}
		return d, true, nil
	}
	if v, _ := s.eval(e).Unmark(); v.IsKnown() && !v.IsNull() && v.Type() == cty.String {
		root, err := parseDocument(v.AsString(), format)
		return &Doc{Root: root, Range: e.Range()}, err == nil, err
	}
	switch x := e.(type) {
	case *hclsyntax.ParenthesesExpr:
		return s.document(x.Expression, format, depth)
	case *hclsyntax.TemplateWrapExpr:
		return s.document(x.Wrapped, format, depth)
	case *hclsyntax.ScopeTraversalExpr:
		if d, ds := s.definition(x.Traversal); d != nil {
			return ds.document(d, format, depth+1)
		}
	case *hclsyntax.FunctionCallExpr:
		if x.Name == "templatefile" && len(x.Args) == 2 && !x.ExpandFinal {
			root, ok, err := s.templateFileDocument(x, format)
			return &Doc{Root: root, Range: e.Range()}, ok, err
		}
	case *hclsyntax.TemplateExpr:
		root, ok, err := s.templateDocument(x, format)
		return &Doc{Root: root, Range: e.Range()}, ok, err
	}
	return nil, false, nil
}

// definition is the expression a local, a variable (its module input) or
// a module output stands for, with the scope it is evaluated in.
func (s *scope) definition(tr hcl.Traversal) (hclsyntax.Expression, *scope) {
	name := func(i int) (string, bool) {
		if i >= len(tr) {
			return "", false
		}
		at, ok := tr[i].(hcl.TraverseAttr)
		return at.Name, ok
	}
	n1, ok := name(1)
	if !ok {
		return nil, nil
	}
	switch tr.RootName() {
	case "local":
		if l := s.mi.Module.Locals[n1]; l != nil && len(tr) == 2 {
			return l.Expr, s.mi.scope()
		}
	case "var":
		if len(tr) == 2 {
			if x, xs := s.mi.variableSource(n1); x != nil {
				return x, xs
			}
		}
	case "module":
		out, ok := name(2)
		kids := s.mi.Children[n1]
		if ok && len(tr) == 3 && len(kids) == 1 && kids[0].Module != nil {
			if o := kids[0].Module.Outputs[out]; o != nil {
				return o.Expr, kids[0].scope()
			}
		}
	}
	return nil, nil
}

// docValue turns an evaluated HCL value into a document tree; e is the
// expression that wrote it when known (for positions and references of
// placeholders), else nil.
func (s *scope) docValue(e hclsyntax.Expression, mv cty.Value, path []any, at map[string]hcl.Range) any {
	if e != nil {
		at[pathKey(path)] = e.Range()
	}
	v, _ := mv.Unmark()
	if !v.IsKnown() {
		return s.placeholder(e, mv)
	}
	if v.IsNull() {
		return nil
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return v.AsString()
	case ty == cty.Bool:
		return v.True()
	case ty == cty.Number:
		f, _ := v.AsBigFloat().Float64()
		return f
	case ty.IsObjectType() || ty.IsMapType():
		items := map[string]hclsyntax.Expression{}
		if o, ok := e.(*hclsyntax.ObjectConsExpr); ok {
			for _, it := range o.Items {
				if k, _ := s.eval(it.KeyExpr).Unmark(); k.IsKnown() && !k.IsNull() && k.Type() == cty.String {
					items[k.AsString()] = it.ValueExpr
				}
			}
		}
		out := map[string]any{}
		for it := v.ElementIterator(); it.Next(); {
			k, ev := it.Element()
			out[k.AsString()] = s.docValue(items[k.AsString()], ev, append(path[:len(path):len(path)], k.AsString()), at)
		}
		return out
	case ty.IsListType() || ty.IsTupleType() || ty.IsSetType():
		var exprs []hclsyntax.Expression
		if t, ok := e.(*hclsyntax.TupleConsExpr); ok && len(t.Exprs) == v.LengthInt() && !ty.IsSetType() {
			exprs = t.Exprs
		}
		out := make([]any, 0, v.LengthInt())
		for it := v.ElementIterator(); it.Next(); {
			var x hclsyntax.Expression
			if exprs != nil {
				x = exprs[len(out)]
			}
			_, ev := it.Element()
			out = append(out, s.docValue(x, ev, append(path[:len(path):len(path)], len(out)), at))
		}
		return out
	}
	return s.placeholder(e, mv)
}

// placeholder stands for an unknown value written by e (nil when not
// known): the resources it is computed from, by its marks, else by what
// the expression names.
func (s *scope) placeholder(e hclsyntax.Expression, v cty.Value) *Placeholder {
	p := &Placeholder{Refs: refsOf(v)}
	if ty := v.Type(); ty.IsCollectionType() || ty.IsObjectType() || ty.IsTupleType() {
		p.Collection = true
	} else if ty == cty.String {
		p.String = true
	}
	if e != nil {
		p.At = e.Range()
		if len(p.Refs) == 0 {
			p.Refs, _ = s.chase(e, 0)
		}
		if pat, known, ok := s.pattern(e); ok && !known && pat != Unknown {
			p.Pattern = pat
		}
	}
	return p
}

// A template's unknown parts are replaced, before the text is parsed, by
// tokens made of private-use characters (which no case mapping changes,
// and JSON and YAML keep as they are): docOpen, the part's index in
// docDigit+0…9, docClose.
const (
	docOpen  = '\uE000'
	docClose = '\uE001'
	docDigit = '\uE010'
)

func docToken(i int) string {
	var b strings.Builder
	b.WriteRune(docOpen)
	for _, d := range fmt.Sprint(i) {
		b.WriteRune(docDigit + (d - '0'))
	}
	b.WriteRune(docClose)
	return b.String()
}

// templateDocument reads a string template whose text is a document:
// each unknown interpolation becomes a placeholder. A template directive
// (%{if}, %{for}) over an unknown value leaves the document unknown.
func (s *scope) templateDocument(t *hclsyntax.TemplateExpr, format string) (any, bool, error) {
	var b strings.Builder
	var phs []*Placeholder
	var js jsonScan
	yml := strings.EqualFold(format, "YAML")
	for _, part := range t.Parts {
		mv := s.eval(part)
		if v, _ := mv.Unmark(); v.IsKnown() && !v.IsNull() {
			if sv, err := convert.Convert(v, cty.String); err == nil && sv.IsWhollyKnown() && !sv.IsNull() {
				b.WriteString(sv.AsString())
				js.feed(sv.AsString())
				continue
			}
		}
		if directive(part) {
			return nil, false, nil
		}
		tok := docToken(len(phs))
		p := s.placeholder(part, mv)
		// What the text makes of it: a string only inside a JSON string
		// ("${jsonencode(var.list)}" outside one is a list).
		p.String = !yml && js.inString
		phs = append(phs, p)
		if !yml && !js.inString {
			tok = `"` + tok + `"` // a value outside a JSON string
		}
		b.WriteString(tok)
		if b.Len() > maxDocumentBytes {
			return nil, false, nil
		}
	}
	doc, err := parseDocument(b.String(), format)
	if len(phs) == 0 {
		return doc, err == nil, err
	}
	if err != nil {
		return nil, false, nil // perhaps because of what the unknowns stand for
	}
	doc, ok := fillPlaceholders(doc, phs, t.Range())
	return doc, ok, nil
}

// directive reports whether a template part is a %{if} or %{for}
// directive (whose text, not one value, depends on the unknown).
func directive(part hclsyntax.Expression) bool {
	switch x := part.(type) {
	case *hclsyntax.TemplateJoinExpr:
		return true
	case *hclsyntax.ConditionalExpr:
		_, t := x.TrueResult.(*hclsyntax.TemplateExpr)
		_, f := x.FalseResult.(*hclsyntax.TemplateExpr)
		return t || f
	}
	return false
}

// jsonScan follows whether text written so far ends inside a JSON string.
type jsonScan struct{ inString, escaped bool }

func (j *jsonScan) feed(s string) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case j.escaped:
			j.escaped = false
		case j.inString && c == '\\':
			j.escaped = true
		case c == '"':
			j.inString = !j.inString
		}
	}
}

// templateFileDocument reads templatefile(path, vars) with each unknown
// string in vars replaced by a placeholder.
func (s *scope) templateFileDocument(call *hclsyntax.FunctionCallExpr, format string) (any, bool, error) {
	fn, ok := s.mi.config.funcs["templatefile"]
	path, _ := s.eval(call.Args[0]).Unmark()
	if !ok || !path.IsKnown() || path.IsNull() || path.Type() != cty.String {
		return nil, false, nil
	}
	var phs []*Placeholder
	items := map[string]hclsyntax.Expression{}
	if o, isObj := call.Args[1].(*hclsyntax.ObjectConsExpr); isObj {
		for _, it := range o.Items {
			if k, _ := s.eval(it.KeyExpr).Unmark(); k.IsKnown() && !k.IsNull() && k.Type() == cty.String {
				items[k.AsString()] = it.ValueExpr
			}
		}
	}
	vars, _ := s.eval(call.Args[1]).Unmark()
	if !vars.IsKnown() || vars.IsNull() || !(vars.Type().IsObjectType() || vars.Type().IsMapType()) {
		return nil, false, nil
	}
	attrs := map[string]cty.Value{}
	for it := vars.ElementIterator(); it.Next(); {
		k, v := it.Element()
		sv, ok := s.tokenize(items[k.AsString()], v, &phs, call.Args[1].Range())
		if !ok {
			return nil, false, nil
		}
		attrs[k.AsString()] = sv
	}
	out, err := fn.Call([]cty.Value{path, cty.ObjectVal(attrs)})
	if err != nil {
		return nil, false, nil
	}
	text, isStr := String(out)
	if !isStr || len(text) > maxDocumentBytes {
		return nil, false, nil
	}
	doc, err := parseDocument(text, format)
	if len(phs) == 0 {
		return doc, err == nil, err
	}
	if err != nil {
		return nil, false, nil
	}
	for _, p := range phs {
		// A token parsed as JSON was inside a string (bare, it is not
		// JSON); YAML could make anything of it.
		p.String = !strings.EqualFold(format, "YAML")
	}
	doc, ok = fillPlaceholders(doc, phs, call.Range())
	return doc, ok, nil
}

// tokenize replaces each unknown string in a template variable's value by
// a placeholder's token; false when an unknown is not a string (a list of
// unknown length), which the template could use in any way.
func (s *scope) tokenize(e hclsyntax.Expression, mv cty.Value, phs *[]*Placeholder, at hcl.Range) (cty.Value, bool) {
	v, _ := mv.Unmark()
	if !v.IsKnown() {
		if v.Type() != cty.String && v.Type() != cty.DynamicPseudoType {
			return cty.NilVal, false
		}
		p := s.placeholder(e, mv)
		if e == nil {
			p.At = at
		}
		*phs = append(*phs, p)
		return cty.StringVal(docToken(len(*phs) - 1)), true
	}
	if v.IsNull() || v.Type().IsPrimitiveType() {
		return v, true
	}
	ty := v.Type()
	switch {
	case ty.IsObjectType() || ty.IsMapType():
		m := map[string]cty.Value{}
		for it := v.ElementIterator(); it.Next(); {
			k, ev := it.Element()
			tv, ok := s.tokenize(nil, ev, phs, at)
			if !ok {
				return cty.NilVal, false
			}
			m[k.AsString()] = tv
		}
		return cty.ObjectVal(m), true
	case ty.IsListType() || ty.IsTupleType():
		var l []cty.Value
		for it := v.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			tv, ok := s.tokenize(nil, ev, phs, at)
			if !ok {
				return cty.NilVal, false
			}
			l = append(l, tv)
		}
		if l == nil {
			return cty.EmptyTupleVal, true
		}
		return cty.TupleVal(l), true
	}
	v, _ = v.UnmarkDeep()
	return v, v.IsWhollyKnown()
}

// fillPlaceholders puts the placeholders where their tokens are in the
// parsed document. A string that is one token is that placeholder; a
// string with tokens and text is a placeholder with a pattern; an object
// with a token in a key (or a token the text broke, say by substr) has
// no known shape: ok is false when that is the whole document.
func fillPlaceholders(doc any, phs []*Placeholder, at hcl.Range) (any, bool) {
	out := fill(doc, phs, at)
	_, whole := out.(*Placeholder)
	return out, !whole
}

func fill(n any, phs []*Placeholder, at hcl.Range) any {
	switch x := n.(type) {
	case string:
		return fillString(x, phs, at)
	case []any:
		for i := range x {
			x[i] = fill(x[i], phs, at)
		}
		return x
	case map[string]any:
		for k, v := range x {
			if hasToken(k) {
				p := fillString(k, phs, at)
				if ph, ok := p.(*Placeholder); ok {
					return &Placeholder{Refs: ph.Refs, At: ph.At}
				}
			}
			x[k] = fill(v, phs, at)
		}
		return x
	}
	return n
}

func hasToken(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r == docOpen || r == docClose || (r >= docDigit && r <= docDigit+9) })
}

func fillString(s string, phs []*Placeholder, at hcl.Range) any {
	if !hasToken(s) {
		return s
	}
	var pat strings.Builder
	var used []*Placeholder
	for rest := s; rest != ""; {
		i := strings.IndexRune(rest, docOpen)
		if i < 0 {
			pat.WriteString(rest)
			break
		}
		pat.WriteString(rest[:i])
		rest = rest[i+len(string(docOpen)):]
		j := strings.IndexRune(rest, docClose)
		if j < 0 {
			return &Placeholder{At: at}
		}
		n := 0
		for _, d := range rest[:j] {
			if d < docDigit || d > docDigit+9 {
				return &Placeholder{At: at}
			}
			n = n*10 + int(d-docDigit)
		}
		if j == 0 || n >= len(phs) {
			return &Placeholder{At: at}
		}
		rest = rest[j+len(string(docClose)):]
		used = append(used, phs[n])
		if phs[n].Pattern != "" {
			pat.WriteString(phs[n].Pattern)
		} else {
			pat.WriteString(Unknown)
		}
	}
	if hasToken(pat.String()) {
		return &Placeholder{At: at} // a token cut in two
	}
	if len(used) == 1 && pat.String() == Unknown {
		return used[0]
	}
	p := &Placeholder{Pattern: pat.String(), At: used[0].At}
	for _, u := range used {
		p.Refs = mergeRefs(p.Refs, u.Refs)
	}
	return p
}

// ParseDocument parses JSON or YAML text into a document tree (see
// Attr.Document). The error names the line in the document.
func ParseDocument(text, format string) (any, error) { return parseDocument(text, format) }

func parseDocument(text, format string) (any, error) {
	if len(text) > maxDocumentBytes {
		return nil, fmt.Errorf("the document is %d bytes, more than the %d ssmlint reads", len(text), maxDocumentBytes)
	}
	if strings.EqualFold(format, "YAML") {
		var doc any
		if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
			return nil, fmt.Errorf("content is not valid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
		}
		return plainYAML(doc), nil
	}
	var doc any
	if err := json.Unmarshal([]byte(text), &doc); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line := 1 + strings.Count(text[:max(0, min(int(se.Offset)-1, len(text)))], "\n")
			return nil, fmt.Errorf("content is not valid JSON: line %d of the document: %v", line, err)
		}
		return nil, fmt.Errorf("content is not valid JSON: %v", err)
	}
	return doc, nil
}

// plainYAML turns what yaml.v3 decodes into the document tree's types
// (string keys, float64 numbers).
func plainYAML(n any) any {
	switch x := n.(type) {
	case map[string]any:
		for k, v := range x {
			x[k] = plainYAML(v)
		}
		return x
	case map[any]any:
		out := make(map[string]any, len(x))
		for k, v := range x {
			out[fmt.Sprint(k)] = plainYAML(v)
		}
		return out
	case []any:
		for i := range x {
			x[i] = plainYAML(x[i])
		}
		return x
	case int:
		return float64(x)
	case int64:
		return float64(x)
	case uint64:
		return float64(x)
	case *big.Int:
		f, _ := new(big.Float).SetInt(x).Float64()
		return f
	}
	return n
}
