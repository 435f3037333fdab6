package report

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/internal/baseline"
	"github.com/ssmlint/ssmlint/rules"
)

// ccIssue is one issue of GitLab's Code Quality report, a subset of the
// Code Climate engine specification: GitLab requires description,
// check_name, fingerprint, severity, location.path and location.lines.begin
// (a positive integer); type, categories and content are Code Climate's
// and GitLab ignores them.
type ccIssue struct {
	Type        string     `json:"type"`
	CheckName   string     `json:"check_name"`
	Description string     `json:"description"`
	Content     *ccContent `json:"content,omitempty"`
	Categories  []string   `json:"categories"`
	Location    ccLocation `json:"location"`
	Severity    string     `json:"severity"`
	Fingerprint string     `json:"fingerprint"`
}

type ccContent struct {
	Body string `json:"body"` // Markdown
}

type ccLocation struct {
	Path  string  `json:"path"`
	Lines ccLines `json:"lines"`
}

type ccLines struct {
	Begin int `json:"begin"`
	End   int `json:"end,omitempty"`
}

// Code Quality severities, from least to most severe.
const (
	ccInfo     = "info"
	ccMinor    = "minor"
	ccMajor    = "major"
	ccCritical = "critical"
)

// writeCodeClimate writes the Code Quality report: a JSON array with an
// issue per finding and per input error ([] for a clean run). Paths are
// root-relative with the prefix; fingerprints are those of the baseline
// (rule, root-relative file, resource, attribute), so that GitLab matches
// an issue across pipelines while lines move, and are made unique within
// the report, as GitLab shows only one issue per fingerprint.
func writeCodeClimate(w *bufio.Writer, in Input) error {
	issues := make([]ccIssue, 0, len(in.Findings)+len(in.Errors))
	seen := map[string]int{}
	unique := func(fp string) string {
		n := seen[fp]
		seen[fp] = n + 1
		if n == 0 {
			return fp
		}
		return hashFields("ssmlint-duplicate-v1", fp, strconv.Itoa(n))
	}
	for _, f := range in.Findings {
		id := ruleID(f.Rule)
		check, desc := toolName, f.Message
		if id != "" {
			check, desc = id, id+": "+f.Message
		}
		issues = append(issues, ccIssue{
			Type:        "issue",
			CheckName:   check,
			Description: desc,
			Content:     ccBody(f),
			Categories:  []string{ccCategory(f.Rule)},
			Location:    ccLocate(in.machinePath(f.Range.File), f.Range),
			Severity:    ccSeverity(f.Severity),
			Fingerprint: unique(baseline.Fingerprint(f, in.fingerprintPath(f.Range.File))),
		})
	}
	for _, e := range in.Errors {
		fp := hashFields("ssmlint-input-error-v1", in.fingerprintPath(e.Range.File),
			strconv.Itoa(e.Range.Start.Line), strconv.Itoa(e.Range.Start.Column), e.Message)
		issues = append(issues, ccIssue{
			Type:        "issue",
			CheckName:   toolName + "/input-error",
			Description: "input error: " + e.Message,
			Categories:  []string{"Bug Risk"},
			Location:    ccLocate(in.machinePath(e.Range.File), e.Range),
			// The file was not checked at all: worse than any finding.
			Severity:    ccCritical,
			Fingerprint: unique(fp),
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(issues)
}

// ccLocate is an issue's location: a file (the repository root, ".", for
// an input error that names none) and lines from 1.
func ccLocate(path string, rg finding.Range) ccLocation {
	if path == "" {
		path = "."
	}
	loc := ccLocation{Path: path, Lines: ccLines{Begin: max(rg.Start.Line, 1)}}
	if rg.End.Line > loc.Lines.Begin {
		loc.Lines.End = rg.End.Line
	}
	return loc
}

// ccSeverity maps an effective severity to Code Quality's scale.
func ccSeverity(s rules.Severity) string {
	switch s {
	case rules.Error:
		return ccMajor
	case rules.Info:
		return ccInfo
	}
	return ccMinor
}

// ccCategory is the Code Climate category of a rule's kind.
func ccCategory(r *rules.Rule) string {
	if r != nil {
		switch r.Kind {
		case rules.Security:
			return "Security"
		case rules.Maintainability:
			return "Clarity"
		}
	}
	return "Bug Risk"
}

// ccBody is the Markdown GitLab may show below the description: how to
// fix, the resource and the rule's documentation.
func ccBody(f finding.Finding) *ccContent {
	var parts []string
	if fix := remediation(f); fix != "" {
		parts = append(parts, "**How to fix:** "+fix)
	}
	if f.Resource != "" {
		parts = append(parts, "**Resource:** `"+f.Resource+"`")
	}
	if f.Rule != nil && f.Rule.ID != "" {
		parts = append(parts, "["+f.Rule.ID+" "+f.Rule.Name+"]("+DocsURL(f.Rule.ID)+")")
	}
	if len(parts) == 0 {
		return nil
	}
	body := parts[0]
	for _, p := range parts[1:] {
		body += "\n\n" + p
	}
	return &ccContent{Body: body}
}

// hashFields is a 32-hex-digit digest of length-prefixed fields, so that
// field boundaries cannot shift.
func hashFields(fields ...string) string {
	h := sha256.New()
	for _, s := range fields {
		h.Write([]byte(strconv.Itoa(len(s)) + ":"))
		h.Write([]byte(s))
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
