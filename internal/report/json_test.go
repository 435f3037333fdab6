package report

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/rules"
)

func TestJSONSample(t *testing.T) {
	got := render(t, "json", sampleInput(), Options{})
	want := `{
  "version": "0.3.0",
  "findings": [
    {
      "rule": "SSM201",
      "name": "secret-in-plain-string",
      "severity": "error",
      "message": "parameter \"/prod/db/password\" looks like a secret but has type \"String\"",
      "file": "main.tf",
      "line": 3,
      "column": 11,
      "end_line": 3,
      "end_column": 19,
      "resource": "aws_ssm_parameter.db_password",
      "remediation": "set type = \"SecureString\""
    },
    {
      "rule": "SSM301",
      "name": "advanced-tier-not-needed",
      "severity": "warning",
      "message": "parameter \"/prod/app/config\" is Advanced tier but uses no Advanced feature ($0.05/month)",
      "file": "main.tf",
      "line": 10,
      "column": 11,
      "end_line": 10,
      "end_column": 21,
      "resource": "aws_ssm_parameter.config",
      "remediation": "set tier = \"Standard\" or remove tier"
    },
    {
      "rule": "SSM501",
      "name": "session-logs-not-encrypted",
      "severity": "info",
      "message": "log group \"/ssm/sessions\" receives session logs but has no kms_key_id",
      "file": "modules/logs/main.tf",
      "line": 1,
      "column": 1,
      "end_line": 3,
      "end_column": 2,
      "resource": "module.logs.aws_cloudwatch_log_group.sessions",
      "remediation": "add kms_key_id = aws_kms_key.sessions.arn"
    }
  ],
  "errors": [
    {
      "file": "terraform.tfvars",
      "line": 1,
      "column": 10,
      "message": "Invalid multi-line string: quoted strings may not be split over multiple lines"
    }
  ],
  "summary": {
    "errors": 1,
    "warnings": 1,
    "infos": 1,
    "files_scanned": 2,
    "duration_ms": 123,
    "advanced_monthly_cost_usd": 0.05,
    "advanced_parameters": 1,
    "suppressed": 1,
    "baselined": 0,
    "skipped": [],
    "notes": []
  }
}
`
	diffLines(t, got, want)
}

func TestJSONEmptyArrays(t *testing.T) {
	got := render(t, "json", Input{Version: "dev"}, Options{})
	for _, want := range []string{`"findings": []`, `"errors": []`} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %s:\n%s", want, got)
		}
	}
	if strings.Contains(got, "null") {
		t.Errorf("output has null:\n%s", got)
	}
}

// The key sets are an interface other tools depend on: exactly these keys,
// in every finding, error and summary, whatever the values.
func TestJSONKeys(t *testing.T) {
	in := sampleInput()
	in.Findings = append(in.Findings, finding.Finding{Message: "no rule, no file"})
	var doc map[string]json.RawMessage
	if err := json.Unmarshal([]byte(render(t, "json", in, Options{})), &doc); err != nil {
		t.Fatal(err)
	}
	keysOf := func(raw json.RawMessage) []string {
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		var keys []string
		for k := range m {
			keys = append(keys, k)
		}
		return sorted(keys)
	}
	if got, want := keysOf(mustMarshal(t, doc)), sorted([]string{"version", "findings", "errors", "summary"}); !reflect.DeepEqual(got, want) {
		t.Errorf("top-level keys %v, want %v", got, want)
	}
	var findings, errs []json.RawMessage
	if err := json.Unmarshal(doc["findings"], &findings); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(doc["errors"], &errs); err != nil {
		t.Fatal(err)
	}
	wantFinding := sorted([]string{"rule", "name", "severity", "message", "file", "line", "column", "end_line", "end_column", "resource", "remediation"})
	for i, f := range findings {
		if got := keysOf(f); !reflect.DeepEqual(got, wantFinding) {
			t.Errorf("finding %d keys %v, want %v", i, got, wantFinding)
		}
	}
	for i, e := range errs {
		if got, want := keysOf(e), sorted([]string{"file", "line", "column", "message"}); !reflect.DeepEqual(got, want) {
			t.Errorf("error %d keys %v, want %v", i, got, want)
		}
	}
	wantSummary := sorted([]string{"errors", "warnings", "infos", "files_scanned", "duration_ms",
		"advanced_monthly_cost_usd", "advanced_parameters", "suppressed", "baselined", "skipped", "notes"})
	if got := keysOf(doc["summary"]); !reflect.DeepEqual(got, wantSummary) {
		t.Errorf("summary keys %v, want %v", got, wantSummary)
	}
}

func TestJSONDeterministic(t *testing.T) {
	first := render(t, "json", sampleInput(), Options{})
	for range 20 {
		if got := render(t, "json", sampleInput(), Options{}); got != first {
			t.Fatalf("JSON output changed between runs:\n%s\nvs\n%s", got, first)
		}
	}
}

func TestJSONKeepsCharactersReadable(t *testing.T) {
	in := Input{Findings: []finding.Finding{{
		Rule: ruleSecret, Severity: rules.Error,
		Message:  `value <redacted> & "quoted" for aws_ssm_parameter.db["a"]`,
		Resource: `aws_ssm_parameter.db["a"]`,
	}}}
	got := render(t, "json", in, Options{})
	if !strings.Contains(got, `"message": "value <redacted> & \"quoted\" for aws_ssm_parameter.db[\"a\"]"`) {
		t.Errorf("message not written as is:\n%s", got)
	}
	if !json.Valid([]byte(got)) {
		t.Errorf("invalid JSON:\n%s", got)
	}
}

func TestJSONCostIsRounded(t *testing.T) {
	in := Input{Summary: Summary{AdvancedParameters: 3, AdvancedMonthlyCost: 0.05 + 0.05 + 0.05}}
	var doc struct {
		Summary map[string]any `json:"summary"`
	}
	if err := json.NewDecoder(bytes.NewReader([]byte(render(t, "json", in, Options{})))).Decode(&doc); err != nil {
		t.Fatal(err)
	}
	if got := doc.Summary["advanced_monthly_cost_usd"]; got != 0.15 {
		t.Errorf("advanced_monthly_cost_usd = %v, want 0.15", got)
	}
}

func mustMarshal(t *testing.T, v any) json.RawMessage {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func sorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}
