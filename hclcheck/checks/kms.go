package checks

import (
	"strings"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// kmsKey is what a key_id (of a parameter, a log group, Session
// preferences) designates.
type kmsKey struct {
	// key is the declared aws_kms_key, when the configuration holds it;
	// alias the declared aws_kms_alias the key_id goes through, if any.
	key, alias *hclcheck.Resource
	// awsManaged is Parameter Store's own key (alias/aws/ssm, or no
	// key_id at all).
	awsManaged bool
	// customer is true for a customer-managed key, declared here or not.
	customer bool
	// known is false when it cannot be told which key it is.
	known bool
}

// keyOf resolves a key_id by reference first (a key, an alias and its
// target key, a data source), then by value (alias/NAME of a declared
// alias, alias/aws/ssm). An absent key_id is the AWS managed key.
func keyOf(c *hclcheck.Config, a *hclcheck.Attr) kmsKey {
	if a == nil {
		return kmsKey{awsManaged: true, known: true}
	}
	for _, r := range c.Referenced(a) {
		switch {
		case r.Type() == "aws_kms_key" && !r.IsData():
			return kmsKey{key: r, customer: true, known: true}
		case r.Type() == "aws_kms_alias" && !r.IsData():
			return aliasTarget(c, r)
		case r.Type() == "aws_kms_alias" || r.Type() == "aws_kms_key":
			// A data source: an alias or key of another stack, known by
			// the name it is looked up with.
			if n, _, ok := hclcheck.AttrString(r.Body, "name"); ok && isDefaultSSMKey(n) {
				return kmsKey{awsManaged: true, known: true}
			}
			return kmsKey{}
		}
	}
	s, ok := hclcheck.String(a.Value())
	if !ok {
		return kmsKey{}
	}
	if isDefaultSSMKey(s) {
		return kmsKey{awsManaged: true, known: true}
	}
	if i := strings.Index(s, "alias/"); i >= 0 {
		for _, al := range c.Resources("aws_kms_alias") {
			if n, _, ok := hclcheck.AttrString(al.Body, "name"); ok && n == s[i:] {
				return aliasTarget(c, al)
			}
		}
	}
	return kmsKey{customer: true, known: true} // a key of another stack
}

// aliasTarget is the key a declared alias points at.
func aliasTarget(c *hclcheck.Config, alias *hclcheck.Resource) kmsKey {
	if keys, ok := resolveAll(c, alias.Body.Attr("target_key_id"), "aws_kms_key"); ok && len(keys) == 1 {
		return kmsKey{key: keys[0], alias: alias, customer: true, known: true}
	}
	return kmsKey{alias: alias, customer: true}
}

// isDefaultSSMKey reports the AWS managed key of Parameter Store.
func isDefaultSSMKey(k string) bool {
	return k == "" || strings.HasSuffix(k, "alias/aws/ssm")
}
