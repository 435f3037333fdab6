package report

import (
	"strings"
	"testing"
	"time"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/rules"
)

func TestTextSample(t *testing.T) {
	got := render(t, "text", sampleInput(), Options{})
	want := `main.tf:3:11: error: parameter "/prod/db/password" looks like a secret but has type "String" [SSM201 secret-in-plain-string]
3 |   type  = "String"
  |           ^~~~~~~~
  = fix: set type = "SecureString"

main.tf:10:11: warning: parameter "/prod/app/config" is Advanced tier but uses no Advanced feature ($0.05/month) [SSM301 advanced-tier-not-needed]
10 |   tier  = "Advanced"
   |           ^~~~~~~~~~
  = fix: set tier = "Standard" or remove tier

modules/logs/main.tf:1:1: info: log group "/ssm/sessions" receives session logs but has no kms_key_id [SSM501 session-logs-not-encrypted]
1 | resource "aws_cloudwatch_log_group" "sessions" {
  | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
  = fix: add kms_key_id = aws_kms_key.sessions.arn

terraform.tfvars:1:10: error: Invalid multi-line string: quoted strings may not be split over multiple lines
1 | region = "eu-west-1
  |          ^~~~~~~~~~

3 findings (1 error, 1 warning, 1 info), 1 input error.
2 files scanned in 123ms; 1 suppressed.
Advanced-tier parameters flagged: 1, costing $0.05/month
`
	diffLines(t, got, want)
}

func TestTextVerbose(t *testing.T) {
	in := sampleInput()
	in.Findings = in.Findings[:1]
	in.Errors = nil
	got := render(t, "text", in, Options{Verbose: true})
	for _, line := range []string{
		"  = fix: set type = \"SecureString\"\n",
		"  = resource: aws_ssm_parameter.db_password\n",
		"  = rule: A parameter whose name or value marks it as a secret is stored as a plain String.\n",
		"  = docs: https://github.com/ssmlint/ssmlint/blob/main/docs/rules/SSM201.md\n",
	} {
		if !strings.Contains(got, line) {
			t.Errorf("verbose output lacks %q:\n%s", line, got)
		}
	}
}

func TestTextColor(t *testing.T) {
	plain := render(t, "text", sampleInput(), Options{Color: false, Verbose: true})
	if strings.Contains(plain, "\x1b") {
		t.Errorf("Color false, but the output has escape codes:\n%q", plain)
	}
	colored := render(t, "text", sampleInput(), Options{Color: true})
	for _, code := range []string{ansiRed + "error:" + ansiReset, ansiYellow + "warning:" + ansiReset, ansiCyan + "info:" + ansiReset} {
		if !strings.Contains(colored, code) {
			t.Errorf("Color true, but %q is missing:\n%q", code, colored)
		}
	}
	// Without escape codes, coloured output says the same as plain output.
	stripped := colored
	for _, code := range []string{ansiReset, ansiBold, ansiRed, ansiYellow, ansiCyan, ansiBlue, ansiGreen, ansiDim} {
		stripped = strings.ReplaceAll(stripped, code, "")
	}
	if want := render(t, "text", sampleInput(), Options{}); stripped != want {
		t.Errorf("coloured output without escapes differs from plain output:\n%s\nvs\n%s", stripped, want)
	}
}

// A file full of escape sequences must not be able to drive the terminal
// of the person reading the report.
func TestTextNeutralisesControlCharacters(t *testing.T) {
	src := "name = \"\x1b[2J\u202eevil\"\n"
	in := Input{
		Findings: []finding.Finding{{
			Rule: ruleSecret, Severity: rules.Error,
			Message: "value \"\x1b[31mred\" is\nwrong",
			Range:   rng("/w/main.tf", 1, 8, 1, 19),
		}},
		WorkDir:    "/w",
		ReadSource: func(string) ([]byte, bool) { return []byte(src), true },
	}
	got := render(t, "text", in, Options{})
	if strings.ContainsAny(got, "\x1b\u202e") {
		t.Errorf("control characters reached the output:\n%q", got)
	}
	if !strings.Contains(got, "error: value \"\uFFFD[31mred\" is wrong [SSM201") {
		t.Errorf("message not kept on one line:\n%s", got)
	}
}

