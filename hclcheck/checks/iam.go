package checks

import (
	"path"
	"slices"
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
	// stmts are the statements of inline policies, of customer managed
	// policies declared in the stack, and of the data
	// "aws_iam_policy_document" blocks they use.
	stmts []stmt
	// unknown is true when some attachment or document could not be
	// evaluated: the role may be granted more than we see.
	unknown bool
}

// policiesOf collects the managed policy ARNs and policy documents that
// apply to a role: aws_iam_role's managed_policy_arns and inline_policy,
// aws_iam_role_policy_attachment, aws_iam_policy_attachment (each role of
// its roles list), aws_iam_role_policy, and what
// aws_iam_role_policy_attachments_exclusive and
// aws_iam_role_policies_exclusive list for it. An attachment whose role
// cannot be told (a variable) may attach to any role: the role's grants
// are then unknown.
func policiesOf(c *hclcheck.Config, role *hclcheck.Resource) rolePolicies {
	return c.Memo(memoKey{"policiesOf", role.Addr}, func() any { return readPolicies(c, role) }).(rolePolicies)
}

func readPolicies(c *hclcheck.Config, role *hclcheck.Resource) rolePolicies {
	var rp rolePolicies
	addARNs := func(from *hclcheck.Resource, a *hclcheck.Attr) {
		if a == nil {
			return
		}
		// A customer policy declared in the stack: read its document.
		if a.OnlyReferences() {
			for _, p := range c.Referenced(a) {
				switch {
				case p.Type() == "aws_iam_policy" && p.IsData():
					rp.addDataPolicy(p, a, from)
				case p.Type() != "aws_iam_policy":
					rp.unknown = true
				default:
					rp.managed = append(rp.managed, policyRef{attr: a, from: from, declared: true})
					rp.addDoc(p.Body.Attr("policy"))
				}
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
		if refersTo(c, r.Body.Attr("role"), role) || sameName(c, r.Body.Attr("role"), role) {
			addARNs(r, r.Body.Attr("policy_arn"))
		}
	}
	for _, r := range c.Resources("aws_iam_policy_attachment") {
		switch namesRole(c, r.Body.Attr("roles"), role) {
		case grantYes:
			addARNs(r, r.Body.Attr("policy_arn"))
		case grantUnknown:
			rp.unknown = true // it may attach its policy to this role
		}
	}
	for _, r := range c.Resources("aws_iam_role_policy_attachments_exclusive") {
		switch namesRole(c, r.Body.Attr("role_name"), role) {
		case grantYes:
			rp.addListedARNs(c, r, r.Body.Attr("policy_arns"), addARNs)
		case grantUnknown:
			rp.unknown = true
		}
	}
	for _, r := range c.Resources("aws_iam_role_policies_exclusive") {
		switch namesRole(c, r.Body.Attr("role_name"), role) {
		case grantYes:
			rp.addListedInline(c, role, r.Body.Attr("policy_names"))
		case grantUnknown:
			rp.unknown = true
		}
	}
	for _, r := range c.Resources("aws_iam_role_policy") {
		if refersTo(c, r.Body.Attr("role"), role) || sameName(c, r.Body.Attr("role"), role) {
			rp.addDoc(r.Body.Attr("policy"))
		}
	}
	return rp
}

func (rp *rolePolicies) addDoc(a *hclcheck.Attr) {
	if a == nil {
		return
	}
	if sts, ok := attrStatements(a); ok {
		rp.stmts = append(rp.stmts, sts...)
		return
	}
	if c := a.Config(); c != nil {
		if docs := c.Referenced(a); len(docs) == 1 && docs[0].IsData() && docs[0].Type() == "aws_iam_policy_document" {
			if sts, ok := dataStatements(docs[0]); ok {
				rp.stmts = append(rp.stmts, sts...)
				return
			}
		}
	}
	rp.unknown = true
}

// namesRole tells whether an attachment's role attribute (one role name,
// or a list of them) names the role: by reference, or by its literal name
// when both are known. Unknown when some part is neither a known name nor
// a reference to a declared resource (a variable, a module that cannot be
// read): it may be this role.
func namesRole(c *hclcheck.Config, a *hclcheck.Attr, role *hclcheck.Resource) grant {
	if a == nil {
		return grantNo
	}
	if refersTo(c, a, role) || sameNameInList(c, a, role) {
		return grantYes
	}
	if _, known := stringList(a); known || a.OnlyReferences() {
		return grantNo
	}
	return grantUnknown
}

// addDataPolicy counts a policy looked up with data "aws_iam_policy": an
// AWS managed policy when its arn says so, or its name is one ssmlint
// knows (AmazonSSMManagedInstanceCore looked up by name is that policy);
// any other may grant anything.
func (rp *rolePolicies) addDataPolicy(p *hclcheck.Resource, a *hclcheck.Attr, from *hclcheck.Resource) {
	arn, ok := hclcheck.KnownSuffix(p.Body.Attr("arn"))
	if !ok || !strings.Contains(arn, ":iam::aws:policy/") {
		name, _, named := hclcheck.AttrString(p.Body, "name")
		if !named || !knownAWSPolicy(name) {
			rp.unknown = true
			return
		}
		arn = "arn:aws:iam::aws:policy/" + name
	}
	rp.managed = append(rp.managed, policyRef{arn: arn, attr: a, from: from, known: true})
}

// knownAWSPolicy reports an AWS managed policy name ssmlint knows the
// grants of.
func knownAWSPolicy(name string) bool {
	return name == policySSMCore || name == policyEC2RoleForSSM || policiesWithoutCore[name]
}

// addListedARNs reads the policy_arns of
// aws_iam_role_policy_attachments_exclusive element by element, since
// such lists mix ARNs and references: an ARN known whole or by its tail
// (a templated partition), a customer policy of the stack (its document is
// read), or the policy_arn of an attachment resource it names
// (`aws_iam_role_policy_attachment.x.policy_arn`). Any other element may
// be any policy. A list that is not known as a list goes to addARNs.
func (rp *rolePolicies) addListedARNs(c *hclcheck.Config, from *hclcheck.Resource, a *hclcheck.Attr, addARNs func(*hclcheck.Resource, *hclcheck.Attr)) {
	if a == nil {
		return
	}
	v, _ := a.Value().Unmark()
	if !v.IsKnown() || v.IsNull() || !v.CanIterateElements() {
		addARNs(from, a)
		return
	}
	tails, tailsOK := hclcheck.KnownTails(a)
	tailsOK = tailsOK && len(tails) == v.LengthInt()
	i := -1
	for it := v.ElementIterator(); it.Next(); {
		i++
		_, el := it.Element()
		if arn, ok := hclcheck.String(el); ok {
			rp.managed = append(rp.managed, policyRef{arn: arn, attr: a, from: from, known: true})
			continue
		}
		if tailsOK {
			rp.managed = append(rp.managed, policyRef{arn: tails[i], attr: a, from: from, known: true})
			continue
		}
		refs := hclcheck.RefsOf(el)
		if len(refs) == 0 {
			rp.unknown = true
		}
		for _, ref := range refs {
			p := c.Resource(ref.Addr)
			switch {
			case p != nil && p.IsData() && p.Type() == "aws_iam_policy":
				rp.addDataPolicy(p, a, from)
			case p == nil || p.IsData():
				rp.unknown = true
			case p.Type() == "aws_iam_policy":
				rp.managed = append(rp.managed, policyRef{attr: a, from: from, declared: true})
				rp.addDoc(p.Body.Attr("policy"))
			case p.Type() == "aws_iam_role_policy_attachment" || p.Type() == "aws_iam_policy_attachment":
				addARNs(p, p.Body.Attr("policy_arn"))
			default:
				rp.unknown = true
			}
		}
	}
}

// addListedInline reads the policy_names of
// aws_iam_role_policies_exclusive: inline policies of the role. One the
// stack declares (an aws_iam_role_policy it refers to or that has the
// name, or an inline_policy block of the role) gives its document, even
// when that policy's own role cannot be told; a name the stack does not
// declare is an inline policy written elsewhere, whose grants are unknown.
func (rp *rolePolicies) addListedInline(c *hclcheck.Config, role *hclcheck.Resource, a *hclcheck.Attr) {
	if a == nil {
		return
	}
	handled := map[string]bool{}
	add := func(p *hclcheck.Resource) {
		if n, _, ok := hclcheck.AttrString(p.Body, "name"); ok {
			handled[n] = true
		}
		if namesRole(c, p.Body.Attr("role"), role) != grantYes { // else already read
			rp.addDoc(p.Body.Attr("policy"))
		}
	}
	for _, p := range c.Referenced(a) {
		if p.Type() == "aws_iam_role_policy" {
			add(p)
		}
	}
	names, known := stringList(a)
	if !known {
		if !a.OnlyReferences() {
			rp.unknown = true
		}
		return
	}
	for _, ip := range role.Body.Blocks("inline_policy") {
		if n, _, ok := hclcheck.AttrString(ip, "name"); ok {
			handled[n] = true
		}
	}
	for _, n := range names {
		if handled[n] {
			continue
		}
		found := false
		for _, p := range c.Named("aws_iam_role_policy", "name", n) {
			if namesRole(c, p.Body.Attr("role"), role) != grantNo {
				found = true
				add(p)
			}
		}
		if !found {
			rp.unknown = true
		}
	}
}

// sameName reports whether a role attribute is the role's literal name.
func sameName(c *hclcheck.Config, a *hclcheck.Attr, role *hclcheck.Resource) bool {
	if a == nil {
		return false
	}
	s, ok := hclcheck.String(a.Value())
	return ok && slices.Contains(c.Named("aws_iam_role", "name", s), role)
}

// sameNameInList reports whether a list of roles holds the role's
// literal name.
func sameNameInList(c *hclcheck.Config, a *hclcheck.Attr, role *hclcheck.Resource) bool {
	vals, _ := stringList(a)
	for _, v := range vals {
		if slices.Contains(c.Named("aws_iam_role", "name", v), role) {
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
	v := hclcheck.Plain(a.Value())
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

// actionMatches reports whether an IAM action pattern ("ssm:*",
// "ssmmessages:Create*", "*") covers an action; case-insensitive.
func actionMatches(pattern, action string) bool {
	ok, err := path.Match(strings.ToLower(pattern), strings.ToLower(action))
	return err == nil && ok
}

// allows tells whether statements allow an action on a resource (an ARN,
// or "" for any resource): an explicit Deny wins; an action or resource
// that cannot be read makes the answer unknown unless something certain
// decides it.
func allows(sts []stmt, action, resource string) grant {
	return allowsOn(sts, action, grantTarget{arn: resource})
}

// target is a resource a permission is asked for: its ARN (parts unknown
// as hclcheck.Unknown), and the address of the resource in the stack when
// there is one (an element computed from it names it for certain).
type grantTarget struct {
	arn, addr string
}

func allowsOn(sts []stmt, action string, t grantTarget) grant {
	resource := t.arn
	allowed, unsure := false, false
	for _, st := range sts {
		am := matchAny(st.actions, func(p string) bool { return actionMatches(p, action) })
		if st.notAction {
			am = am.not()
		}
		rm := grantYes
		if resource != "" || t.addr != "" {
			rm = grantNo
			for _, e := range st.resources {
				switch {
				case t.addr != "" && e.names(t.addr):
					rm = grantYes
				case t.addr != "" && len(e.refs) > 0 && e.value == hclcheck.Unknown:
					// Computed from another resource: it names that one.
				case rm != grantYes && arnMatches(strings.ReplaceAll(e.value, hclcheck.Unknown, "*"), resource):
					// Unknown parts were taken as "*": a non-match is final.
					if e.known() {
						rm = grantYes
					} else {
						rm = grantUnknown
					}
				}
			}
			if st.notResource {
				rm = rm.not()
			}
		}
		if !st.actionsComplete && am != grantYes {
			am = grantUnknown // actions we could not read may match
		}
		if !st.complete && st.actionsComplete && rm != grantYes {
			rm = grantUnknown // resources we could not read may match
		}
		m := am.and(rm)
		switch {
		case m == grantNo:
			continue
		case st.effect == "Deny" && m == grantYes && !st.conditional:
			return grantNo
		case st.effect == "Deny" && m == grantYes:
			unsure = true // a Deny under a condition may or may not apply
		case st.effect == "Allow" && m == grantYes:
			allowed = true
		default:
			unsure = true
		}
	}
	switch {
	case allowed && !unsure:
		return grantYes
	case unsure:
		return grantUnknown
	}
	return grantNo
}

// matchAny matches elements against a test; unknown parts of an element
// match anything (the element may be anything there).
func matchAny(es []elem, test func(string) bool) grant {
	out := grantNo
	for _, e := range es {
		if test(strings.ReplaceAll(e.value, hclcheck.Unknown, "*")) {
			if e.known() {
				return grantYes
			}
			out = grantUnknown
		}
	}
	return out
}

func (g grant) not() grant {
	switch g {
	case grantYes:
		return grantNo
	case grantNo:
		return grantYes
	}
	return grantUnknown
}

func (g grant) and(h grant) grant {
	switch {
	case g == grantNo || h == grantNo:
		return grantNo
	case g == grantYes && h == grantYes:
		return grantYes
	}
	return grantUnknown
}

// arnMatches matches an IAM resource pattern (with * and ?) against an
// ARN, case-sensitively as IAM does for resources.
func arnMatches(pattern, arn string) bool {
	// ARN fields the target cannot know (its region and account, when a
	// name is given) match whatever the pattern says there.
	if strings.Contains(arn, hclcheck.Unknown) {
		pp, ap := strings.SplitN(pattern, ":", 6), strings.SplitN(arn, ":", 6)
		if len(pp) != 6 || len(ap) != 6 {
			return wildcardMatch(pattern, arn)
		}
		for i := range ap {
			if strings.Contains(ap[i], hclcheck.Unknown) {
				continue
			}
			if !wildcardMatch(pp[i], ap[i]) {
				return false
			}
		}
		return true
	}
	return wildcardMatch(pattern, arn)
}

// wildcardMatch is IAM's glob: * any run of characters (slashes
// included), ? one character. Linear backtracking: no pattern can make it
// slow.
func wildcardMatch(p, s string) bool {
	pi, si, star, mark := 0, 0, -1, 0
	for si < len(s) {
		switch {
		case pi < len(p) && (p[pi] == '?' || p[pi] == s[si]):
			pi++
			si++
		case pi < len(p) && p[pi] == '*':
			star, mark = pi, si
			pi++
		case star >= 0:
			pi = star + 1
			mark++
			si = mark
		default:
			return false
		}
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}
