package report

import (
	"bufio"
	"net/url"
	"path"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/internal/baseline"
	"github.com/ssmlint/ssmlint/rules"
)

const (
	toolName       = "ssmlint"
	toolInfoURI    = "https://github.com/ssmlint/ssmlint"
	srcRoot        = "%SRCROOT%"
	fingerprintKey = "ssmlint/v1"
)

func writeSARIF(w *bufio.Writer, in Input) error {
	doc := buildSARIF(in)
	if err := doc.PrettyWrite(w); err != nil {
		return err
	}
	_, err := w.WriteString("\n")
	return err
}

// buildSARIF makes the SARIF 2.1.0 log: one run whose driver describes every
// catalog rule, one result per finding and the input errors as tool
// execution notifications.
func buildSARIF(in Input) *sarif.Report {
	run := sarif.NewRunWithInformationURI(toolName, toolInfoURI)
	run.WithColumnKind("unicodeCodePoints") // HCL columns count characters
	if in.Version != "" {
		run.Tool.Driver.WithVersion(in.Version)
	}

	index := map[string]int{}
	addRule := func(r *rules.Rule) {
		if r == nil || r.ID == "" {
			return
		}
		if _, ok := index[r.ID]; ok {
			return
		}
		index[r.ID] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.AddRule(sarifRule(r))
	}
	for _, r := range in.Rules {
		addRule(r)
	}
	for _, f := range in.Findings {
		addRule(f.Rule) // a rule missing from the catalog is still described
	}

	for _, f := range in.Findings {
		rel := relPath(in.WorkDir, f.Range.File)
		res := sarif.NewResult().
			WithLevel(sarifLevel(f.Severity)).
			WithMessage(sarif.NewTextMessage(f.Message))
		if id := ruleID(f.Rule); id != "" {
			res.WithRuleID(id).WithRuleIndex(index[id])
		}
		if loc := sarifLocation(rel, f.Range); loc != nil {
			if f.Resource != "" {
				loc.AddLogicalLocation(sarif.NewLogicalLocation().
					WithFullyQualifiedName(f.Resource).
					WithKind(logicalKind(rel)))
			}
			res.AddLocation(loc)
		}
		res.WithPartialFingerprints(map[string]string{fingerprintKey: baseline.Fingerprint(f, rel)})
		run.AddResult(res)
	}

	inv := sarif.NewInvocation().WithExecutionSuccessful(len(in.Errors) == 0)
	for _, e := range in.Errors {
		n := sarif.NewNotification().
			WithLevel(sarif.LevelError).
			WithMessage(sarif.NewTextMessage(e.Message))
		if loc := sarifLocation(relPath(in.WorkDir, e.Range.File), e.Range); loc != nil {
			n.AddLocation(loc)
		}
		inv.AddToolExecutionNotification(n)
	}
	run.AddInvocation(inv)

	return sarif.NewReport().AddRun(run)
}

// sarifRule describes a catalog entry as a reporting descriptor.
func sarifRule(r *rules.Rule) *sarif.ReportingDescriptor {
	d := sarif.NewRule(r.ID).
		WithHelpURI(DocsURL(r.ID)).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(r.Severity)))
	if r.Name != "" {
		d.WithName(r.Name)
	}
	if r.Summary != "" {
		d.WithShortDescription(sarif.NewMultiformatMessageString().WithText(r.Summary))
	}
	if r.Rationale != "" {
		d.WithFullDescription(sarif.NewMultiformatMessageString().WithText(r.Rationale))
	}
	d.WithHelp(sarif.NewMultiformatMessageString().
		WithText(helpText(r)).
		WithMarkdown(helpMarkdown(r)))
	props := sarif.NewPropertyBag()
	props.Add("security-severity", securitySeverity(r.Severity))
	props.Add("problem.severity", problemSeverity(r.Severity))
	props.WithTags(ruleTags(r))
	d.WithProperties(props)
	return d
}

// sarifLevel maps a severity to a SARIF level (info is "note").
func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return sarif.LevelError
	case rules.Info:
		return sarif.LevelNote
	}
	return sarif.LevelWarning
}

