package checks

import (
	"github.com/ssmlint/ssmlint/hclcheck"
)

// maintenanceWindowCutoff reports windows whose cutoff is not smaller than
// their duration: no task starts after end - cutoff, so none ever starts.
func maintenanceWindowCutoff(pass *hclcheck.Pass) {
	for _, w := range pass.Config.Resources("aws_ssm_maintenance_window") {
		duration, ok1 := intAttr(w.Body, "duration")
		cutoff, ok2 := intAttr(w.Body, "cutoff")
		if !ok1 || !ok2 || cutoff < duration {
			continue
		}
		a := w.Body.Attr("cutoff")
		pass.Report(w, hclcheck.At(w, a), "cutoff",
			"%s has cutoff %d h and duration %d h: tasks may not start in the last %d h of the window, which leaves no time to start any", w.Addr, cutoff, duration, cutoff)
	}
}
