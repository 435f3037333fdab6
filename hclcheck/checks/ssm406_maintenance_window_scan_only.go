package checks

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// patchOp is what one AWS-RunPatchBaseline run does, as far as the stack
// says: opScan only when Operation is known to be Scan.
type patchOp int

const (
	opUnknown patchOp = iota // Install, absent, or not known: may install
	opScan
)

// maintenanceWindowScanOnly reports the AWS-RunPatchBaseline tasks of a
// stack in which every patch run is known to scan: nothing in the stack
// ever installs a patch. Any patch task or association whose document or
// operation is not known keeps the rule silent.
func maintenanceWindowScanOnly(pass *hclcheck.Pass) {
	c := pass.Config
	type scan struct {
		r  *hclcheck.Resource
		at hcl.Range
	}
	var scans []scan
	for _, t := range c.Resources("aws_ssm_maintenance_window_task") {
		arn, _, ok := hclcheck.AttrString(t.Body, "task_arn")
		if !ok {
			if t.Body.Has("task_arn") {
				return // an unknown document may be a patch task that installs
			}
			continue
		}
		if !isPatchDocument(arn) {
			continue
		}
		op, at := taskOperation(t)
		if op != opScan {
			return
		}
		scans = append(scans, scan{t, at})
	}
	if len(scans) == 0 || installsElsewhere(c) {
		return
	}
	for _, s := range scans {
		pass.Report(s.r, s.at, "Operation",
			"%s runs AWS-RunPatchBaseline with Operation=Scan and no task or association in the stack installs: missing patches are reported but never installed", s.r.Addr)
	}
}

// isPatchDocument tells whether a task_arn or association name runs
// AWS-RunPatchBaseline (or its WithHooks/Association variants), by name or
// by document ARN.
func isPatchDocument(s string) bool {
	return strings.HasPrefix(documentName(s), "AWS-RunPatchBaseline")
}

// documentName is the name in a document ARN (…:document/NAME), or s.
func documentName(s string) string {
	if i := strings.LastIndex(s, "document/"); i >= 0 {
		return s[i+len("document/"):]
	}
	return s
}

// taskOperation reads the Operation parameter of a patch task, from
// task_invocation_parameters.run_command_parameters.parameter or from the
// legacy task_parameters block.
func taskOperation(t *hclcheck.Resource) (patchOp, hcl.Range) {
	var params []*hclcheck.Body
	for _, tip := range t.Body.Blocks("task_invocation_parameters") {
		for _, rc := range tip.Blocks("run_command_parameters") {
			params = append(params, rc.Blocks("parameter")...)
		}
	}
	params = append(params, t.Body.Blocks("task_parameters")...)
	op, at, found := opUnknown, hcl.Range{}, false
	for _, p := range params {
		if p.Uncertain {
			return opUnknown, at
		}
		name, _, ok := hclcheck.AttrString(p, "name")
		if !ok {
			return opUnknown, at // may be Operation
		}
		if name != "Operation" {
			continue
		}
		a := p.Attr("values")
		if a == nil || found {
			return opUnknown, at
		}
		found = true
		if vals, ok := stringList(a); !ok || len(vals) != 1 || vals[0] != "Scan" {
			return opUnknown, at
		}
		op, at = opScan, hclcheck.ElementRange(a, func(s string) bool { return s == "Scan" })
	}
	return op, at
}

// installsElsewhere tells whether something else in the stack may install
// patches: a State Manager association running AWS-RunPatchBaseline whose
// Operation is not known to be Scan, an association whose document is not
// known, or a Quick Setup patch policy.
func installsElsewhere(c *hclcheck.Config) bool {
	if len(c.Resources("aws_ssmquicksetup_configuration_manager")) > 0 {
		return true
	}
	for _, a := range c.Resources("aws_ssm_association") {
		name, _, ok := hclcheck.AttrString(a.Body, "name")
		if !ok {
			return true
		}
		if !isPatchDocument(name) {
			continue
		}
		p := a.Body.Attr("parameters")
		if p == nil {
			return true
		}
		v := hclcheck.Plain(p.Value())
		if !v.IsWhollyKnown() || v.IsNull() || !v.CanIterateElements() {
			return true
		}
		if op, ok := mapString(v, "Operation"); !ok || op != "Scan" {
			return true
		}
	}
	return false
}

// mapString reads key from a known map or object value.
func mapString(v cty.Value, key string) (string, bool) {
	switch {
	case v.Type().IsObjectType():
		if !v.Type().HasAttribute(key) {
			return "", false
		}
		return hclcheck.String(v.GetAttr(key))
	case v.Type().IsMapType():
		k := cty.StringVal(key)
		if !v.HasIndex(k).True() {
			return "", false
		}
		return hclcheck.String(v.Index(k))
	}
	return "", false
}