// securitySeverity is GitHub code scanning's score, a string: 9.0 shows as
// critical, 5.5 as medium, 2.0 as low.
func securitySeverity(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "9.0"
	case rules.Info:
		return "2.0"
	}
	return "5.5"
}

// problemSeverity is GitHub code scanning's non-security severity.
func problemSeverity(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Info:
		return "recommendation"
	}
	return "warning"
}

// ruleTags are the tags code scanning filters on: "security" (which makes
// GitHub use security-severity), the service and the language.
func ruleTags(r *rules.Rule) []string {
	tags := []string{"security", "aws", "ssm"}
	switch r.Language {
	case "hcl":
		tags = append(tags, "terraform")
	case "go":
		tags = append(tags, "go")
	}
	return tags
}

// helpText is the rule's documentation in plain text.
func helpText(r *rules.Rule) string {
	var b strings.Builder
	para := func(s string) {
		if s == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(s)
	}
	para(r.Summary)
	para(r.Rationale)
	if r.Remediation != "" {
		para("How to fix: " + r.Remediation)
	}
	if r.Bad != "" {
		para("Bad:\n" + strings.TrimRight(r.Bad, "\n"))
	}
	if r.Good != "" {
		para("Good:\n" + strings.TrimRight(r.Good, "\n"))
	}
	para("Documentation: " + DocsURL(r.ID))
	return b.String()
}

// helpMarkdown is the rule's documentation in Markdown, with the examples as
// fenced code blocks.
func helpMarkdown(r *rules.Rule) string {
	var b strings.Builder
	b.WriteString("# " + r.ID)
	if r.Name != "" {
		b.WriteString(" " + r.Name)
	}
	for _, s := range []string{r.Summary, r.Rationale} {
		if s != "" {
			b.WriteString("\n\n" + s)
		}
	}
	if r.Remediation != "" {
		b.WriteString("\n\n## How to fix\n\n" + r.Remediation)
	}
	if r.Bad != "" {
		b.WriteString("\n\n## Example\n\nBad:\n\n" + codeBlock(r.Language, r.Bad))
	}
	if r.Good != "" {
		b.WriteString("\n\nGood:\n\n" + codeBlock(r.Language, r.Good))
	}
	b.WriteString("\n\n[Documentation](" + DocsURL(r.ID) + ")")
	return b.String()
}

// codeBlock fences code with more backticks than it contains in a row.
func codeBlock(lang, code string) string {
	fence := "```"
	for strings.Contains(code, fence) {
		fence += "`"
	}
	return fence + lang + "\n" + strings.TrimRight(code, "\n") + "\n" + fence
}

// sarifLocation is a physical location relative to %SRCROOT%, or nil when the
// range names no file.
func sarifLocation(rel string, rg finding.Range) *sarif.Location {
	if rel == "" {
		return nil
	}
	art := sarif.NewArtifactLocation().WithURI(artifactURI(rel))
	if !path.IsAbs(rel) {
		art.WithURIBaseID(srcRoot)
	}
	phys := sarif.NewPhysicalLocation().WithArtifactLocation(art)
	if rg.Start.Line > 0 {
		region := sarif.NewRegion().WithStartLine(rg.Start.Line)
		if rg.Start.Column > 0 {
			region.WithStartColumn(rg.Start.Column)
		}
		if rg.End.Line >= rg.Start.Line {
			region.WithEndLine(rg.End.Line)
			if rg.End.Column > 0 && rg.Start.Column > 0 &&
				(rg.End.Line > rg.Start.Line || rg.End.Column >= rg.Start.Column) {
				region.WithEndColumn(rg.End.Column)
			}
		}
		phys.WithRegion(region)
	}
	return sarif.NewLocationWithPhysicalLocation(phys)
}

// artifactURI percent-encodes a slash-separated path as a URI reference; an
// absolute path (outside any working directory) becomes a file URI.
func artifactURI(rel string) string {
	u := url.URL{Path: rel}
	if path.IsAbs(rel) {
		u.Scheme = "file"
	}
	return u.String()
}

// logicalKind is the SARIF kind of a finding's Resource: a Go function or a
// Terraform resource.
func logicalKind(rel string) string {
	if strings.HasSuffix(rel, ".go") {
		return "function"
	}
	return "resource"
}
