package checks

import (
	"encoding/json"
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
	s, ok := d.inputs[name].(string)
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
		typ, _, ok := hclcheck.AttrString(r.Body, "document_type")
		if !ok {
			unknown = true
			continue
		}
		if typ != "Session" {
			continue
		}
		d := sessionDoc{r: r}
		content, ca, ok := hclcheck.AttrString(r.Body, "content")
		format, _, _ := hclcheck.AttrString(r.Body, "document_format")
		d.content = ca
		if ca != nil {
			d.inputsObj = encodedInputs(ca)
		}
		switch {
		case ok:
			d.inputs = parseInputs(content, format)
		case d.inputsObj != nil:
			// Some value inside jsonencode is unknown, so the whole
			// string is: read the object itself.
			d.inputs = ctyInputs(ca.Eval(d.inputsObj))
		}
		if d.inputs == nil {
			unknown = true
		}
		docs = append(docs, d)
	}
	return docs, unknown
}

// encodedInputs returns the "inputs" object of content written as
// jsonencode({...}) or yamlencode({...}).
func encodedInputs(a *hclcheck.Attr) *hclsyntax.ObjectConsExpr {
	call, ok := a.Expr().(*hclsyntax.FunctionCallExpr)
	if !ok || (call.Name != "jsonencode" && call.Name != "yamlencode") || len(call.Args) != 1 {
		return nil
	}
	doc, ok := call.Args[0].(*hclsyntax.ObjectConsExpr)
	if !ok {
		return nil
	}
	in, _ := item(a, doc, "inputs").(*hclsyntax.ObjectConsExpr)
	return in
}

// ctyInputs turns an evaluated inputs object into the map the rules read;
// nil when the object itself is not known.
func ctyInputs(v cty.Value) map[string]any {
	v, _ = v.UnmarkDeep()
	if !v.IsKnown() || v.IsNull() || !(v.Type().IsObjectType() || v.Type().IsMapType()) {
		return nil
	}
	out := map[string]any{}
	for it := v.ElementIterator(); it.Next(); {
		k, e := it.Element()
		switch {
		case !e.IsKnown():
			out[k.AsString()] = unknownInput{}
		case e.IsNull():
		case e.Type() == cty.String:
			out[k.AsString()] = e.AsString()
		case e.Type() == cty.Bool:
			out[k.AsString()] = e.True()
		case e.Type() == cty.Number:
			f, _ := e.AsBigFloat().Float64()
			out[k.AsString()] = f
		default:
			out[k.AsString()] = unknownInput{} // a list or object: set
		}
	}
	return out
}

// parseInputs reads the "inputs" object of a JSON or YAML document.
func parseInputs(content, format string) map[string]any {
	var doc map[string]any
	if strings.EqualFold(format, "YAML") {
		if len(content) > 1<<20 || yaml.Unmarshal([]byte(content), &doc) != nil {
			return nil
		}
	} else if json.Unmarshal([]byte(content), &doc) != nil {
		return nil
	}
	in, ok := doc["inputs"].(map[string]any)
	if !ok {
		return map[string]any{}
	}
	return in
}
