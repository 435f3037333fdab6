package checks

import (
	"encoding/json"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// elem is one action or resource of a policy statement, with where it is
// written: the element itself when the policy is HCL (jsonencode, a data
// "aws_iam_policy_document"), else the policy attribute.
type elem struct {
	// value is the string; parts that cannot be known are hclcheck.Unknown.
	value string
	at    hcl.Range
	// refs are the resources the element is computed from
	// (aws_kms_key.app.arn): it names them for certain.
	refs []string
}

// names reports whether the element is computed from the resource.
func (e elem) names(addr string) bool {
	for _, r := range e.refs {
		if r == addr {
			return true
		}
	}
	return false
}

// known reports whether the element has no unknown part.
func (e elem) known() bool { return !strings.Contains(e.value, hclcheck.Unknown) }

// stmt is one statement of a policy with its elements.
type stmt struct {
	sid         string
	effect      string // "Allow", "Deny"; "" when unknown
	actions     []elem
	notAction   bool
	resources   []elem
	notResource bool
	// principals are the AWS principals of a resource policy (a key
	// policy); "*" for everyone.
	principals []elem
	// conditional is true when the statement has conditions: kept so that
	// rules can tell, though none needs them (an Allow under a condition
	// still counts as an allow; a conditional Deny does not take one back
	// for certain).
	conditional bool
	// complete is false when some action, resource or principal list
	// could not be read element by element (a variable, a function of
	// unknowns); actionsComplete tells about the actions alone.
	complete        bool
	actionsComplete bool
}

// policyDoc is a policy document of the stack.
type policyDoc struct {
	owner *hclcheck.Resource
	stmts []stmt
}

// policyDocuments lists the identity-policy documents of a configuration
// whose statements can be read: aws_iam_policy, aws_iam_role_policy,
// aws_iam_user_policy, aws_iam_group_policy, aws_iam_role inline_policy
// blocks, and data "aws_iam_policy_document" blocks (each read once, where
// it is written).
func policyDocuments(c *hclcheck.Config) []policyDoc {
	return c.Memo(memoKey{query: "policyDocuments"}, func() any {
		var out []policyDoc
		add := func(r *hclcheck.Resource, a *hclcheck.Attr) {
			if a == nil {
				return
			}
			if sts, ok := attrStatements(a); ok {
				out = append(out, policyDoc{owner: r, stmts: sts})
			}
		}
		for _, typ := range []string{"aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"} {
			for _, r := range c.Resources(typ) {
				add(r, r.Body.Attr("policy"))
			}
		}
		for _, r := range c.Resources("aws_iam_role") {
			for _, b := range r.Body.Blocks("inline_policy") {
				add(r, b.Attr("policy"))
			}
		}
		for _, d := range c.DataSources("aws_iam_policy_document") {
			if sts, ok := ownStatements(d); ok {
				out = append(out, policyDoc{owner: d, stmts: sts})
			}
		}
		return out
	}).([]policyDoc)
}

// attrStatements reads a policy attribute: jsonencode({...}) element by
// element, else its value as JSON. A reference to a data document is read
// there, not here.
func attrStatements(a *hclcheck.Attr) ([]stmt, bool) {
	if call, ok := a.Expr().(*hclsyntax.FunctionCallExpr); ok && call.Name == "jsonencode" && len(call.Args) == 1 {
		if obj, ok := call.Args[0].(*hclsyntax.ObjectConsExpr); ok {
			if sts, ok := hclStatements(a, obj); ok {
				return sts, true
			}
		}
	}
	s, ok := hclcheck.String(a.Value())
	if !ok {
		// A heredoc with interpolations: the parts that cannot be known
		// stand inside JSON strings, so the document still reads.
		if s, ok = patternOf(a); !ok {
			return nil, false
		}
	}
	return jsonStatements(s, a.Range())
}

func patternOf(a *hclcheck.Attr) (string, bool) {
	s, _, ok := a.Pattern(a.Expr())
	return s, ok
}

// hclStatements walks the object given to jsonencode.
func hclStatements(a *hclcheck.Attr, doc *hclsyntax.ObjectConsExpr) ([]stmt, bool) {
	sx := item(a, doc, "Statement")
	if sx == nil {
		return nil, false
	}
	var objs []*hclsyntax.ObjectConsExpr
	switch x := sx.(type) {
	case *hclsyntax.ObjectConsExpr:
		objs = append(objs, x)
	case *hclsyntax.TupleConsExpr:
		for _, e := range x.Exprs {
			o, ok := e.(*hclsyntax.ObjectConsExpr)
			if !ok {
				return nil, false
			}
			objs = append(objs, o)
		}
	default:
		return nil, false
	}
	var out []stmt
	for _, o := range objs {
		st := stmt{complete: true, actionsComplete: true}
		if ex := item(a, o, "Effect"); ex != nil {
			if v, known, ok := a.Pattern(ex); ok && known {
				st.effect = v
			}
		}
		st.actions, st.notAction = hclList(a, o, &st.actionsComplete, "Action", "NotAction")
		st.resources, st.notResource = hclList(a, o, &st.complete, "Resource", "NotResource")
		st.principals = hclPrincipals(a, o, &st.complete)
		st.conditional = item(a, o, "Condition") != nil
		st.complete = st.complete && st.actionsComplete
		out = append(out, st)
	}
	return out, true
}

// hclPrincipals reads Principal = "*" or { AWS = ... }.
func hclPrincipals(a *hclcheck.Attr, o *hclsyntax.ObjectConsExpr, complete *bool) []elem {
	p := item(a, o, "Principal")
	if p == nil {
		return nil
	}
	if obj, ok := p.(*hclsyntax.ObjectConsExpr); ok {
		if aws := item(a, obj, "AWS"); aws != nil {
			return elements(a, aws, complete)
		}
		return nil
	}
	return elements(a, p, complete)
}

// item finds the value of a key in an object constructor.
func item(a *hclcheck.Attr, o *hclsyntax.ObjectConsExpr, key string) hclsyntax.Expression {
	for _, it := range o.Items {
		k, _ := a.Eval(it.KeyExpr).Unmark()
		if k.IsKnown() && !k.IsNull() && k.Type() == cty.String && k.AsString() == key {
			return it.ValueExpr
		}
	}
	return nil
}

// hclList reads a string-or-list item (Action or NotAction, Resource or
// NotResource) element by element.
func hclList(a *hclcheck.Attr, o *hclsyntax.ObjectConsExpr, complete *bool, key, notKey string) ([]elem, bool) {
	x, not := item(a, o, key), false
	if x == nil {
		if x = item(a, o, notKey); x == nil {
			return nil, false
		}
		not = true
	}
	return elements(a, x, complete), not
}

// elements reads a string or a list of strings written in HCL.
func elements(a *hclcheck.Attr, x hclsyntax.Expression, complete *bool) []elem {
	exprs := []hclsyntax.Expression{x}
	if t, ok := x.(*hclsyntax.TupleConsExpr); ok {
		exprs = t.Exprs
	}
	var out []elem
	for _, e := range exprs {
		if s, known, ok := a.Pattern(e); ok {
			el := elem{value: s, at: e.Range()}
			if !known {
				for _, r := range hclcheck.RefsOf(a.Eval(e)) {
					el.refs = append(el.refs, r.Addr)
				}
			}
			out = append(out, el)
			continue
		}
		// A list from elsewhere (a variable, concat(...)): known values
		// still count, at the expression.
		mv := a.Eval(e)
		v, _ := mv.Unmark()
		if !v.IsKnown() && (v.Type() == cty.String || v.Type() == cty.DynamicPseudoType) && len(hclcheck.RefsOf(mv)) > 0 {
			// One value computed from a resource (aws_kms_key.app.arn):
			// unknown, but it names that resource.
			el := elem{value: hclcheck.Unknown, at: e.Range()}
			for _, r := range hclcheck.RefsOf(mv) {
				el.refs = append(el.refs, r.Addr)
			}
			out = append(out, el)
			continue
		}
		if !v.IsWhollyKnown() || v.IsNull() || !v.CanIterateElements() {
			*complete = false
			continue
		}
		for it := v.ElementIterator(); it.Next(); {
			_, el := it.Element()
			if s, ok := hclcheck.String(el); ok {
				out = append(out, elem{value: s, at: e.Range()})
			}
		}
	}
	return out
}

// dataStatements reads a data "aws_iam_policy_document": the statements
// of source_policy_documents, then its own, then
// override_policy_documents (a statement with the Sid of an earlier one
// replaces it, as the provider does).
func dataStatements(d *hclcheck.Resource) ([]stmt, bool) {
	return dataStatementsDepth(d, 0)
}

// ownStatements reads only the statement blocks written in a data
// document (rules about how a policy is written report each once, where
// it is written).
func ownStatements(d *hclcheck.Resource) ([]stmt, bool) {
	return dataStatementsDepth(d, -1)
}

func dataStatementsDepth(d *hclcheck.Resource, depth int) ([]stmt, bool) {
	own := depth < 0
	if depth > 8 {
		return nil, false
	}
	var out []stmt
	merge := func(sts []stmt) {
		for _, st := range sts {
			replaced := false
			if st.sid != "" {
				for i := range out {
					if out[i].sid == st.sid {
						out[i], replaced = st, true
					}
				}
			}
			if !replaced {
				out = append(out, st)
			}
		}
	}
	docs := func(name string) bool {
		a := d.Body.Attr(name)
		if a == nil || own {
			return true
		}
		sts, ok := documentList(a, depth)
		if ok {
			merge(sts)
		}
		return ok
	}
	if !docs("source_policy_documents") || !own && (d.Body.Has("source_json") || d.Body.Has("override_json")) {
		return nil, false
	}
	var written []stmt
	for _, b := range d.Body.Blocks("statement") {
		if b.Uncertain {
			return nil, false
		}
		st := stmt{effect: "Allow", complete: true, actionsComplete: true}
		st.sid, _, _ = hclcheck.AttrString(b, "sid")
		st.conditional = len(b.Blocks("condition")) > 0
		if e, _, ok := hclcheck.AttrString(b, "effect"); ok {
			st.effect = e
		} else if b.Has("effect") {
			st.effect = ""
		}
		for _, pb := range b.Blocks("principals") {
			if t, _, ok := hclcheck.AttrString(pb, "type"); ok && t == "AWS" {
				if ids := pb.Attr("identifiers"); ids != nil {
					st.principals = append(st.principals, elements(ids, ids.Expr(), &st.complete)...)
				}
			} else if !ok {
				st.complete = false
			}
		}
		for _, pair := range [][2]string{{"actions", "not_actions"}, {"resources", "not_resources"}} {
			a, not := b.Attr(pair[0]), false
			if a == nil {
				a, not = b.Attr(pair[1]), true
			}
			if a == nil {
				continue
			}
			flag := &st.complete
			if pair[0] == "actions" {
				flag = &st.actionsComplete
			}
			els := elements(a, a.Expr(), flag)
			if pair[0] == "actions" {
				st.actions, st.notAction = els, not
			} else {
				st.resources, st.notResource = els, not
			}
		}
		st.complete = st.complete && st.actionsComplete
		written = append(written, st)
	}
	merge(written)
	if !docs("override_policy_documents") {
		return nil, false
	}
	return out, true
}

// documentList reads a list of policy documents (JSON strings, or
// references to other data documents).
func documentList(a *hclcheck.Attr, depth int) ([]stmt, bool) {
	c := a.Config()
	if t, ok := a.Expr().(*hclsyntax.TupleConsExpr); ok && c != nil {
		var out []stmt
		for _, e := range t.Exprs {
			v, _ := a.Eval(e).Unmark()
			if v.IsKnown() && !v.IsNull() && v.Type() == cty.String {
				sts, ok := jsonStatements(v.AsString(), e.Range())
				if !ok {
					return nil, false
				}
				out = append(out, sts...)
				continue
			}
			refs := hclcheck.RefsOf(a.Eval(e))
			if len(refs) != 1 {
				return nil, false
			}
			d := c.Resource(refs[0].Addr)
			if d == nil || !d.IsData() || d.Type() != "aws_iam_policy_document" {
				return nil, false
			}
			sts, ok := dataStatementsDepth(d, depth+1)
			if !ok {
				return nil, false
			}
			out = append(out, sts...)
		}
		return out, true
	}
	return nil, false
}

// jsonStatements reads a JSON policy; every element points at where the
// JSON is written.
func jsonStatements(doc string, at hcl.Range) ([]stmt, bool) {
	var d struct{ Statement json.RawMessage }
	if err := json.Unmarshal([]byte(doc), &d); err != nil || len(d.Statement) == 0 {
		return nil, false
	}
	var raw []json.RawMessage
	if err := json.Unmarshal(d.Statement, &raw); err != nil {
		raw = []json.RawMessage{d.Statement}
	}
	var out []stmt
	for _, r := range raw {
		var s struct {
			Sid                   string
			Effect                string
			Action, NotAction     json.RawMessage
			Resource, NotResource json.RawMessage
			Principal             json.RawMessage
			Condition             json.RawMessage
		}
		if err := json.Unmarshal(r, &s); err != nil {
			return nil, false
		}
		st := stmt{sid: s.Sid, effect: s.Effect, complete: true, actionsComplete: true}
		st.actions, st.notAction = jsonList(s.Action, s.NotAction, at, &st.actionsComplete)
		st.resources, st.notResource = jsonList(s.Resource, s.NotResource, at, &st.complete)
		st.principals = jsonPrincipals(s.Principal, at, &st.complete)
		st.conditional = len(s.Condition) > 0 && string(s.Condition) != "null"
		st.complete = st.complete && st.actionsComplete
		out = append(out, st)
	}
	return out, true
}

func jsonList(field, notField json.RawMessage, at hcl.Range, complete *bool) ([]elem, bool) {
	not := false
	if len(field) == 0 && len(notField) > 0 {
		field, not = notField, true
	}
	vals, ok := stringOrList(field)
	if !ok {
		*complete = false
		return nil, not
	}
	out := make([]elem, len(vals))
	for i, v := range vals {
		out[i] = elem{value: v, at: at}
	}
	return out, not
}

// jsonPrincipals reads "Principal": "*" or {"AWS": ...}.
func jsonPrincipals(raw json.RawMessage, at hcl.Range, complete *bool) []elem {
	if len(raw) == 0 {
		return nil
	}
	var star string
	if json.Unmarshal(raw, &star) == nil {
		return []elem{{value: star, at: at}}
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil {
		*complete = false
		return nil
	}
	if aws, ok := m["AWS"]; ok {
		out, _ := jsonList(aws, nil, at, complete)
		return out
	}
	return nil
}
