package checks

import (
	"math/big"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// classifiedOS are the operating systems whose baselines filter by
// CLASSIFICATION and support approve_after_days (not Debian or Ubuntu,
// and not macOS, where classifications differ), with the classification
// names of security fixes.
var classifiedOS = map[string][]string{
	"WINDOWS":                 {"SecurityUpdates", "CriticalUpdates"},
	"AMAZON_LINUX":            {"Security"},
	"AMAZON_LINUX_2":          {"Security"},
	"AMAZON_LINUX_2022":       {"Security"},
	"AMAZON_LINUX_2023":       {"Security"},
	"REDHAT_ENTERPRISE_LINUX": {"Security"},
	"CENTOS":                  {"Security"},
	"ORACLE_LINUX":            {"Security"},
	"SUSE":                    {"Security"},
	"ROCKY_LINUX":             {"Security"},
	"ALMA_LINUX":              {"Security"},
}

// patchBaselineSlowApproval reports baselines whose security patches are
// approved later than max_approve_after_days after release (the fastest
// rule covering them counts), and baselines none of whose rules covers
// the security classification. Baselines with an approval rule that
// cannot be read, or with approve_until_date, are not judged on delay.
func patchBaselineSlowApproval(pass *hclcheck.Pass) {
	limit := 14
	if v, ok := pass.Option("max_approve_after_days").(int); ok {
		limit = v
	}
	for _, b := range pass.Config.Resources("aws_ssm_patch_baseline") {
		osName := "WINDOWS" // the provider's default
		if a := b.Body.Attr("operating_system"); a != nil {
			s, ok := hclcheck.String(a.Value())
			if !ok {
				continue
			}
			osName = s
		}
		securityClasses, ok := classifiedOS[osName]
		if !ok {
			continue
		}
		rules := b.Body.Blocks("approval_rule")
		if len(rules) == 0 {
			continue // SSM401's case
		}
		covered, fastest, fastestAt, judged := false, -1, hcl.Range{}, true
		for _, r := range rules {
			cov, known := coversClasses(r, securityClasses)
			if r.Uncertain || !known {
				judged, covered = false, true
				continue
			}
			if !cov {
				continue
			}
			covered = true
			if r.Has("approve_until_date") {
				judged = false
				continue
			}
			days, at, ok := approveAfterDays(b, r)
			if !ok {
				judged = false
				continue
			}
			if fastest < 0 || days < fastest {
				fastest, fastestAt = days, at
			}
		}
		switch {
		case !covered:
			pass.Report(b, b.DefRange(), "approval_rule",
				"%s has no approval rule for the %s classification: security fixes are never approved by a rule", b.Addr, securityClasses[0])
		case judged && fastest > limit:
			pass.Report(b, fastestAt, "approval_rule.approve_after_days",
				"%s approves %s patches %d days after release, more than the %d days allowed (max_approve_after_days)", b.Addr, securityClasses[0], fastest, limit)
		}
	}
}

// coversClasses tells whether an approval rule approves patches of one of
// the classes: it has no CLASSIFICATION filter, or one naming a class.
// known is false when a filter cannot be read.
func coversClasses(r *hclcheck.Body, classes []string) (covers, known bool) {
	filtered := false
	for _, f := range r.Blocks("patch_filter") {
		if f.Uncertain {
			return false, false
		}
		key, _, ok := hclcheck.AttrString(f, "key")
		if !ok {
			return false, false
		}
		if key != "CLASSIFICATION" {
			continue
		}
		filtered = true
		a := f.Attr("values")
		if a == nil {
			return false, false
		}
		vals, ok := stringList(a)
		if !ok || len(vals) == 0 {
			return false, false
		}
		for _, v := range vals {
			if v == "*" || contains(classes, v) {
				return true, true
			}
		}
	}
	return !filtered, true
}

// approveAfterDays reads a rule's approve_after_days; absent is 0.
func approveAfterDays(b *hclcheck.Resource, r *hclcheck.Body) (int, hcl.Range, bool) {
	a := r.Attr("approve_after_days")
	if a == nil {
		return 0, r.DefRange(), true
	}
	v, _ := a.Value().Unmark()
	if !v.IsKnown() || v.IsNull() || v.Type() != cty.Number {
		return 0, hcl.Range{}, false
	}
	i, acc := v.AsBigFloat().Int64()
	if acc != big.Exact {
		return 0, hcl.Range{}, false
	}
	return int(i), hclcheck.At(b, a), true
}
