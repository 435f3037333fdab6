package checks

import (
	"fmt"
	"strings"

	"github.com/ssmlint/ssmlint/hclcheck"
	"github.com/ssmlint/ssmlint/internal/suggest"
)

// patchGroupTagKeys are the tag keys Patch Manager reads a patch group
// from; PatchGroup is the one allowed when instance metadata tags are on.
var patchGroupTagKeys = []string{"Patch Group", "PatchGroup"}

// patchGroupUnmatched reports patch groups that no machine of the stack
// carries under Patch Group or PatchGroup. Silent when the stack declares
// no machine, or when some machine's tags cannot be known.
func patchGroupUnmatched(pass *hclcheck.Pass) {
	c := pass.Config
	groups := c.Resources("aws_ssm_patch_group")
	if len(groups) == 0 {
		return
	}
	f := fleetOf(c)
	if f.declared == 0 || !f.complete {
		return
	}
	for _, g := range groups {
		name, a, ok := hclcheck.AttrString(g.Body, "patch_group")
		if !ok {
			continue
		}
		if _, ok := f.carriers["Patch Group"][name]; ok {
			continue
		}
		if _, ok := f.carriers["PatchGroup"][name]; ok {
			continue
		}
		pass.Report(g, hclcheck.At(g, a), "patch_group",
			"patch group %q is carried by no instance or launch template of the stack under the tag key \"Patch Group\" or \"PatchGroup\"%s", name, patchGroupHint(f, name))
	}
}

// patchGroupHint says what the stack does carry: a likely intended value,
// the name under a look-alike key, or the values in use.
func patchGroupHint(f *fleet, name string) string {
	var vals []string
	for _, k := range patchGroupTagKeys {
		vals = append(vals, f.values(k)...)
	}
	if s := suggest.Related(name, vals); s != "" {
		return fmt.Sprintf("; did you mean %q (carried by %s)?", s, carrierOf(f, s))
	}
	for _, k := range f.lookalikeKeys(patchGroupTagKeys...) {
		if addr, ok := f.carriers[k][name]; ok {
			return fmt.Sprintf("; %s carries it under the tag key %q, which Patch Manager does not read", addr, k)
		}
	}
	switch {
	case len(vals) == 0:
		return "; no machine in the stack has a Patch Group tag"
	case len(vals) > 5:
		vals = append(vals[:5], "…")
	}
	return "; the stack's machines carry " + strings.Join(quoteAll(vals), ", ")
}

func carrierOf(f *fleet, v string) string {
	for _, k := range patchGroupTagKeys {
		if addr, ok := f.carriers[k][v]; ok {
			return addr
		}
	}
	return "?"
}

func quoteAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		if x == "…" {
			out[i] = x
			continue
		}
		out[i] = fmt.Sprintf("%q", x)
	}
	return out
}
