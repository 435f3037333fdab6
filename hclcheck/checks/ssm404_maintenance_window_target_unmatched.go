package checks

import (
	"fmt"
	"strings"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// instanceTypes are the resources whose IDs are instance IDs.
var instanceTypes = map[string]bool{"aws_instance": true, "aws_spot_instance_request": true}

// maintenanceWindowTargetUnmatched reports maintenance-window targets and
// tasks that select nothing: a tag:KEY whose values no machine of the
// stack carries (only when the stack declares machines and all their tags
// are known), InstanceIds made of references to things that are not
// instances (the window's own ID, say), and WindowTargetIds that are not
// targets, or are targets of another window.
func maintenanceWindowTargetUnmatched(pass *hclcheck.Pass) {
	c := pass.Config
	for _, t := range c.Resources("aws_ssm_maintenance_window_target") {
		eachTarget(t, func(key string, values *hclcheck.Attr) {
			switch {
			case strings.HasPrefix(key, "tag:"):
				unmatchedTag(pass, t, strings.TrimPrefix(key, "tag:"), values)
			case key == "InstanceIds":
				notInstances(pass, t, values)
			case key == "resource-groups:Name":
				unmatchedResourceGroup(pass, t, values)
			}
		})
	}
	for _, task := range c.Resources("aws_ssm_maintenance_window_task") {
		eachTarget(task, func(key string, values *hclcheck.Attr) {
			switch key {
			case "InstanceIds":
				notInstances(pass, task, values)
			case "WindowTargetIds":
				foreignTargets(pass, task, values)
			}
		})
	}
}

// eachTarget calls f with the known key and the values of each targets
// block of a window target or task.
func eachTarget(r *hclcheck.Resource, f func(key string, values *hclcheck.Attr)) {
	for _, tb := range r.Body.Blocks("targets") {
		if tb.Uncertain {
			continue
		}
		key, _, ok := hclcheck.AttrString(tb, "key")
		if values := tb.Attr("values"); ok && values != nil {
			f(key, values)
		}
	}
}

// unmatchedTag reports a tag target none of whose values any machine
// carries under the key (several keys are ANDed, so one key matching
// nothing is enough for the target to select nothing).
func unmatchedTag(pass *hclcheck.Pass, t *hclcheck.Resource, key string, values *hclcheck.Attr) {
	f := fleetOf(pass.Config)
	if f.declared == 0 || !f.complete {
		return
	}
	want, ok := stringList(values)
	if !ok || len(want) == 0 {
		return
	}
	for _, v := range want {
		if f.carries(key, v) {
			return
		}
	}
	if !f.settled() {
		return
	}
	pass.Report(t, values.Range(), "targets.values",
		"%s selects instances tagged %s = %s, and no instance, launch template or autoscaling group of the stack carries that tag%s",
		t.Addr, key, strings.Join(quoteAll(want), " or "), tagHint(f, []string{key}, want))
}

// notInstances reports InstanceIds made only of references to declared
// resources none of which is an instance.
func notInstances(pass *hclcheck.Pass, r *hclcheck.Resource, values *hclcheck.Attr) {
	if !values.OnlyReferences() {
		return
	}
	refs := pass.Config.Referenced(values)
	if len(refs) == 0 {
		return
	}
	var names []string
	for _, x := range refs {
		if instanceTypes[x.Type()] {
			return
		}
		names = append(names, x.Addr)
	}
	pass.Report(r, values.Range(), "targets.values",
		"%s targets InstanceIds = %s, which is not an instance: the target selects nothing", r.Addr, strings.Join(names, ", "))
}

// foreignTargets reports WindowTargetIds made only of references to
// declared resources that are not targets of the task's own window.
func foreignTargets(pass *hclcheck.Pass, task *hclcheck.Resource, values *hclcheck.Attr) {
	c := pass.Config
	if !values.OnlyReferences() {
		return
	}
	refs := c.Referenced(values)
	if len(refs) == 0 {
		return
	}
	windows := c.Referenced(task.Body.Attr("window_id"))
	var bad []string
	for _, x := range refs {
		if x.Type() != "aws_ssm_maintenance_window_target" {
			bad = append(bad, x.Addr+" (not a maintenance-window target)")
			continue
		}
		tw := c.Referenced(x.Body.Attr("window_id"))
		if len(windows) != 1 || len(tw) != 1 {
			return // cannot tell which window either belongs to
		}
		if tw[0] != windows[0] {
			bad = append(bad, fmt.Sprintf("%s (a target of %s)", x.Addr, tw[0].Addr))
			continue
		}
		return // one good target is enough
	}
	if len(bad) == 0 {
		return
	}
	pass.Report(task, values.Range(), "targets.values",
		"%s runs on WindowTargetIds %s, not a target of its window: the task runs on nothing", task.Addr, strings.Join(bad, ", "))
}
