package checks

import (
	"strings"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// parameter is an aws_ssm_parameter instance with the attributes the
// Parameter Store rules read.
type parameter struct {
	r *hclcheck.Resource
	// name and typ are "" when unknown.
	name, typ, tier string
	nameAttr        *hclcheck.Attr
	typeAttr        *hclcheck.Attr
	tierAttr        *hclcheck.Attr
}

// parameters lists the aws_ssm_parameter instances of a configuration.
func parameters(c *hclcheck.Config) []parameter {
	return c.Memo(memoKey{query: "parameters"}, func() any { return readParameters(c) }).([]parameter)
}

func readParameters(c *hclcheck.Config) []parameter {
	var out []parameter
	for _, r := range c.Resources("aws_ssm_parameter") {
		p := parameter{r: r}
		p.name, p.nameAttr, _ = hclcheck.AttrString(r.Body, "name")
		p.typ, p.typeAttr, _ = hclcheck.AttrString(r.Body, "type")
		p.tier, p.tierAttr, _ = hclcheck.AttrString(r.Body, "tier")
		out = append(out, p)
	}
	return out
}

// valueAttrNames are the arguments that carry a parameter's value. The
// provider accepts exactly one of them: `value_wo` is the write-only form
// of `value` (Terraform 1.11 or later), never stored in state.
var valueAttrNames = []string{"value", "value_wo", "insecure_value"}

// valueAttr returns the argument that sets the parameter's value, nil when
// none is set. One set to a known null is skipped: modules that offer both
// forms pass null to the one not chosen (`value = var.wo ? null : v`).
func (p parameter) valueAttr() *hclcheck.Attr {
	for _, n := range valueAttrNames {
		if a := p.r.Body.Attr(n); a != nil && !isNull(a) {
			return a
		}
	}
	return nil
}

// label names a parameter in messages: its address, and its name when
// known.
func (p parameter) label() string {
	if p.name != "" {
		return p.r.Addr + " (" + p.name + ")"
	}
	return p.r.Addr
}

// Parameter types as the API spells them (Terraform accepts them
// case-sensitively).
const (
	typeString       = "String"
	typeStringList   = "StringList"
	typeSecureString = "SecureString"
)

// Tiers.
const (
	tierStandard     = "Standard"
	tierAdvanced     = "Advanced"
	tierIntelligent  = "Intelligent-Tiering"
	standardMaxBytes = 4096
	advancedMaxBytes = 8192
)

// defaultTier is the tier an aws_ssm_parameter without `tier` gets: the
// stack's default-parameter-tier service setting when it declares one,
// else Standard. ok is false when the stack sets it to an unknown value.
func defaultTier(c *hclcheck.Config) (tier string, ok bool) {
	tier = tierStandard
	for _, r := range c.Resources("aws_ssm_service_setting") {
		id, _, idKnown := hclcheck.AttrString(r.Body, "setting_id")
		if !idKnown || !strings.HasSuffix(id, "/ssm/parameter-store/default-parameter-tier") {
			continue
		}
		v, _, known := hclcheck.AttrString(r.Body, "setting_value")
		if !known {
			return "", false
		}
		tier = v
	}
	return tier, true
}
