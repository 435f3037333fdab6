package checks

import (
	"encoding/json"
	"path"
	"strings"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// Managed policies the rules know by name.
const (
	policySSMCore       = "AmazonSSMManagedInstanceCore"
	policyEC2RoleForSSM = "AmazonEC2RoleforSSM"
)

// policyRef is a managed policy attached to a role, with the attribute
// that attaches it.
type policyRef struct {
	arn   string // "" when unknown
	attr  *hclcheck.Attr
	from  *hclcheck.Resource
	known bool
	// declared: a customer policy of the stack, whose document was read.
	declared bool
}

// name is the policy name: the last segment of its ARN.
func (p policyRef) name() string {
	if i := strings.LastIndexByte(p.arn, '/'); i >= 0 {
		return p.arn[i+1:]
	}
	return p.arn
}

// awsManaged reports whether the ARN is an AWS managed policy.
func (p policyRef) awsManaged() bool {
	return strings.Contains(p.arn, ":iam::aws:policy/")
}

// rolePolicies is what a role is granted.
type rolePolicies struct {
	managed []policyRef
	// docs are the JSON documents of inline policies and of customer
	// managed policies declared in the stack.
	docs []string
	// statements come from data "aws_iam_policy_document" blocks whose
	// JSON is not known (a resource ARN computed at apply) but whose
	// effects and actions are.
	statements []statement
	// unknown is true when some attachment or document could not be
	// evaluated: the role may be granted more than we see.
	unknown bool
}

// policiesOf collects the managed policy ARNs and policy documents that
// apply to a role: aws_iam_role's managed_policy_arns and inline_policy,
// aws_iam_role_policy_attachment, aws_iam_policy_attachment,
// aws_iam_role_policy_attachments_exclusive, aws_iam_role_policy.
func policiesOf(c *hclcheck.Config, role *hclcheck.Resource) rolePolicies {
	var rp rolePolicies
	addARNs := func(from *hclcheck.Resource, a *hclcheck.Attr) {
		if a == nil {
			return
		}
		// A customer policy declared in the stack: read its document.
		if a.OnlyReferences() {
			for _, p := range c.Referenced(a) {
				if p.Type() != "aws_iam_policy" {
					rp.unknown = true
					continue
				}
				rp.managed = append(rp.managed, policyRef{attr: a, from: from, declared: true})
				rp.addDoc(p.Body.Attr("policy"))
			}
			return
		}
		// ARNs, known whole or by their tails (a templated partition).
		vals, ok := hclcheck.KnownTails(a)
		if !ok {
			rp.unknown = true
			return
		}
		for _, arn := range vals {
			rp.managed = append(rp.managed, policyRef{arn: arn, attr: a, from: from, known: true})
		}
	}
	addARNs(role, role.Body.Attr("managed_policy_arns"))
	for _, ip := range role.Body.Blocks("inline_policy") {
		rp.addDoc(ip.Attr("policy"))
	}
	for _, r := range c.Resources("aws_iam_role_policy_attachment") {
		if refersTo(c, r.Body.Attr("role"), role) || sameName(r.Body.Attr("role"), role) {
			addARNs(r, r.Body.Attr("policy_arn"))
		}
	}
	for _, r := range c.Resources("aws_iam_policy_attachment") {
		if refersTo(c, r.Body.Attr("roles"), role) || sameNameInList(r.Body.Attr("roles"), role) {
			addARNs(r, r.Body.Attr("policy_arn"))
		}
	}
	for _, r := range c.Resources("aws_iam_role_policy_attachments_exclusive") {
		if refersTo(c, r.Body.Attr("role_name"), role) || sameName(r.Body.Attr("role_name"), role) {
			addARNs(r, r.Body.Attr("policy_arns"))
		}
	}
	for _, r := range c.Resources("aws_iam_role_policy") {
		if refersTo(c, r.Body.Attr("role"), role) || sameName(r.Body.Attr("role"), role) {
			rp.addDoc(r.Body.Attr("policy"))
		}
	}
	return rp
}

func (rp *rolePolicies) addDoc(a *hclcheck.Attr) {
	if a == nil {
		return
	}
	if s, ok := hclcheck.String(a.Value()); ok {
		rp.docs = append(rp.docs, s)
		return
	}
	if c := a.Config(); c != nil {
		if docs := c.Referenced(a); len(docs) == 1 && docs[0].IsData() && docs[0].Type() == "aws_iam_policy_document" {
			if sts, ok := documentStatements(docs[0]); ok {
				rp.statements = append(rp.statements, sts...)
				return
			}
		}
	}
	rp.unknown = true
}

// documentStatements reads the statements of a data
// "aws_iam_policy_document": effect (default Allow), actions and
// not_actions. Documents merged from others are not followed.
func documentStatements(d *hclcheck.Resource) ([]statement, bool) {
	for _, n := range []string{"source_policy_documents", "override_policy_documents", "source_json", "override_json"} {
		if d.Body.Has(n) {
			return nil, false
		}
	}
	var out []statement
	for _, b := range d.Body.Blocks("statement") {
		if b.Uncertain {
			return nil, false
		}
		st := statement{effect: "Allow"}
		if e, _, ok := hclcheck.AttrString(b, "effect"); ok {
			st.effect = e
		} else if b.Has("effect") {
			return nil, false
		}
		field := b.Attr("actions")
		if na := b.Attr("not_actions"); na != nil {
			field, st.notAction = na, true
		}
		acts, ok := stringList(field)
		if !ok {
			return nil, false
		}
		st.actions = acts
		out = append(out, st)
	}
	return out, true
}

// sameName reports whether a role attribute is the role's literal name.
func sameName(a *hclcheck.Attr, role *hclcheck.Resource) bool {
	if a == nil {
		return false
	}
	s, ok := hclcheck.String(a.Value())
	n, _, ok2 := hclcheck.AttrString(role.Body, "name")
	return ok && ok2 && s == n
}

func sameNameInList(a *hclcheck.Attr, role *hclcheck.Resource) bool {
	vals, ok := stringList(a)
	n, _, ok2 := hclcheck.AttrString(role.Body, "name")
	if !ok || !ok2 {
		return false
	}
	for _, v := range vals {
		if v == n {
			return true
		}
	}
	return false
}

// stringList reads a string or a list/set of strings; false when any part
// is unknown.
func stringList(a *hclcheck.Attr) ([]string, bool) {
	if a == nil {
		return nil, true
	}
	v, _ := a.Value().UnmarkDeep()
	if !v.IsWhollyKnown() {
		return nil, false
	}
	if v.IsNull() {
		return nil, true
	}
	if s, ok := hclcheck.String(v); ok && v.Type().IsPrimitiveType() {
		return []string{s}, true
	}
	if !v.CanIterateElements() {
		return nil, false
	}
	var out []string
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		s, ok := hclcheck.String(e)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// statement is one IAM policy statement.
type statement struct {
	effect    string
	actions   []string
	notAction bool
}

// parsePolicy reads the statements of a JSON policy document. Odd JSON
// (a single statement object, string-or-list fields) is accepted; a
// document that cannot be read gives ok false.
func parsePolicy(doc string) (sts []statement, ok bool) {
	var d struct {
		Statement json.RawMessage
	}
	if err := json.Unmarshal([]byte(doc), &d); err != nil {
		return nil, false
	}
	var raw []json.RawMessage
	if err := json.Unmarshal(d.Statement, &raw); err != nil {
		raw = []json.RawMessage{d.Statement}
	}
	for _, r := range raw {
		var s struct {
			Effect    string
			Action    json.RawMessage
			NotAction json.RawMessage
		}
		if err := json.Unmarshal(r, &s); err != nil {
			return nil, false
		}
		st := statement{effect: s.Effect}
		field := s.Action
		if len(s.NotAction) > 0 {
			field, st.notAction = s.NotAction, true
		}
		acts, ok := stringOrList(field)
		if !ok {
			return nil, false
		}
		st.actions = acts
		sts = append(sts, st)
	}
	return sts, true
}

func stringOrList(raw json.RawMessage) ([]string, bool) {
	if len(raw) == 0 {
		return nil, true
	}
	var one string
	if err := json.Unmarshal(raw, &one); err == nil {
		return []string{one}, true
	}
	var many []string
	if err := json.Unmarshal(raw, &many); err == nil {
		return many, true
	}
	return nil, false
}

// actionMatches reports whether an IAM action pattern ("ssm:*",
// "ssmmessages:Create*", "*") covers an action; case-insensitive.
func actionMatches(pattern, action string) bool {
	ok, err := path.Match(strings.ToLower(pattern), strings.ToLower(action))
	return err == nil && ok
}

// grants reports whether the statements allow an action (on some
// resource) and no statement denies it outright. NotAction allows count
// as allowing everything they do not list.
func grants(sts []statement, action string) bool {
	allowed := false
	for _, st := range sts {
		matched := false
		for _, p := range st.actions {
			if actionMatches(p, action) {
				matched = true
			}
		}
		if st.notAction {
			matched = !matched
		}
		if !matched {
			continue
		}
		switch strings.ToLower(st.effect) {
		case "deny":
			return false
		case "allow":
			allowed = true
		}
	}
	return allowed
}
