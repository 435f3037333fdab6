package checks

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"gopkg.in/yaml.v3"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// sessionDoc is a Session Manager preferences document (aws_ssm_document
// with document_type "Session") and the inputs the rules read.
type sessionDoc struct {
	r *hclcheck.Resource
	// inputs are the document's "inputs"; nil when the content could not
	// be read. An input whose value is not known before apply holds
	// unknownInput.
	inputs map[string]any
	// content is the content attribute; inputsObj is the inputs object
	// when the content is written as jsonencode/yamlencode({...}), for
	// pointing at one input.
	content   *hclcheck.Attr
	inputsObj *hclsyntax.ObjectConsExpr
	// lazy is true when inputs are read one by one from inputsObj, on
	// demand (inputs then caches them): evaluating the whole content would
	// evaluate every reference in it, log group names and all.
	lazy bool
}

// isPreferences reports whether a Session document's sessionType makes it
// the Session Manager preferences (Standard_Stream): Port and
// InteractiveCommands documents are Session documents too, but they
// neither log nor carry the preferences. An unknown sessionType counts.
func isPreferences(sessionType string, known bool) bool {
	return !known || sessionType == "Standard_Stream"
}

// readable reports whether the document's inputs can be read.
func (d sessionDoc) readable() bool { return d.lazy || d.inputs != nil }

// get returns an input: a string, bool, float64, unknownInput, or nil
// when the input is absent (or null).
func (d sessionDoc) get(name string) any {
	if !d.lazy {
		return d.inputs[name]
	}
	if v, ok := d.inputs[name]; ok {
		return v
	}
	var out any
	if x := item(d.content, d.inputsObj, name); x != nil {
		out = ctyToAny(d.content.Eval(x))
	}
	d.inputs[name] = out
	return out
}

// unknownInput stands for an input that is set, to a value not known
// before apply (e.g. kmsKeyId = aws_kms_key.sessions.arn).
type unknownInput struct{}

// at is where a finding about an input points: the input in a
// jsonencode'd object, else the content attribute.
func (d sessionDoc) at(name string) hcl.Range {
	if d.inputsObj != nil {
		if x := item(d.content, d.inputsObj, name); x != nil {
			return x.Range()
		}
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
		var docObj *hclsyntax.ObjectConsExpr
		if d.content != nil {
			docObj, d.inputsObj = encodedInputs(d.content)
		}
		if d.inputsObj != nil {
			d.inputs, d.lazy = map[string]any{}, true
			if x := item(d.content, docObj, "sessionType"); x != nil {
				st, known := ctyToAny(d.content.Eval(x)).(string)
				if !isPreferences(st, known) {
					continue
				}
			}
		} else if content, ok := stringOf(d.content); ok {
			format, _, _ := hclcheck.AttrString(r.Body, "document_format")
			inputs, st, err := parseSessionDocument(content, format)
			if err != nil {
				c.NoteError(hclcheck.At(r, d.content), "%s: %v; the Session Manager preferences were not checked", r.Addr, err)
			} else if !isPreferences(st, st != "") {
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

// ctyToAny turns an evaluated input into what the rules read.
func ctyToAny(v cty.Value) any {
	v = hclcheck.Plain(v)
	switch {
	case !v.IsKnown():
		return unknownInput{}
	case v.IsNull():
		return nil
	case v.Type() == cty.String:
		return v.AsString()
	case v.Type() == cty.Bool:
		return v.True()
	case v.Type() == cty.Number:
		f, _ := v.AsBigFloat().Float64()
		return f
	}
	return unknownInput{} // a list or object: set
}

// stringOf is String of an optional attribute's value.
func stringOf(a *hclcheck.Attr) (string, bool) {
	if a == nil {
		return "", false
	}
	return hclcheck.String(a.Value())
}

// maxDocument caps the size of document content parsed (SSM documents
// are at most 64 KB; this leaves room and bounds YAML alias expansion).
const maxDocument = 1 << 20

// parseInputs reads the "inputs" object of a JSON or YAML document. The
// error says why content cannot be read, with a line in the document.
func parseInputs(content, format string) (map[string]any, error) {
	in, _, err := parseSessionDocument(content, format)
	return in, err
}

// parseSessionDocument reads the "inputs" object and the sessionType
// ("" when absent or not a string) of a JSON or YAML document.
func parseSessionDocument(content, format string) (map[string]any, string, error) {
	var doc map[string]any
	if len(content) > maxDocument {
		return nil, "", fmt.Errorf("document content is %d bytes, more than the %d ssmlint reads", len(content), maxDocument)
	}
	if strings.EqualFold(format, "YAML") {
		if err := yaml.Unmarshal([]byte(content), &doc); err != nil {
			return nil, "", fmt.Errorf("content is not valid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
		}
	} else if err := json.Unmarshal([]byte(content), &doc); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line := 1 + strings.Count(content[:max(0, min(int(se.Offset)-1, len(content)))], "\n")
			return nil, "", fmt.Errorf("content is not valid JSON: line %d of the document: %v", line, err)
		}
		return nil, "", fmt.Errorf("content is not valid JSON: %v", err)
	}
	st, _ := doc["sessionType"].(string)
	switch in := doc["inputs"].(type) {
	case map[string]any:
		return in, st, nil
	case nil:
		return map[string]any{}, st, nil
	default:
		return nil, st, fmt.Errorf("the document's inputs is %T, not an object", in)
	}
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