func TestTextUnderline(t *testing.T) {
	tests := []struct {
		name       string
		line       string // the source line, alone in its file
		start, end finding.Pos
		want       string // excerpt as printed, gutter included
	}{
		{
			name:  "ascii",
			line:  `  type = "String"`,
			start: finding.Pos{Line: 1, Column: 10}, end: finding.Pos{Line: 1, Column: 18},
			want: "1 |   type = \"String\"\n" +
				"  |          ^~~~~~~~\n",
		},
		{
			name:  "tab indentation is expanded in both lines",
			line:  "\ttype = \"String\"",
			start: finding.Pos{Line: 1, Column: 9}, end: finding.Pos{Line: 1, Column: 17},
			want: "1 |     type = \"String\"\n" +
				"  |            ^~~~~~~~\n",
		},
		{
			name:  "tab after text goes to the next tab stop",
			line:  "ab\tc = \"x\"",
			start: finding.Pos{Line: 1, Column: 4}, end: finding.Pos{Line: 1, Column: 5},
			want: "1 | ab  c = \"x\"\n" +
				"  |     ^\n",
		},
		{
			name:  "tab inside the range is underlined over its width",
			line:  "x = a\tb",
			start: finding.Pos{Line: 1, Column: 5}, end: finding.Pos{Line: 1, Column: 8},
			want: "1 | x = a   b\n" +
				"  |     ^~~~~\n",
		},
		{
			name:  "multi-byte characters count once",
			line:  `description = "mot de passe éphémère" # ok`,
			start: finding.Pos{Line: 1, Column: 39}, end: finding.Pos{Line: 1, Column: 43},
			want: "1 | description = \"mot de passe éphémère\" # ok\n" +
				"  |                                       ^~~~\n",
		},
		{
			name:  "multi-byte characters inside the range",
			line:  `name = "/prod/clé"`,
			start: finding.Pos{Line: 1, Column: 8}, end: finding.Pos{Line: 1, Column: 19},
			want: "1 | name = \"/prod/clé\"\n" +
				"  |        ^~~~~~~~~~~\n",
		},
		{
			name:  "wide characters take two cells",
			line:  `tags = { 名前 = "db" }`,
			start: finding.Pos{Line: 1, Column: 15}, end: finding.Pos{Line: 1, Column: 19},
			want: "1 | tags = { 名前 = \"db\" }\n" +
				"  |                 ^~~~\n",
		},
		{
			name:  "multi-line range runs to the end of the first line",
			line:  "value = <<EOT\nsecret\nEOT",
			start: finding.Pos{Line: 1, Column: 9}, end: finding.Pos{Line: 3, Column: 4},
			want: "1 | value = <<EOT\n" +
				"  |         ^~~~~\n",
		},
		{
			name:  "empty range gets one caret",
			line:  `resource "aws_instance" "web" {`,
			start: finding.Pos{Line: 1, Column: 1}, end: finding.Pos{Line: 1, Column: 1},
			want: "1 | resource \"aws_instance\" \"web\" {\n" +
				"  | ^\n",
		},
		{
			name:  "range at the end of the line",
			line:  `  ami = "ami-123"`,
			start: finding.Pos{Line: 1, Column: 18}, end: finding.Pos{Line: 1, Column: 18},
			want: "1 |   ami = \"ami-123\"\n" +
				"  |                  ^\n",
		},
		{
			name:  "CRLF line ending is not shown",
			line:  "type = \"String\"\r\nnext\r\n",
			start: finding.Pos{Line: 1, Column: 8}, end: finding.Pos{Line: 1, Column: 16},
			want: "1 | type = \"String\"\n" +
				"  |        ^~~~~~~~\n",
		},
		{
			name:  "later line",
			line:  "a = 1\n\n\n\n\n\n\n\n\n\nb = 2\n",
			start: finding.Pos{Line: 11, Column: 5}, end: finding.Pos{Line: 11, Column: 6},
			want: "11 | b = 2\n" +
				"   |     ^\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{
				Findings: []finding.Finding{{
					Rule: ruleSecret, Severity: rules.Error, Message: "m",
					Range: finding.Range{File: "/w/main.tf", Start: tt.start, End: tt.end},
				}},
				WorkDir:    "/w",
				ReadSource: func(string) ([]byte, bool) { return []byte(tt.line), true },
			}
			got := render(t, "text", in, Options{})
			_, excerpt, _ := strings.Cut(got, "]\n")
			excerpt, _, _ = strings.Cut(excerpt, "  = fix:")
			if excerpt != tt.want {
				t.Errorf("excerpt:\n%s\nwant:\n%s", excerpt, tt.want)
			}
		})
	}
}

func TestTextLongLineIsWindowed(t *testing.T) {
	line := "policy = \"" + strings.Repeat("a", 300) + "BAD" + strings.Repeat("b", 300) + "\""
	start := strings.Index(line, "BAD") + 1
	src, mark := renderExcerpt([]rune(line), start, start+3)
	if n := len([]rune(src)); n > maxExcerpt+2 {
		t.Errorf("excerpt is %d characters long", n)
	}
	if !strings.HasPrefix(src, "…") || !strings.HasSuffix(src, "…") {
		t.Errorf("a cut line should be marked with … on both sides: %q", src)
	}
	caret := strings.Index(mark, "^")
	if got := string([]rune(src)[caret : caret+3]); got != "BAD" {
		t.Errorf("underline points at %q, want BAD", got)
	}
}

func TestTextWithoutSource(t *testing.T) {
	in := sampleInput()
	in.ReadSource = nil
	got := render(t, "text", in, Options{})
	if strings.Contains(got, " | ") {
		t.Errorf("excerpt printed without a source:\n%s", got)
	}
	if !strings.Contains(got, "main.tf:3:11: error: parameter \"/prod/db/password\" looks like a secret but has type \"String\" [SSM201 secret-in-plain-string]\n  = fix: set type = \"SecureString\"\n") {
		t.Errorf("finding not printed as expected:\n%s", got)
	}
}

