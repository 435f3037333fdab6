package checks

import (
	"github.com/ssmlint/ssmlint/hclcheck"
)

// maintenanceWindowDisabled reports disabled windows that carry patch
// tasks (AWS-RunPatchBaseline): the patching they describe never runs.
func maintenanceWindowDisabled(pass *hclcheck.Pass) {
	c := pass.Config
	for _, w := range c.Resources("aws_ssm_maintenance_window") {
		a := w.Body.Attr("enabled")
		if a == nil {
			continue
		}
		if s, ok := hclcheck.String(a.Value()); !ok || s != "false" {
			continue
		}
		for _, t := range c.Resources("aws_ssm_maintenance_window_task") {
			arn, _, ok := hclcheck.AttrString(t.Body, "task_arn")
			if !ok || arn != "AWS-RunPatchBaseline" || !refersTo(c, t.Body.Attr("window_id"), w) {
				continue
			}
			pass.Report(w, hclcheck.At(w, a), "enabled",
				"%s is disabled but has the patch task %s: instances it targets are never patched", w.Addr, t.Addr)
			break
		}
	}
}
