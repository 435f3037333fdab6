package checks

import (
	"github.com/ssmlint/ssmlint/hclcheck"
)

// patchBaselineNoApproval reports patch baselines with neither an
// approval_rule nor approved_patches: Patch Manager then approves, and
// installs, nothing.
func patchBaselineNoApproval(pass *hclcheck.Pass) {
	for _, b := range pass.Config.Resources("aws_ssm_patch_baseline") {
		rules := b.Body.Blocks("approval_rule")
		uncertain := false
		for _, r := range rules {
			if r.Uncertain {
				uncertain = true
			}
		}
		if len(rules) > 0 || uncertain {
			continue
		}
		if a := b.Body.Attr("approved_patches"); a != nil && namesSomething(a) {
			continue
		}
		pass.Report(b, b.DefRange(), "approval_rule",
			"%s has no approval_rule and no approved_patches: Patch Manager approves nothing, so instances using this baseline are never patched", b.Addr)
	}
}
