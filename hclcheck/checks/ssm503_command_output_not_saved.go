package checks

import (
	"github.com/ssmlint/ssmlint/hclcheck"
)

// commandDocuments are AWS-owned Command documents commonly run from
// associations and maintenance windows. An association runs other kinds of
// documents too (Policy, Automation), which have no Run Command output, so
// only these and Command documents declared in the stack are checked.
var commandDocuments = map[string]bool{
	"AWS-RunShellScript":                       true,
	"AWS-RunPowerShellScript":                  true,
	"AWS-RunPatchBaseline":                     true,
	"AWS-RunPatchBaselineWithHooks":            true,
	"AWS-RunRemoteScript":                      true,
	"AWS-RunAnsiblePlaybook":                   true,
	"AWS-ApplyAnsiblePlaybooks":                true,
	"AWS-UpdateSSMAgent":                       true,
	"AWS-ConfigureAWSPackage":                  true,
	"AWS-InstallWindowsUpdates":                true,
	"AWS-RunDocument":                          true,
	"AWS-ApplyPatchBaseline":                   true,
	"AWS-ConfigureCloudWatchOnWindowsInstance": true,
}

// commandOutputNotSaved reports Run Command maintenance-window tasks and
// associations of Command documents that save their output nowhere.
func commandOutputNotSaved(pass *hclcheck.Pass) {
	c := pass.Config
	// Where the output goes is read first: it is mostly syntax, while the
	// document a task or association runs takes evaluation.
	for _, t := range c.Resources("aws_ssm_maintenance_window_task") {
		saved, at := false, t.DefRange()
		for _, tip := range t.Body.Blocks("task_invocation_parameters") {
			if tip.Uncertain {
				saved = true
			}
			for _, rc := range tip.Blocks("run_command_parameters") {
				at = rc.DefRange()
				if rc.Uncertain || rc.Has("output_s3_bucket") || cloudWatchOutput(rc) {
					saved = true
				}
			}
		}
		if saved {
			continue
		}
		typ, _, ok := hclcheck.AttrString(t.Body, "task_type")
		if !ok || typ != "RUN_COMMAND" {
			continue
		}
		if doc, da, ok := hclcheck.AttrString(t.Body, "task_arn"); !ok || !runsCommandDocument(c, doc, da) {
			continue
		}
		pass.Report(t, at, "task_invocation_parameters.run_command_parameters.output_s3_bucket",
			"%s runs a command with no output_s3_bucket: what the command printed on each instance is not kept", t.Addr)
	}
	for _, a := range c.Resources("aws_ssm_association") {
		if len(a.Body.Blocks("output_location")) > 0 {
			continue
		}
		name, na, ok := hclcheck.AttrString(a.Body, "name")
		if !ok || !runsCommandDocument(c, name, na) {
			continue
		}
		pass.Report(a, a.DefRange(), "output_location",
			"%s runs %s with no output_location: what the command printed on each instance is not kept", a.Addr, name)
	}
}

// cloudWatchOutput tells whether a run_command_parameters block sends the
// output to CloudWatch Logs, which also keeps it (enabled, or not known).
func cloudWatchOutput(rc *hclcheck.Body) bool {
	for _, cw := range rc.Blocks("cloudwatch_config") {
		if cw.Uncertain {
			return true
		}
		s, _, ok := hclcheck.AttrString(cw, "cloudwatch_output_enabled")
		if !ok || s == "true" {
			return true
		}
	}
	return false
}

// runsCommandDocument tells whether a task_arn or association name is a
// known AWS Command document (by name or ARN), or refers to an
// aws_ssm_document of the stack whose document_type is Command.
func runsCommandDocument(c *hclcheck.Config, name string, a *hclcheck.Attr) bool {
	if commandDocuments[documentName(name)] {
		return true
	}
	for _, d := range c.Referenced(a) {
		if d.Type() != "aws_ssm_document" {
			continue
		}
		typ, _, ok := hclcheck.AttrString(d.Body, "document_type")
		return ok && typ == "Command"
	}
	return false
}
