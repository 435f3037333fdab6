package checks

import (
	"encoding/json"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// sessionDoc is a Session Manager preferences document (aws_ssm_document
// with document_type "Session") and the inputs the rules read.
type sessionDoc struct {
	r *hclcheck.Resource
	// inputs are the document's "inputs"; nil when the content could not
	// be read.
	inputs map[string]any
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
		content, _, ok := hclcheck.AttrString(r.Body, "content")
		format, _, _ := hclcheck.AttrString(r.Body, "document_format")
		if ok {
			d.inputs = parseInputs(content, format)
		}
		if d.inputs == nil {
			unknown = true
		}
		docs = append(docs, d)
	}
	return docs, unknown
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
