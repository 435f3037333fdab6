package report

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/internal/baseline"
	"github.com/ssmlint/ssmlint/rules"
)

// checkCodeQuality checks a report against GitLab's Code Quality format,
// field by field: a JSON array of objects, each with a non-empty string
// description and check_name, a fingerprint unique in the report, a
// severity GitLab knows, a relative location.path and an integer
// location.lines.begin of at least 1 (and lines.end, when present, not
// before it). It returns the issues, decoded loosely.
func checkCodeQuality(t *testing.T, out string) []map[string]any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(out))
	dec.UseNumber()
	var issues []map[string]any
	if err := dec.Decode(&issues); err != nil {
		t.Fatalf("not a JSON array of objects: %v\n%s", err, out)
	}
	if issues == nil {
		t.Fatalf("the report must be an array, [] when empty:\n%s", out)
	}
	severities := map[string]bool{"info": true, "minor": true, "major": true, "critical": true, "blocker": true}
	fingerprints := map[string]int{}
	for i, is := range issues {
		str := func(key string) string {
			s, ok := is[key].(string)
			if !ok || s == "" {
				t.Errorf("issue %d: %s = %#v, want a non-empty string", i, key, is[key])
			}
			return s
		}
		str("description")
		str("check_name")
		fp := str("fingerprint")
		if prev, dup := fingerprints[fp]; dup {
			t.Errorf("issues %d and %d share the fingerprint %s", prev, i, fp)
		}
		fingerprints[fp] = i
		if sev := str("severity"); !severities[sev] {
			t.Errorf("issue %d: severity %q is not one of GitLab's", i, sev)
		}
		if typ, ok := is["type"]; ok && typ != "issue" {
			t.Errorf("issue %d: type %v", i, typ)
		}
		loc, _ := is["location"].(map[string]any)
		path, _ := loc["path"].(string)
		if path == "" || strings.HasPrefix(path, "/") && !strings.HasPrefix(path, "/elsewhere/") || strings.Contains(path, `\`) {
			t.Errorf("issue %d: location.path %q is not a relative slash path", i, path)
		}
		lines, _ := loc["lines"].(map[string]any)
		begin := positiveInt(t, i, "location.lines.begin", lines["begin"])
		if end, ok := lines["end"]; ok && positiveInt(t, i, "location.lines.end", end) < begin {
			t.Errorf("issue %d: lines end %v before begin %d", i, end, begin)
		}
		if c, ok := is["categories"].([]any); !ok || len(c) == 0 {
			t.Errorf("issue %d: categories = %#v", i, is["categories"])
		}
	}
	return issues
}

// positiveInt checks that a decoded JSON number is an integer of at least 1.
func positiveInt(t *testing.T, i int, name string, v any) int64 {
	t.Helper()
	n, ok := v.(json.Number)
	if !ok {
		t.Errorf("issue %d: %s = %#v, want an integer", i, name, v)
		return 0
	}
	x, err := n.Int64()
	if err != nil || x < 1 {
		t.Errorf("issue %d: %s = %s, want an integer of at least 1", i, name, n)
	}
	return x
}

func TestCodeClimateFormat(t *testing.T) {
	in := sampleInput()
	issues := checkCodeQuality(t, render(t, FormatCodeClimate, in, Options{}))
	if len(issues) != len(in.Findings)+len(in.Errors) {
		t.Fatalf("%d issues, want %d", len(issues), len(in.Findings)+len(in.Errors))
	}
	type want struct {
		check, severity, path, category string
		begin, end                      int64
	}
	wants := []want{
		{"SSM201", "major", "main.tf", "Security", 3, 0},
		{"SSM301", "minor", "main.tf", "Clarity", 10, 0},
		{"SSM501", "info", "modules/logs/main.tf", "Security", 1, 3},
		{"ssmlint/input-error", "critical", "terraform.tfvars", "Bug Risk", 1, 0},
	}
	for i, w := range wants {
		is := issues[i]
		loc := is["location"].(map[string]any)
		lines := loc["lines"].(map[string]any)
		begin, _ := lines["begin"].(json.Number).Int64()
		var end int64
		if e, ok := lines["end"].(json.Number); ok {
			end, _ = e.Int64()
		}
		if is["check_name"] != w.check || is["severity"] != w.severity || loc["path"] != w.path ||
			is["categories"].([]any)[0] != w.category || begin != w.begin || end != w.end {
			t.Errorf("issue %d = %v, want %+v", i, is, w)
		}
	}
	if d := issues[0]["description"]; d != "SSM201: "+in.Findings[0].Message {
		t.Errorf("description = %q", d)
	}
	if fp := issues[0]["fingerprint"]; fp != baseline.Fingerprint(in.Findings[0], "main.tf") {
		t.Errorf("fingerprint %v is not the baseline's", fp)
	}
	body := issues[2]["content"].(map[string]any)["body"].(string)
	if !strings.Contains(body, in.Findings[2].Remediation) || !strings.Contains(body, DocsURL("SSM501")) {
		t.Errorf("content.body = %q", body)
	}
}

// Paths are root-relative with the prefix; fingerprints are not affected
// by the prefix or the working directory; duplicates get distinct but
// stable fingerprints.
func TestCodeClimatePathsAndFingerprints(t *testing.T) {
	dup := finding.Finding{Rule: ruleSecret, Severity: rules.Error, Message: "m",
		Range: rng("/repo/infra/main.tf", 3, 1, 3, 2), Resource: "aws_ssm_parameter.p", Attribute: "type"}
	second := dup
	second.Range = rng("/repo/infra/main.tf", 9, 1, 9, 2)
	scan := func(workDir, prefix string) []map[string]any {
		in := Input{Root: "/repo", WorkDir: workDir, PathPrefix: prefix,
			Findings: []finding.Finding{dup, second}, Errors: []finding.Error{{Message: "no file"}}}
		return checkCodeQuality(t, render(t, FormatCodeClimate, in, Options{}))
	}
	a, b, c := scan("/repo", ""), scan("/repo/infra", ""), scan("/repo/infra", "./mono/")
	for i := range a {
		if a[i]["fingerprint"] != b[i]["fingerprint"] || a[i]["fingerprint"] != c[i]["fingerprint"] {
			t.Errorf("issue %d: fingerprints differ by working directory or prefix: %v %v %v", i, a[i]["fingerprint"], b[i]["fingerprint"], c[i]["fingerprint"])
		}
	}
	if a[0]["fingerprint"] == a[1]["fingerprint"] {
		t.Error("two findings of the same resource share a fingerprint")
	}
	for _, issues := range [][]map[string]any{a, b} {
		if p := issues[0]["location"].(map[string]any)["path"]; p != "infra/main.tf" {
			t.Errorf("path = %v, want infra/main.tf", p)
		}
	}
	if p := c[0]["location"].(map[string]any)["path"]; p != "mono/infra/main.tf" {
		t.Errorf("path with the prefix = %v", p)
	}
	if p := a[2]["location"].(map[string]any)["path"]; p != "." {
		t.Errorf("an input error without a file has path %v, want the root", p)
	}
}

func TestCodeClimateCleanAndHostile(t *testing.T) {
	if out := render(t, FormatCodeClimate, Input{}, Options{}); strings.TrimSpace(out) != "[]" {
		t.Errorf("clean run = %q, want []", out)
	}
	in := Input{WorkDir: "/w", Findings: []finding.Finding{
		{Rule: ruleSecret, Severity: rules.Error, Message: "bad \xff byte, \x00 NUL, </script> & \"quotes\"\n",
			Range: rng("/w/a\xffb.tf", 0, 0, 0, 0)},
		{Severity: 0, Message: "no rule, no range"},
	}}
	out := render(t, FormatCodeClimate, in, Options{})
	if !json.Valid([]byte(out)) || !bytes.Contains([]byte(out), []byte("</script>")) {
		t.Errorf("output is not valid JSON or escapes HTML:\n%s", out)
	}
	issues := checkCodeQuality(t, out)
	if issues[1]["check_name"] != "ssmlint" || issues[1]["severity"] != "minor" {
		t.Errorf("a finding without a rule = %v", issues[1])
	}
	if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(issues[1]["fingerprint"].(string)) {
		t.Errorf("fingerprint %v", issues[1]["fingerprint"])
	}
}
