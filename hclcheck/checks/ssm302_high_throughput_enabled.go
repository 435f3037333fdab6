package checks

import (
	"strings"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// highThroughputEnabled reports the account setting that makes every
// Parameter Store API call billable.
func highThroughputEnabled(pass *hclcheck.Pass) {
	for _, r := range pass.Config.Resources("aws_ssm_service_setting") {
		// The ARN form is often built from data sources; its known tail
		// names the setting.
		id, ok := hclcheck.KnownSuffix(r.Body.Attr("setting_id"))
		if !ok || !strings.HasSuffix(id, "/ssm/parameter-store/high-throughput-enabled") {
			continue
		}
		v, a, ok := hclcheck.AttrString(r.Body, "setting_value")
		if !ok || !strings.EqualFold(strings.TrimSpace(v), "true") {
			continue
		}
		pass.Report(r, hclcheck.At(r, a), "setting_value",
			"%s turns on Parameter Store higher throughput: every Parameter Store API interaction is then charged", r.Addr)
	}
}
