package checks

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// sessionDoc is a Session Manager preferences document (aws_ssm_document
// with document_type "Session") and the inputs the rules read.
type sessionDoc struct {
	r *hclcheck.Resource
	// inputs are the document's "inputs", read as a document view: an
	// input whose value is not known before apply is a
	// *hclcheck.Placeholder naming what it is computed from
	// (kmsKeyId = aws_kms_key.sessions.arn). nil when the content could
	// not be read.
	inputs map[string]any
	// content is the content attribute; inputsObj is the inputs object
	// when the content is written as jsonencode/yamlencode({...}), for
	// pointing at one input.
	content   *hclcheck.Attr
	inputsObj *hclsyntax.ObjectConsExpr
	doc       *hclcheck.Doc
}

// isPreferences reports whether a Session document's sessionType makes it
// the Session Manager preferences (Standard_Stream): Port and
// InteractiveCommands documents are Session documents too, but they
// neither log nor carry the preferences. An unknown sessionType counts.
func isPreferences(sessionType string, known bool) bool {
	return !known || sessionType == "Standard_Stream"
}

// readable reports whether the document's inputs can be read.
func (d sessionDoc) readable() bool { return d.inputs != nil }

// get returns an input: a string, bool, float64, *hclcheck.Placeholder,
// a list or object, or nil when the input is absent (or null).
func (d sessionDoc) get(name string) any { return d.inputs[name] }

// at is where a finding about an input points: the input in a
// jsonencode'd object or a computed input where it is written, else the
// content attribute.
func (d sessionDoc) at(name string) hcl.Range {
	if d.doc != nil && d.doc.Get("inputs", name) != nil {
		return d.doc.At("inputs", name)
	}
	if d.content != nil {
		return hclcheck.At(d.r, d.content)
	}
	return d.r.DefRange()
}

// str returns a non-empty string input.
func (d sessionDoc) str(name string) (string, bool) {
	s, ok := d.get(name).(string)
	return s, ok && strings.TrimSpace(s) != ""
}

// names reports whether an input is set for certain: a non-empty string,
// or a value computed from a resource of type typ (the log group or
// bucket the document refers to). A value from outside could be empty.
func (d sessionDoc) names(c *hclcheck.Config, input, typ string) bool {
	if _, ok := d.str(input); ok {
		return true
	}
	return len(d.referenced(c, input, typ)) > 0
}

// referenced lists the resources of type typ a computed input refers to.
func (d sessionDoc) referenced(c *hclcheck.Config, input, typ string) []*hclcheck.Resource {
	p, ok := d.get(input).(*hclcheck.Placeholder)
	if !ok {
		return nil
	}
	var out []*hclcheck.Resource
	for _, r := range c.ResourcesOf(p.Refs) {
		if r.Type() == typ && !r.IsData() {
			out = append(out, r)
		}
	}
	return out
}

// sessionDocs lists the Session documents of a configuration. unknown is
// true when some document's type or content cannot be read.
func sessionDocs(c *hclcheck.Config) (docs []sessionDoc, unknown bool) {
	type result struct {
		docs    []sessionDoc
		unknown bool
	}
	r := c.Memo(memoKey{query: "sessionDocs"}, func() any {
		docs, unknown := readSessionDocs(c)
		return result{docs, unknown}
	}).(result)
	return r.docs, r.unknown
}

func readSessionDocs(c *hclcheck.Config) (docs []sessionDoc, unknown bool) {
	for _, r := range c.Resources("aws_ssm_document") {
		if lit, ok := literalString(r.Body.Attr("document_type")); ok && lit != "Session" {
			continue // decided from the syntax, without evaluating
		}
		typ, _, ok := hclcheck.AttrString(r.Body, "document_type")
		if !ok {
			unknown = true
			continue
		}
		if typ != "Session" {
			continue
		}
		d := sessionDoc{r: r, content: r.Body.Attr("content")}
		if d.content != nil {
			_, d.inputsObj = encodedInputs(d.content)
			format, _, _ := hclcheck.AttrString(r.Body, "document_format")
			doc, ok, err := d.content.Document(format)
			var inputs map[string]any
			var st any
			if ok {
				inputs, st, err = sessionInputs(doc.Root)
				d.doc = doc
			}
			if err != nil {
				c.NoteError(hclcheck.At(r, d.content), "%s: %v; the Session Manager preferences were not checked", r.Addr, err)
			}
			if t, known := st.(string); err == nil && ok && !isPreferences(t, known) {
				continue
			}
			d.inputs = inputs
		}
		if !d.readable() {
			unknown = true
		}
		docs = append(docs, d)
	}
	return docs, unknown
}

// sessionInputs reads a Session document's "inputs" object and its
// sessionType (a string, a placeholder, or nil when absent). inputs is
// nil when they are not known (a placeholder).
func sessionInputs(doc any) (inputs map[string]any, sessionType any, err error) {
	m, ok := doc.(map[string]any)
	if !ok {
		return nil, nil, fmt.Errorf("the document is %s, not an object", docKind(doc))
	}
	switch in := m["inputs"].(type) {
	case map[string]any:
		return in, m["sessionType"], nil
	case nil:
		return map[string]any{}, m["sessionType"], nil
	case *hclcheck.Placeholder:
		return nil, m["sessionType"], nil
	default:
		return nil, m["sessionType"], fmt.Errorf("the document's inputs is %s, not an object", docKind(in))
	}
}

// docKind names the type of a document value, as JSON does.
func docKind(v any) string {
	switch v.(type) {
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	case string:
		return "a string"
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return "unknown"
}

// encodedInputs returns the document object and its "inputs" object of
// content written as jsonencode({...}) or yamlencode({...}).
func encodedInputs(a *hclcheck.Attr) (doc, inputs *hclsyntax.ObjectConsExpr) {
	call, ok := a.Expr().(*hclsyntax.FunctionCallExpr)
	if !ok || (call.Name != "jsonencode" && call.Name != "yamlencode") || len(call.Args) != 1 {
		return nil, nil
	}
	doc, ok = call.Args[0].(*hclsyntax.ObjectConsExpr)
	if !ok {
		return nil, nil
	}
	inputs, _ = item(a, doc, "inputs").(*hclsyntax.ObjectConsExpr)
	return doc, inputs
}

// parseInputs reads the "inputs" object of a JSON or YAML document. The
// error says why content cannot be read, with a line in the document.
func parseInputs(content, format string) (map[string]any, error) {
	doc, err := hclcheck.ParseDocument(content, format)
	if err != nil {
		return nil, err
	}
	in, _, err := sessionInputs(doc)
	return in, err
}

// literalString returns the value of an attribute written as a plain
// string literal ("Command"), without evaluating anything.
func literalString(a *hclcheck.Attr) (string, bool) {
	if a == nil {
		return "", false
	}
	t, ok := a.Expr().(*hclsyntax.TemplateExpr)
	if !ok || len(t.Parts) != 1 {
		return "", false
	}
	lit, ok := t.Parts[0].(*hclsyntax.LiteralValueExpr)
	if !ok || lit.Val.Type() != cty.String || lit.Val.IsNull() {
		return "", false
	}
	return lit.Val.AsString(), true
}
