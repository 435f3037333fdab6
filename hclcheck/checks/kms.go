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
	if k, ok := keyOfRefs(c, c.Referenced(a)); ok {
		return k
	}
	s, ok := hclcheck.String(a.Value())
	if !ok {
		return kmsKey{}
	}
	return keyOfValue(c, s)
}

// keyOfInput resolves a key written in a document (Session preferences'
// kmsKeyId): a string by value, a placeholder by what it refers to.
// set is false when no key is set (absent, empty), or when the value
// comes from outside (a variable with no value) and could be empty.
func keyOfInput(c *hclcheck.Config, v any) (k kmsKey, set bool) {
	switch x := v.(type) {
	case string:
		if strings.TrimSpace(x) == "" {
			return kmsKey{}, false
		}
		return keyOfValue(c, x), true
	case *hclcheck.Placeholder:
		return keyOfRefs(c, c.ResourcesOf(x.Refs))
	}
	return kmsKey{}, false
}

// keyOfRefs is the key named by resources a key_id refers to; ok is
// false when none of them is a key or an alias.
func keyOfRefs(c *hclcheck.Config, rs []*hclcheck.Resource) (kmsKey, bool) {
	for _, r := range rs {
		switch {
		case r.Type() == "aws_kms_key" && !r.IsData():
			return kmsKey{key: r, customer: true, known: true}, true
		case r.Type() == "aws_kms_alias" && !r.IsData():
			return aliasTarget(c, r), true
		case r.Type() == "aws_kms_alias" || r.Type() == "aws_kms_key":
			// A data source, known by the name it is looked up with: the
			// AWS managed key, an alias this configuration declares (its
			// target key), else a key of another stack.
			n, _, ok := hclcheck.AttrString(r.Body, "name")
			if ok && isDefaultSSMKey(n) {
				return kmsKey{awsManaged: true, known: true}, true
			}
			if als := c.Named("aws_kms_alias", "name", n); ok && r.Type() == "aws_kms_alias" && len(als) == 1 {
				return aliasTarget(c, als[0]), true
			}
			return kmsKey{}, true
		}
	}
	return kmsKey{}, false
}

// keyOfValue resolves a key_id written as a string: alias/aws/ssm, the
// name of a declared alias, else a customer key of another stack.
func keyOfValue(c *hclcheck.Config, s string) kmsKey {
	if isDefaultSSMKey(s) {
		return kmsKey{awsManaged: true, known: true}
	}
	if i := strings.Index(s, "alias/"); i >= 0 {
		if als := c.Named("aws_kms_alias", "name", s[i:]); len(als) == 1 {
			return aliasTarget(c, als[0])
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
