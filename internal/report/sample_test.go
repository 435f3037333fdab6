package report

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/rules"
)

// Test rules, built here so that the tests do not depend on the catalog.
var (
	ruleSecret = &rules.Rule{
		ID: "SSM201", Name: "secret-in-plain-string", Severity: rules.Error,
		Kind: rules.Security, Precision: rules.PrecisionHigh,
		Summary:     "A parameter whose name or value marks it as a secret is stored as a plain String.",
		Rationale:   "String parameters are readable by anyone with ssm:GetParameter and appear in plan output and state unencrypted.",
		Bad:         "resource \"aws_ssm_parameter\" \"db\" {\n  name = \"/prod/db/password\"\n  type = \"String\"\n}\n",
		Good:        "resource \"aws_ssm_parameter\" \"db\" {\n  name = \"/prod/db/password\"\n  type = \"SecureString\"\n}\n",
		Language:    "hcl",
		Remediation: `set type = "SecureString"`,
		Sources: []rules.Source{{
			Title: "SecureString parameters [and] AWS KMS (AWS Systems Manager User Guide)",
			URL:   "https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-securestring.html",
		}},
	}
	ruleAdvanced = &rules.Rule{
		ID: "SSM301", Name: "advanced-tier-not-needed", Severity: rules.Warning,
		Kind: rules.Maintainability, Precision: rules.PrecisionVeryHigh,
		Summary:     "An Advanced-tier parameter uses no Advanced feature.",
		Rationale:   "Advanced parameters cost $0.05 per month each; a small value without policies fits the free Standard tier.",
		Language:    "hcl",
		Remediation: `set tier = "Standard" or remove tier`,
	}
	ruleLogs = &rules.Rule{
		ID: "SSM501", Name: "session-logs-not-encrypted", Severity: rules.Info,
		Kind: rules.Security, Precision: rules.PrecisionMedium,
		Summary:     "Session Manager logs go to a log group without a KMS key.",
		Rationale:   "Session transcripts can contain secrets typed at a prompt.",
		Language:    "hcl",
		Remediation: "set kms_key_id on the log group",
	}
	testCatalog = []*rules.Rule{ruleSecret, ruleAdvanced, ruleLogs}
)

const workDir = "/home/dev/stack"

// Sources of the sample, by the path the engines report.
var sampleSources = map[string]string{
	"/home/dev/stack/main.tf": `resource "aws_ssm_parameter" "db_password" {
  name  = "/prod/db/password"
  type  = "String"
  value = var.db_password
}

resource "aws_ssm_parameter" "config" {
  name  = "/prod/app/config"
  type  = "String"
  tier  = "Advanced"
  value = "{}"
}
`,
	"/home/dev/stack/modules/logs/main.tf": `resource "aws_cloudwatch_log_group" "sessions" {
  name = "/ssm/sessions"
}
`,
	"/home/dev/stack/terraform.tfvars": "region = \"eu-west-1\n",
}

func rng(file string, l1, c1, l2, c2 int) finding.Range {
	return finding.Range{
		File:  filepath.FromSlash(file),
		Start: finding.Pos{Line: l1, Column: c1},
		End:   finding.Pos{Line: l2, Column: c2},
	}
}

// sampleInput is a scan of two files with three findings and a tfvars file
// that did not parse.
func sampleInput() Input {
	findings := []finding.Finding{
		{
			Rule: ruleSecret, Severity: rules.Error,
			Message:  `parameter "/prod/db/password" looks like a secret but has type "String"`,
			Range:    rng("/home/dev/stack/main.tf", 3, 11, 3, 19),
			Resource: "aws_ssm_parameter.db_password", Attribute: "type",
		},
		{
			Rule: ruleAdvanced, Severity: rules.Warning,
			Message:  `parameter "/prod/app/config" is Advanced tier but uses no Advanced feature ($0.05/month)`,
			Range:    rng("/home/dev/stack/main.tf", 10, 11, 10, 21),
			Resource: "aws_ssm_parameter.config", Attribute: "tier", Cost: 0.05,
		},
		{
			Rule: ruleLogs, Severity: rules.Info,
			Message:     `log group "/ssm/sessions" receives session logs but has no kms_key_id`,
			Range:       rng("/home/dev/stack/modules/logs/main.tf", 1, 1, 3, 2),
			Resource:    "module.logs.aws_cloudwatch_log_group.sessions",
			Remediation: `add kms_key_id = aws_kms_key.sessions.arn`,
		},
	}
	in := Input{
		Version:  "0.3.0",
		Findings: findings,
		Errors: []finding.Error{{
			Range:   rng("/home/dev/stack/terraform.tfvars", 1, 10, 1, 21),
			Message: "Invalid multi-line string: quoted strings may not be split over multiple lines",
		}},
		Rules:   testCatalog,
		WorkDir: filepath.FromSlash(workDir),
		ReadSource: func(file string) ([]byte, bool) {
			s, ok := sampleSources[filepath.ToSlash(file)]
			return []byte(s), ok
		},
	}
	in.Summary = Tally(findings, ruleAdvanced)
	in.Summary.FilesScanned = 2
	in.Summary.Duration = 123456 * time.Microsecond
	in.Summary.Suppressed = 1
	return in
}

