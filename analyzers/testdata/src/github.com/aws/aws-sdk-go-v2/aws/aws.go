// Package aws is a stub of github.com/aws/aws-sdk-go-v2/aws for the
// analyzers' tests: only what they use, with the real signatures.
package aws

// String returns a pointer to v.
func String(v string) *string { return &v }

// Bool returns a pointer to v.
func Bool(v bool) *bool { return &v }

// Int32 returns a pointer to v.
func Int32(v int32) *int32 { return &v }

// ToString returns *p, or "" for nil.
func ToString(p *string) string {
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
