// Package ptr is a stub of github.com/aws/smithy-go/ptr.
package ptr

// String returns a pointer to v.
func String(v string) *string { return &v }

// Bool returns a pointer to v.
func Bool(v bool) *bool { return &v }
