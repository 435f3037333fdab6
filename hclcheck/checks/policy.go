package checks

import (
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

// boundElem is an element computed from one resource attribute: a
// parameter's arn is that parameter's ARN (its name is known), so
// statements on aws_ssm_parameter.db.arn are read as on
// arn:aws:ssm:*:*:parameter/db.
func boundElem(c *hclcheck.Config, el elem, refs []hclcheck.Ref) elem {
	if c == nil || len(refs) != 1 || refs[0].Attr != "arn" || el.value != hclcheck.Unknown {
		return el
	}
	r := c.Resource(refs[0].Addr)
	if r == nil || r.Type() != "aws_ssm_parameter" {
		return el
	}
	if n, _, ok := hclcheck.AttrString(r.Body, "name"); ok && n != "" && !strings.Contains(n, hclcheck.Unknown) {
		// Its own ARN, in whatever region and account it is made.
		el.value = "arn:aws:ssm:*:*:parameter/" + strings.TrimPrefix(n, "/")
	}
	return el
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

// attrStatements reads a policy attribute through the document view
// (jsonencode, a heredoc or template, templatefile, a JSON string): an
// element computed from a resource (aws_kms_key.app.arn) names it. A
// reference to a data document is read there, not here.
func attrStatements(a *hclcheck.Attr) ([]stmt, bool) {
	doc, ok, _ := a.Document("JSON")
	if !ok {
		return nil, false
	}
	return docStatements(a.Config(), doc)
}

// jsonStatements reads a JSON policy written at at.
func jsonStatements(text string, at hcl.Range) ([]stmt, bool) {
	root, err := hclcheck.ParseDocument(text, "JSON")
	if err != nil {
		return nil, false
	}
	return docStatements(nil, hclcheck.NewDoc(root, at))
}

// docStatements reads the statements of a policy document; false when
// they cannot be read one by one.
func docStatements(c *hclcheck.Config, doc *hclcheck.Doc) ([]stmt, bool) {
	var paths [][]any
	switch x := doc.Get("Statement").(type) {
	case map[string]any:
		paths = append(paths, []any{"Statement"})
	case []any:
		for i := range x {
			paths = append(paths, []any{"Statement", i})
		}
	default:
		return nil, false
	}
	var out []stmt
	for _, p := range paths {
		m, ok := doc.Get(p...).(map[string]any)
		if !ok {
			return nil, false
		}
		st := stmt{complete: true, actionsComplete: true}
		st.sid, _ = m["Sid"].(string)
		st.effect, _ = m["Effect"].(string)
		st.actions, st.notAction = docList(c, doc, p, &st.actionsComplete, "Action", "NotAction")
		st.resources, st.notResource = docList(c, doc, p, &st.complete, "Resource", "NotResource")
		switch pr := m["Principal"].(type) {
		case nil:
		case map[string]any:
			if _, has := pr["AWS"]; has {
				st.principals = docElements(c, doc, append(p[:len(p):len(p)], "Principal", "AWS"), &st.complete)
			}
		default:
			st.principals = docElements(c, doc, append(p[:len(p):len(p)], "Principal"), &st.complete)
		}
		st.conditional = m["Condition"] != nil
		st.complete = st.complete && st.actionsComplete
		out = append(out, st)
	}
	return out, true
}

// docList reads a string-or-list item (Action or NotAction, Resource or
// NotResource) element by element.
func docList(c *hclcheck.Config, doc *hclcheck.Doc, stmtPath []any, complete *bool, key, notKey string) ([]elem, bool) {
	m, _ := doc.Get(stmtPath...).(map[string]any)
	not := false
	if _, has := m[key]; !has {
		if _, has = m[notKey]; !has {
			return nil, false
		}
		key, not = notKey, true
	}
	return docElements(c, doc, append(stmtPath[:len(stmtPath):len(stmtPath)], key), complete), not
}

// docElements reads a string or a list of strings. A computed string is
// an element with unknown parts that names the resources it comes from;
// a computed list, or a value that is not a string, makes the list
// incomplete.
func docElements(c *hclcheck.Config, doc *hclcheck.Doc, path []any, complete *bool) []elem {
	var out []elem
	one := func(n any, p []any) {
		switch x := n.(type) {
		case string:
			out = append(out, elem{value: x, at: doc.At(p...)})
		case *hclcheck.Placeholder:
			if x.Collection || (len(x.Refs) == 0 && x.Pattern == "" && !x.String) {
				*complete = false
				return
			}
			el := elem{value: x.Pattern, at: doc.At(p...)}
			if el.value == "" {
				el.value = hclcheck.Unknown
			}
			for _, r := range x.Refs {
				el.refs = append(el.refs, r.Addr)
			}
			out = append(out, boundElem(c, el, x.Refs))
		default:
			*complete = false
		}
	}
	switch x := doc.Get(path...).(type) {
	case []any:
		for i, n := range x {
			one(n, append(path[:len(path):len(path)], i))
		}
	case nil:
	default:
		one(x, path)
	}
	return out
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
				refs := hclcheck.RefsOf(a.Eval(e))
				for _, r := range refs {
					el.refs = append(el.refs, r.Addr)
				}
				el = boundElem(a.Config(), el, refs)
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
			out = append(out, boundElem(a.Config(), el, hclcheck.RefsOf(mv)))
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
