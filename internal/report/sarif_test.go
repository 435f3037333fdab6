package report

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/internal/baseline"
	"github.com/ssmlint/ssmlint/rules"
)

// validateSARIF checks a written document against the SARIF 2.1.0 JSON
// schema that go-sarif embeds. go-sarif validates its Go value, so the
// document is parsed strictly first, and the parsed value must marshal back
// to the same JSON: what is validated is exactly what was written.
func validateSARIF(t *testing.T, out string) {
	t.Helper()
	doc, err := sarif.FromBytes([]byte(out), sarif.WithStrictValidation())
	if err != nil {
		t.Fatalf("SARIF does not parse: %v", err)
	}
	if err := doc.Validate(); err != nil {
		t.Fatalf("SARIF fails schema validation: %v\n%s", err, out)
	}
	back, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var written, validated any
	if err := json.Unmarshal([]byte(out), &written); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(back, &validated); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(written, validated) {
		t.Fatalf("the validated document differs from the written one:\nwritten:   %s\nvalidated: %s", out, back)
	}
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	tests := []struct {
		name string
		in   func() Input
	}{
		{"sample with findings and an input error", sampleInput},
		{"clean run", func() Input { return Input{Version: "0.3.0", Rules: testCatalog, WorkDir: "/w"} }},
		{"no version, no catalog", func() Input { return Input{Findings: sampleInput().Findings} }},
		{"degenerate findings", func() Input {
			return Input{
				Findings: []finding.Finding{
					{Message: "no rule, no range"},
					{Rule: &rules.Rule{ID: "SSM999"}, Severity: 0, Message: "bare rule",
						Range: rng("/w/a b/ü.tf", 5, 0, 0, 0)},
					{Rule: ruleSecret, Severity: rules.Error, Message: "backwards",
						Range: rng("/w/main.tf", 5, 9, 5, 2)},
					{Rule: ruleSecret, Severity: rules.Error, Message: "outside the work dir",
						Range: rng("/elsewhere/main.tf", 1, 1, 1, 2)},
				},
				Errors:  []finding.Error{{Message: "no position"}},
				WorkDir: "/w",
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			validateSARIF(t, render(t, "sarif", tt.in(), Options{}))
		})
	}
}

// The validator must be able to fail, or the test above proves nothing.
func TestSARIFValidationRejectsInvalidDocuments(t *testing.T) {
	out := render(t, "sarif", sampleInput(), Options{})
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	result := doc["runs"].([]any)[0].(map[string]any)["results"].([]any)[0].(map[string]any)
	result["level"] = "fatal"
	broken, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := sarif.FromBytes(broken, sarif.WithStrictValidation())
	if err != nil {
		t.Fatal(err)
	}
	if err := parsed.Validate(); err == nil {
		t.Fatal(`a result with level "fatal" passed validation`)
	}
}

// sarifDoc is the part of the SARIF log the tests read.
type sarifDoc struct {
	Version string `json:"version"`
	Runs    []struct {
		ColumnKind string `json:"columnKind"`
		Tool       struct {
			Driver struct {
				Name           string `json:"name"`
				Version        string `json:"version"`
				InformationURI string `json:"informationUri"`
				Rules          []struct {
					ID               string            `json:"id"`
					Name             string            `json:"name"`
					ShortDescription map[string]string `json:"shortDescription"`
					FullDescription  map[string]string `json:"fullDescription"`
					Help             map[string]string `json:"help"`
					HelpURI          string            `json:"helpUri"`
					Default          struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
					Properties map[string]any `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string            `json:"ruleId"`
			RuleIndex int               `json:"ruleIndex"`
			Level     string            `json:"level"`
			Message   map[string]any    `json:"message"`
			Partial   map[string]string `json:"partialFingerprints"`
			Locations []sarifLoc        `json:"locations"`
		} `json:"results"`
		Invocations []struct {
			ExecutionSuccessful bool `json:"executionSuccessful"`
			Notifications       []struct {
				Level     string         `json:"level"`
				Message   map[string]any `json:"message"`
				Locations []sarifLoc     `json:"locations"`
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
	} `json:"runs"`
}

type sarifLoc struct {
	Physical struct {
		Artifact struct {
			URI       string `json:"uri"`
			URIBaseID string `json:"uriBaseId"`
		} `json:"artifactLocation"`
		Region map[string]int `json:"region"`
	} `json:"physicalLocation"`
	Logical []struct {
		FullyQualifiedName string `json:"fullyQualifiedName"`
		Kind               string `json:"kind"`
	} `json:"logicalLocations"`
}

func readSARIF(t *testing.T, in Input) sarifDoc {
	t.Helper()
	var doc sarifDoc
	if err := json.Unmarshal([]byte(render(t, "sarif", in, Options{})), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(doc.Runs))
	}
	return doc
}

func TestSARIFDriverAndRules(t *testing.T) {
	doc := readSARIF(t, sampleInput())
	d := doc.Runs[0].Tool.Driver
	if d.Name != "ssmlint" || d.Version != "0.3.0" || d.InformationURI != "https://github.com/ssmlint/ssmlint" {
		t.Errorf("driver = %q %q %q", d.Name, d.Version, d.InformationURI)
	}
	if doc.Runs[0].ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind = %q", doc.Runs[0].ColumnKind)
	}
	if len(d.Rules) != len(testCatalog) {
		t.Fatalf("%d rules, want every catalog rule (%d)", len(d.Rules), len(testCatalog))
	}
	wantLevel := map[string]string{"SSM201": "error", "SSM301": "warning", "SSM501": "note"}
	wantSecurity := map[string]string{"SSM201": "9.0", "SSM301": "5.5", "SSM501": "2.0"}
	for i, r := range d.Rules {
		c := testCatalog[i]
		if r.ID != c.ID || r.Name != c.Name {
			t.Errorf("rule %d = %s %s, want %s %s", i, r.ID, r.Name, c.ID, c.Name)
		}
		if r.ShortDescription["text"] != c.Summary || r.FullDescription["text"] != c.Rationale {
			t.Errorf("%s descriptions = %q / %q", r.ID, r.ShortDescription["text"], r.FullDescription["text"])
		}
		if r.HelpURI != "https://github.com/ssmlint/ssmlint/blob/main/docs/rules/"+c.ID+".md" {
			t.Errorf("%s helpUri = %q", r.ID, r.HelpURI)
		}
		if r.Default.Level != wantLevel[r.ID] {
			t.Errorf("%s default level = %q, want %q", r.ID, r.Default.Level, wantLevel[r.ID])
		}
		if got := r.Properties["security-severity"]; got != wantSecurity[r.ID] {
			t.Errorf("%s security-severity = %#v, want the string %q", r.ID, got, wantSecurity[r.ID])
		}
		if tags, _ := r.Properties["tags"].([]any); len(tags) == 0 || tags[0] != "security" {
			t.Errorf("%s tags = %v", r.ID, r.Properties["tags"])
		}
		for _, want := range []string{c.Remediation, c.Summary} {
			if !strings.Contains(r.Help["text"], want) || !strings.Contains(r.Help["markdown"], want) {
				t.Errorf("%s help lacks %q: %v", r.ID, want, r.Help)
			}
		}
	}
	md := d.Rules[0].Help["markdown"]
	if !strings.Contains(md, "```hcl\n"+`resource "aws_ssm_parameter" "db" {`) || !strings.Contains(md, `type = "SecureString"`) {
		t.Errorf("SSM201 markdown help lacks the examples:\n%s", md)
	}
}

func TestSARIFResults(t *testing.T) {
	in := sampleInput()
	doc := readSARIF(t, in)
	run := doc.Runs[0]
	if len(run.Results) != 3 {
		t.Fatalf("%d results, want 3", len(run.Results))
	}
	type want struct {
		rule, level, uri string
		region           map[string]int
		resource         string
	}
	wants := []want{
		{"SSM201", "error", "main.tf", map[string]int{"startLine": 3, "startColumn": 11, "endLine": 3, "endColumn": 19}, "aws_ssm_parameter.db_password"},
		{"SSM301", "warning", "main.tf", map[string]int{"startLine": 10, "startColumn": 11, "endLine": 10, "endColumn": 21}, "aws_ssm_parameter.config"},
		{"SSM501", "note", "modules/logs/main.tf", map[string]int{"startLine": 1, "startColumn": 1, "endLine": 3, "endColumn": 2}, "module.logs.aws_cloudwatch_log_group.sessions"},
	}
	hex32 := regexp.MustCompile(`^[0-9a-f]{32}$`)
	for i, r := range run.Results {
		w := wants[i]
		if r.RuleID != w.rule || r.Level != w.level || r.Message["text"] != in.Findings[i].Message {
			t.Errorf("result %d = %s %s %v", i, r.RuleID, r.Level, r.Message)
		}
		if r.RuleIndex < 0 || r.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %d: ruleIndex %d does not point at %s", i, r.RuleIndex, r.RuleID)
		}
		if len(r.Locations) != 1 {
			t.Fatalf("result %d has %d locations", i, len(r.Locations))
		}
		loc := r.Locations[0]
		if loc.Physical.Artifact.URI != w.uri || loc.Physical.Artifact.URIBaseID != "%SRCROOT%" {
			t.Errorf("result %d artifact = %+v", i, loc.Physical.Artifact)
		}
		region := map[string]int{}
		for _, k := range []string{"startLine", "startColumn", "endLine", "endColumn"} {
			region[k] = loc.Physical.Region[k]
		}
		if !reflect.DeepEqual(region, w.region) {
			t.Errorf("result %d region = %v, want %v", i, region, w.region)
		}
		if len(loc.Logical) != 1 || loc.Logical[0].FullyQualifiedName != w.resource {
			t.Errorf("result %d logical locations = %+v", i, loc.Logical)
		}
		fp := r.Partial["ssmlint/v1"]
		if !hex32.MatchString(fp) || fp != baseline.Fingerprint(in.Findings[i], w.uri) {
			t.Errorf("result %d fingerprint = %q", i, fp)
		}
	}
	inv := run.Invocations
	if len(inv) != 1 || inv[0].ExecutionSuccessful {
		t.Fatalf("invocations = %+v, want one unsuccessful", inv)
	}
	if n := inv[0].Notifications; len(n) != 1 || n[0].Level != "error" || n[0].Message["text"] != in.Errors[0].Message ||
		len(n[0].Locations) != 1 || n[0].Locations[0].Physical.Artifact.URI != "terraform.tfvars" ||
		n[0].Locations[0].Physical.Region["startLine"] != 1 || n[0].Locations[0].Physical.Region["startColumn"] != 10 {
		t.Errorf("notifications = %+v", n)
	}
}

func TestSARIFCleanRun(t *testing.T) {
	doc := readSARIF(t, Input{Version: "0.3.0", Rules: testCatalog})
	run := doc.Runs[0]
	if run.Results == nil || len(run.Results) != 0 {
		t.Errorf("results = %v, want an empty array", run.Results)
	}
	if len(run.Invocations) != 1 || !run.Invocations[0].ExecutionSuccessful {
		t.Errorf("invocations = %+v, want one successful", run.Invocations)
	}
}

func TestSARIFRuleMissingFromCatalog(t *testing.T) {
	extra := &rules.Rule{ID: "SSM601", Name: "securestring-without-decryption", Severity: rules.Warning, Language: "go"}
	in := Input{Rules: testCatalog, Findings: []finding.Finding{{
		Rule: extra, Severity: rules.Warning, Message: "m", Range: rng("/w/cmd/app/main.go", 12, 5, 12, 30), Resource: "main.loadConfig",
	}}, WorkDir: "/w"}
	run := readSARIF(t, in).Runs[0]
	r := run.Results[0]
	if r.RuleIndex != len(testCatalog) || run.Tool.Driver.Rules[r.RuleIndex].ID != "SSM601" {
		t.Errorf("ruleIndex %d, rules %d", r.RuleIndex, len(run.Tool.Driver.Rules))
	}
	if k := r.Locations[0].Logical[0].Kind; k != "function" {
		t.Errorf("logical kind of a Go finding = %q, want function", k)
	}
}

func TestSARIFArtifactURIs(t *testing.T) {
	tests := []struct {
		file, uri, base string
	}{
		{"/w/main.tf", "main.tf", "%SRCROOT%"},
		{"/w/my stack/main.tf", "my%20stack/main.tf", "%SRCROOT%"},
		{"/w/env:prod/main.tf", "./env:prod/main.tf", "%SRCROOT%"},
		{"/w/100%/main.tf", "100%25/main.tf", "%SRCROOT%"},
		{"/w/../other/x.tf", "../other/x.tf", "%SRCROOT%"},
	}
	for _, tt := range tests {
		in := Input{WorkDir: "/w", Findings: []finding.Finding{{Rule: ruleSecret, Severity: rules.Error, Message: "m", Range: rng(tt.file, 1, 1, 1, 2)}}}
		a := readSARIF(t, in).Runs[0].Results[0].Locations[0].Physical.Artifact
		if a.URI != tt.uri || a.URIBaseID != tt.base {
			t.Errorf("%s: uri %q base %q, want %q %q", tt.file, a.URI, a.URIBaseID, tt.uri, tt.base)
		}
	}
	in := Input{Findings: []finding.Finding{{Rule: ruleSecret, Severity: rules.Error, Message: "m", Range: rng("/abs/main.tf", 1, 1, 1, 2)}}}
	a := readSARIF(t, in).Runs[0].Results[0].Locations[0].Physical.Artifact
	if a.URI != "file:///abs/main.tf" || a.URIBaseID != "" {
		t.Errorf("absolute path without a work dir: uri %q base %q", a.URI, a.URIBaseID)
	}
}
