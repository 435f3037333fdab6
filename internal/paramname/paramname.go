// Package paramname checks SSM parameter names against AWS's naming rules
// (ssm-facts.md, "Names", from the PutParameter API reference). Terraform
// rules (SSM203) and Go analyzers (SSM604) share it.
package paramname

import (
	"fmt"
	"strings"
)

// MaxLevels is the deepest hierarchy AWS allows.
const MaxLevels = 15

// MaxQualifiedLength is the longest fully qualified name (the ARN prefix
// `arn:aws:ssm:REGION:ACCOUNT:parameter/` included).
const MaxQualifiedLength = 1011

// minARNPrefix is the shortest ARN prefix a name can have
// (`arn:aws:ssm:` + a 9-character region + `:` + 12-digit account +
// `:parameter/`): a name longer than MaxQualifiedLength minus this is too
// long in every region.
const minARNPrefix = len("arn:aws:ssm:") + len("us-east-1") + 1 + 12 + len(":parameter/")

// Problem is one broken rule, with the byte offsets in the name it is
// about (End exclusive; both 0 when it is about the whole name).
type Problem struct {
	Message    string
	Start, End int
}

// Check returns the problems of a parameter name that is meant to be
// created (reserved prefixes count). An empty result means valid.
func Check(name string) []Problem {
	var ps []Problem
	if name == "" {
		return []Problem{{Message: "parameter name is empty"}}
	}
	for i, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '.' || r == '-' || r == '/') {
			ps = append(ps, Problem{
				Message: fmt.Sprintf("character %q is not allowed in a parameter name (only a-z, A-Z, 0-9, _ . - and /)", r),
				Start:   i, End: i + len(string(r)),
			})
			break
		}
	}
	if strings.Contains(name, "/") && !strings.HasPrefix(name, "/") {
		ps = append(ps, Problem{Message: fmt.Sprintf("parameter name %q has a hierarchy but does not start with \"/\"", name)})
	}
	trimmed := strings.TrimPrefix(name, "/")
	if levels := strings.Count(trimmed, "/") + 1; strings.HasPrefix(name, "/") && levels > MaxLevels {
		ps = append(ps, Problem{Message: fmt.Sprintf("parameter name has %d hierarchy levels; AWS allows at most %d", levels, MaxLevels)})
	}
	if low := strings.ToLower(trimmed); strings.HasPrefix(low, "aws") || strings.HasPrefix(low, "ssm") {
		ps = append(ps, Problem{Message: fmt.Sprintf("parameter names must not begin with %q (reserved by AWS, case-insensitive)", trimmed[:3])})
	}
	if len(trimmed)+minARNPrefix > MaxQualifiedLength {
		ps = append(ps, Problem{Message: fmt.Sprintf("parameter name is %d characters; with its ARN prefix it exceeds the %d-character limit", len(name), MaxQualifiedLength)})
	}
	return ps
}