// render runs Write and fails the test on error.
func render(t *testing.T, format string, in Input, opt Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, format, in, opt); err != nil {
		t.Fatalf("Write(%s): %v", format, err)
	}
	return buf.String()
}

// diffLines reports the first line where got and want differ.
func diffLines(t *testing.T, got, want string) {
	t.Helper()
	if got == want {
		return
	}
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			t.Fatalf("output differs at line %d:\n got: %q\nwant: %q\n\nfull output:\n%s", i+1, gl, wl, got)
		}
	}
}

func TestFormats(t *testing.T) {
	got := strings.Join(Formats(), ",")
	if got != "text,json,sarif,github,checkstyle,codeclimate,junit" {
		t.Errorf("Formats() = %s", got)
	}
	for _, f := range Formats() {
		if out := render(t, f, sampleInput(), Options{}); out == "" {
			t.Errorf("format %s wrote nothing", f)
		}
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	var buf bytes.Buffer
	err := Write(&buf, "yaml", sampleInput(), Options{})
	if err == nil || !strings.Contains(err.Error(), `"yaml"`) || !strings.Contains(err.Error(), "checkstyle") {
		t.Fatalf("Write(yaml) error = %v, want one naming the format and the valid ones", err)
	}
	if buf.Len() != 0 {
		t.Errorf("Write(yaml) wrote %q", buf.String())
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWritePropagatesWriteErrors(t *testing.T) {
	for _, f := range Formats() {
		if err := Write(failingWriter{}, f, sampleInput(), Options{}); err == nil {
			t.Errorf("format %s: no error from a failing writer", f)
		}
	}
}

// Findings without a rule, ranges without positions and a nil ReadSource
// are not what engines should produce, but they must not crash the report.
func TestWriteToleratesDegenerateInput(t *testing.T) {
	in := Input{
		Findings: []finding.Finding{
			{Message: "no rule, no range"},
			{Rule: ruleSecret, Severity: rules.Error, Message: "backwards range",
				Range: rng("/home/dev/stack/main.tf", 5, 9, 2, 1)},
			{Rule: ruleSecret, Severity: rules.Error, Message: "past the end of the file",
				Range: rng("/home/dev/stack/main.tf", 900, 300, 900, 301)},
			{Rule: ruleSecret, Severity: rules.Error, Message: "past the end of the line",
				Range: rng("/home/dev/stack/main.tf", 3, 300, 3, 301)},
		},
		Errors:  []finding.Error{{Message: "could not read config"}},
		WorkDir: workDir,
	}
	for _, f := range Formats() {
		render(t, f, in, Options{Color: true, Verbose: true})
		in.ReadSource = sampleInput().ReadSource
		render(t, f, in, Options{Verbose: true})
		in.ReadSource = nil
	}
}

func TestRelPath(t *testing.T) {
	tests := []struct {
		workDir, file, want string
	}{
		{"/home/dev/stack", "/home/dev/stack/main.tf", "main.tf"},
		{"/home/dev/stack", "/home/dev/stack/modules/x/y.tf", "modules/x/y.tf"},
		{"/home/dev/stack/", "/home/dev/stack/main.tf", "main.tf"},
		{"/home/dev/stack", "/home/dev/other/main.tf", "../other/main.tf"},
		{"", "/abs/main.tf", "/abs/main.tf"},
		{"/home/dev/stack", "modules/x/../y/main.tf", "modules/y/main.tf"},
		{".", "./main.tf", "main.tf"},
		{"/home/dev/stack", "", ""},
	}
	for _, tt := range tests {
		got := relPath(filepath.FromSlash(tt.workDir), filepath.FromSlash(tt.file))
		if got != tt.want {
			t.Errorf("relPath(%q, %q) = %q, want %q", tt.workDir, tt.file, got, tt.want)
		}
	}
}

func TestTally(t *testing.T) {
	in := sampleInput()
	s := Tally(append(in.Findings, finding.Finding{
		Rule: ruleAdvanced, Severity: rules.Error, Cost: 0.05, // raised by configuration
	}, finding.Finding{
		Rule: ruleAdvanced, Severity: rules.Warning, Cost: 0.05,
	}), ruleAdvanced)
	want := Summary{Errors: 2, Warnings: 2, Infos: 1, AdvancedParameters: 3, AdvancedMonthlyCost: 0.15}
	if s.Errors != want.Errors || s.Warnings != want.Warnings || s.Infos != want.Infos ||
		s.AdvancedParameters != want.AdvancedParameters || roundCost(s.AdvancedMonthlyCost) != want.AdvancedMonthlyCost {
		t.Errorf("Tally = %+v, want %+v", s, want)
	}
	if s := Tally(in.Findings, nil); s.AdvancedParameters != 0 {
		t.Errorf("Tally without an advanced rule counted %d advanced parameters", s.AdvancedParameters)
	}
}
