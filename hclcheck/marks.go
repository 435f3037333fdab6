package hclcheck

import "github.com/zclconf/go-cty/cty"

// cty's deep-mark operations (UnmarkDeep, UnmarkDeepWithPaths) build a
// path for every element of a value whether or not anything in it is
// marked, and most values a rule reads carry no mark at all. These helpers
// walk a value without that bookkeeping, so the unmarked case costs
// nothing but the walk.

// walkMarks calls fn with the marks of v and of every value inside it. It
// stops early when fn returns false.
func walkMarks(v cty.Value, fn func(cty.ValueMarks) bool) bool {
	v, ms := v.Unmark()
	if len(ms) > 0 && !fn(ms) {
		return false
	}
	if !v.IsKnown() || v.IsNull() {
		return true
	}
	ty := v.Type()
	if !ty.IsCollectionType() && !ty.IsObjectType() && !ty.IsTupleType() {
		return true
	}
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		if !walkMarks(e, fn) {
			return false
		}
	}
	return true
}

// markedDeep reports whether v or anything inside it carries a mark.
func markedDeep(v cty.Value) bool {
	if shallow(v) {
		return v.IsMarked()
	}
	found := false
	walkMarks(v, func(cty.ValueMarks) bool {
		found = true
		return false
	})
	return found
}

// Plain is v without any mark, at any depth: what a rule reads when it
// only wants the configured data.
func Plain(v cty.Value) cty.Value {
	if !markedDeep(v) {
		return v
	}
	u, _ := v.UnmarkDeep()
	return u
}

// unmarkDeepWithPaths is v.UnmarkDeepWithPaths(), cheap when nothing in v
// is marked.
func unmarkDeepWithPaths(v cty.Value) (cty.Value, []cty.PathValueMarks) {
	if !markedDeep(v) {
		return v, nil
	}
	return v.UnmarkDeepWithPaths()
}
