package checks

import (
	"strings"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// iamMissingKMSDecrypt reports roles that may read a SecureString
// encrypted with a customer-managed key of the stack but may not decrypt
// it: neither their IAM policies nor the key's policy (nor a grant) allow
// kms:Decrypt on that key. The AWS managed key alias/aws/ssm needs
// nothing and is not checked.
func iamMissingKMSDecrypt(pass *hclcheck.Pass) {
	c := pass.Config
	for _, p := range parameters(c) {
		if p.typ != typeSecureString || p.name == "" {
			continue
		}
		key := customerKey(c, p)
		if key == nil {
			continue
		}
		paramARN := "arn:aws:ssm:" + hclcheck.Unknown + ":" + hclcheck.Unknown + ":parameter/" + strings.TrimPrefix(p.name, "/")
		keyTarget := grantTarget{arn: "arn:aws:kms:" + hclcheck.Unknown + ":" + hclcheck.Unknown + ":key/" + hclcheck.Unknown, addr: key.Addr}
		for _, role := range c.Resources("aws_iam_role") {
			rp := policiesOf(c, role)
			if rp.unknown || managedMayDecrypt(rp) {
				continue
			}
			read := readGrant(rp.stmts, paramARN)
			if read == nil {
				continue // the role is not meant to read it
			}
			if allowsOn(rp.stmts, "kms:Decrypt", keyTarget) != grantNo || keyPolicyGrants(c, key, role) != grantNo {
				continue
			}
			pass.Report(role, read.at, "policy",
				"%s may read SecureString %s (%s) but not decrypt it: neither its policies nor the key policy of %s allow kms:Decrypt, so GetParameter with decryption fails with AccessDenied",
				role.Addr, p.name, p.r.Addr, key.Addr)
		}
	}
}

// customerKey returns the declared aws_kms_key a parameter is encrypted
// with (through an alias too), or nil.
func customerKey(c *hclcheck.Config, p parameter) *hclcheck.Resource {
	return keyOf(c, p.r.Body.Attr("key_id")).key
}

// readGrant returns the action element of an Allow statement that grants
// reading the parameter on a resource that names its path
// (parameter/orders/*, not "*"): a broad grant, like the one
// AmazonSSMManagedInstanceCore gives every instance, says nothing about
// which parameters a role is meant to read, and would make the rule fire
// for every role and every key. nil when there is none.
func readGrant(sts []stmt, paramARN string) *elem {
	for _, st := range sts {
		if st.effect != "Allow" || st.notAction || st.notResource || !namesPath(st, paramARN) {
			continue
		}
		for _, read := range parameterReads {
			if allows(sts, read, paramARN) != grantYes {
				continue
			}
			for i, a := range st.actions {
				if a.known() && actionMatches(a.value, read) {
					return &st.actions[i]
				}
			}
		}
	}
	return nil
}

// namesPath reports whether a statement has a known resource that matches
// the parameter and names at least one segment of its path.
func namesPath(st stmt, paramARN string) bool {
	for _, r := range st.resources {
		if !r.known() || !arnMatches(r.value, paramARN) {
			continue
		}
		if i := strings.Index(r.value, ":parameter/"); i >= 0 {
			rest := r.value[i+len(":parameter/"):]
			if rest != "" && rest[0] != '*' && rest[0] != '?' {
				return true
			}
		}
	}
	return false
}

// noDecrypt are AWS managed policies known not to grant kms:Decrypt.
var noDecrypt = map[string]bool{
	"AmazonSSMManagedInstanceCore":       true,
	"AmazonECSTaskExecutionRolePolicy":   true,
	"AmazonS3ReadOnlyAccess":             true,
	"CloudWatchAgentServerPolicy":        true,
	"AmazonEC2ContainerRegistryReadOnly": true,
	"AmazonSSMReadOnlyAccess":            true,
	"AmazonEC2ReadOnlyAccess":            true,
}

// managedMayDecrypt reports an attached managed policy that grants, or
// may grant, kms:Decrypt (any policy whose content ssmlint does not know).
func managedMayDecrypt(rp rolePolicies) bool {
	for _, p := range rp.managed {
		if p.declared {
			continue
		}
		if !p.awsManaged() || !noDecrypt[p.name()] {
			return true
		}
	}
	return false
}

// keyPolicyGrants tells whether a key's policy (or an aws_kms_grant)
// lets the role decrypt: an Allow of kms:Decrypt to the role itself or to
// "*". Without a policy the key has the default one, which leaves the
// decision to IAM.
func keyPolicyGrants(c *hclcheck.Config, key, role *hclcheck.Resource) grant {
	for _, g := range c.Resources("aws_kms_grant") {
		if refersTo(c, g.Body.Attr("key_id"), key) && (refersTo(c, g.Body.Attr("grantee_principal"), role) || len(g.Body.Attr("grantee_principal").Refs()) == 0) {
			return grantUnknown
		}
	}
	policy := key.Body.Attr("policy")
	for _, kp := range c.Resources("aws_kms_key_policy") {
		if refersTo(c, kp.Body.Attr("key_id"), key) {
			policy = kp.Body.Attr("policy")
		}
	}
	if policy == nil {
		return grantNo
	}
	sts, ok := attrStatements(policy)
	if !ok {
		if docs := c.Referenced(policy); len(docs) == 1 && docs[0].IsData() && docs[0].Type() == "aws_iam_policy_document" {
			sts, ok = dataStatements(docs[0])
		}
	}
	if !ok {
		return grantUnknown
	}
	out := grantNo
	for _, st := range sts {
		if st.effect != "Allow" || !st.complete {
			if !st.complete {
				out = grantUnknown
			}
			continue
		}
		if matchAny(st.actions, func(p string) bool { return actionMatches(p, "kms:Decrypt") }) == grantNo {
			continue
		}
		for _, pr := range st.principals {
			switch {
			case pr.names(role.Addr), pr.known() && pr.value == "*":
				return grantYes
			case !pr.known() && len(pr.refs) == 0:
				out = grantUnknown // a principal we cannot tell
			}
		}
	}
	return out
}
