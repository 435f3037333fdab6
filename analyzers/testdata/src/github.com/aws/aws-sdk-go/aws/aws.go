// Package aws is a stub of github.com/aws/aws-sdk-go/aws (v1).
package aws

import "context"

// Context is the v1 SDK's context.
type Context = context.Context

// String returns a pointer to v.
func String(v string) *string { return &v }

// Bool returns a pointer to v.
func Bool(v bool) *bool { return &v }

// StringValue returns *p, or "" for nil.
func StringValue(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// StringSlice returns pointers to the values of vs.
func StringSlice(vs []string) []*string {
	out := make([]*string, len(vs))
	for i := range vs {
		out[i] = &vs[i]
	}
	return out
}
