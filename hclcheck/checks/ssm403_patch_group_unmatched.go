package checks

import (
	"fmt"

	"github.com/ssmlint/ssmlint/hclcheck"
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
		if f.carries("Patch Group", name) || f.carries("PatchGroup", name) {
			continue
		}
		if !f.settled() {
			return // some machine's tags cannot be known
		}
		pass.Report(g, hclcheck.At(g, a), "patch_group",
			"patch group %q is carried by no instance or launch template of the stack under the tag key \"Patch Group\" or \"PatchGroup\"%s", name, tagHint(f, patchGroupTagKeys, []string{name}))
	}
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