func TestTextReadsEachFileOnce(t *testing.T) {
	in := sampleInput()
	reads := map[string]int{}
	read := in.ReadSource
	in.ReadSource = func(file string) ([]byte, bool) {
		reads[file]++
		return read(file)
	}
	render(t, "text", in, Options{})
	for file, n := range reads {
		if n != 1 {
			t.Errorf("%s read %d times", file, n)
		}
	}
}

func TestTextSummary(t *testing.T) {
	tests := []struct {
		name   string
		s      Summary
		errors int
		want   string
	}{
		{
			name: "clean",
			s:    Summary{FilesScanned: 1, Duration: 4 * time.Millisecond},
			want: "No findings.\n1 file scanned in 4ms.\n",
		},
		{
			name:   "input errors only",
			s:      Summary{FilesScanned: 3, Duration: 1234567 * time.Microsecond},
			errors: 2,
			want:   "No findings, 2 input errors.\n3 files scanned in 1.23s.\n",
		},
		{
			name: "advanced parameters",
			s: Summary{Warnings: 3, FilesScanned: 12, Duration: 120400 * time.Microsecond,
				AdvancedParameters: 3, AdvancedMonthlyCost: 0.05 + 0.05 + 0.05, Baselined: 2, Suppressed: 1},
			want: "3 findings (3 warnings).\n12 files scanned in 120ms; 1 suppressed, 2 baselined.\n" +
				"Advanced-tier parameters flagged: 3, costing $0.15/month\n",
		},
		{
			name: "files not read, grouped by reason",
			s: Summary{FilesScanned: 2, Duration: 4 * time.Millisecond, Skipped: []SkippedFile{
				{File: "envs/dev.tfvars", Reason: "variable files Terraform loads only when given with -var-file; ssmlint takes --var-file too"},
				{File: "terragrunt.hcl", Reason: "Terragrunt configuration; scan the Terraform it calls"},
				{File: "envs/prod.tfvars", Reason: "variable files Terraform loads only when given with -var-file; ssmlint takes --var-file too"},
				{File: "envs/qa.tfvars", Reason: "variable files Terraform loads only when given with -var-file; ssmlint takes --var-file too"},
				{File: "envs/stage.tfvars", Reason: "variable files Terraform loads only when given with -var-file; ssmlint takes --var-file too"},
			}},
			want: "No findings.\n2 files scanned in 4ms.\n" +
				"Not read (variable files Terraform loads only when given with -var-file; ssmlint takes --var-file too): envs/dev.tfvars, envs/prod.tfvars, envs/qa.tfvars and 1 more.\n" +
				"Not read (Terragrunt configuration; scan the Terraform it calls): terragrunt.hcl.\n",
		},
		{
			name: "nothing to check",
			s:    Summary{Duration: time.Millisecond, Notes: []string{"Nothing to check in empty/: no Terraform (.tf, .tf.json, .tofu) or Go files."}},
			want: "No findings.\n0 files scanned in 1ms.\nNothing to check in empty/: no Terraform (.tf, .tf.json, .tofu) or Go files.\n",
		},
		{
			name: "sub-millisecond",
			s:    Summary{Errors: 1, Infos: 2, Duration: 456789 * time.Nanosecond},
			want: "3 findings (1 error, 2 info).\n0 files scanned in 457µs.\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{Summary: tt.s}
			for range tt.errors {
				in.Errors = append(in.Errors, finding.Error{Message: "bad"})
			}
			got := render(t, "text", in, Options{})
			if !strings.HasSuffix(got, tt.want) {
				t.Errorf("summary:\n%s\nwant it to end with:\n%s", got, tt.want)
			}
		})
	}
}

func TestTextEscapesFileNames(t *testing.T) {
	in := Input{
		Findings: []finding.Finding{{
			Rule: ruleSecret, Severity: rules.Error, Message: "m",
			Range: rng("/w/a\x1b[31mred\nb\u202e\xff.tf", 2, 3, 2, 4),
		}},
		Errors: []finding.Error{{
			Range:   rng("/w/x\ry.tf", 1, 1, 1, 2),
			Message: "broken",
		}},
		Summary: Summary{Skipped: []SkippedFile{{File: "/w/s\x1b.tfvars", Reason: "not loaded"}}},
		WorkDir: "/w",
	}
	got := render(t, "text", in, Options{})
	if strings.ContainsAny(got, "\x1b\r\u202e") || strings.Contains(got, "\xff") {
		t.Errorf("control characters of a file name reached the output:\n%q", got)
	}
	for _, want := range []string{
		`a\x1b[31mred\nb\u202e\xff.tf:2:3: error: m [SSM201`,
		`x\ry.tf:1:1: error: broken`,
		`Not read (not loaded): s\x1b.tfvars.`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "\n"); n != 8 {
		t.Errorf("a file name broke a line: %d lines\n%s", n, got)
	}
}
