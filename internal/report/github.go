package report

import (
	"bufio"
	"strconv"
	"strings"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/rules"
)

// writeGitHub writes GitHub Actions workflow commands, which the runner turns
// into annotations on the pull request: one ::error, ::warning or ::notice
// line per finding and an ::error line per input error.
func writeGitHub(w *bufio.Writer, in Input) error {
	for _, f := range in.Findings {
		title := strings.TrimSpace(ruleID(f.Rule) + " " + ruleName(f.Rule))
		msg := f.Message
		if fix := remediation(f); fix != "" {
			msg += "\nFix: " + fix
		}
		writeCommand(w, githubCommand(f.Severity), in.machinePath(f.Range.File), f.Range, title, msg)
	}
	for _, e := range in.Errors {
		writeCommand(w, "error", in.machinePath(e.Range.File), e.Range, toolName, e.Message)
	}
	return nil
}

func githubCommand(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Info:
		return "notice"
	}
	return "warning"
}

// writeCommand writes one annotation. Columns are sent only for a range on a
// single line, as GitHub accepts them only there.
func writeCommand(w *bufio.Writer, cmd, rel string, rg finding.Range, title, msg string) {
	var props []string
	if rel != "" {
		props = append(props, "file="+escapeProperty(rel))
		if rg.Start.Line > 0 {
			props = append(props, "line="+strconv.Itoa(rg.Start.Line))
			oneLine := rg.End.Line == 0 || rg.End.Line == rg.Start.Line
			if oneLine && rg.Start.Column > 0 {
				props = append(props, "col="+strconv.Itoa(rg.Start.Column))
			}
			if rg.End.Line >= rg.Start.Line {
				props = append(props, "endLine="+strconv.Itoa(rg.End.Line))
				if oneLine && rg.Start.Column > 0 && rg.End.Column > rg.Start.Column {
					props = append(props, "endColumn="+strconv.Itoa(rg.End.Column))
				}
			}
		}
	}
	if title != "" {
		props = append(props, "title="+escapeProperty(title))
	}
	w.WriteString("::" + cmd)
	if len(props) > 0 {
		w.WriteString(" " + strings.Join(props, ","))
	}
	w.WriteString("::" + escapeData(msg) + "\n")
}

// escapeData escapes a workflow command's message as the Actions toolkit
// does: %, CR and LF.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value: as data, plus
// the separators : and ,.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
