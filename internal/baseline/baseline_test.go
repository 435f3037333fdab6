package baseline

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/rules"
)

var (
	ruleSecret = &rules.Rule{ID: "SSM201", Name: "secret-in-plain-string", Severity: rules.Error}
	ruleTier   = &rules.Rule{ID: "SSM301", Name: "advanced-tier-waste", Severity: rules.Warning}
)

func at(r *rules.Rule, file string, line int, resource, attr string) finding.Finding {
	return finding.Finding{
		Rule:      r,
		Severity:  r.Severity,
		Message:   "m",
		Range:     finding.Range{File: file, Start: finding.Pos{Line: line, Column: 3}, End: finding.Pos{Line: line, Column: 9}},
		Resource:  resource,
		Attribute: attr,
	}
}

// relTo makes paths relative to root, as the CLI does with the working
// directory.
func relTo(root string) func(string) string {
	return func(p string) string {
		r, err := filepath.Rel(root, p)
		if err != nil {
			return p
		}
		return r
	}
}

func writeLoad(t *testing.T, fs []finding.Finding, relFn func(string) string) (*Baseline, string) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, fs, relFn); err != nil {
		t.Fatal(err)
	}
	b, err := Parse("baseline.json", buf.Bytes())
	if err != nil {
		t.Fatalf("Parse of written baseline: %v\n%s", err, buf.String())
	}
	return b, buf.String()
}

func TestWriteFormat(t *testing.T) {
	root := filepath.FromSlash("/repo")
	fs := []finding.Finding{
		at(ruleTier, filepath.Join(root, "b", "params.tf"), 7, "aws_ssm_parameter.big", "tier"),
		at(ruleSecret, filepath.Join(root, "a", "main.tf"), 12, `aws_ssm_parameter.db["x"]`, "type"),
		at(ruleSecret, filepath.Join(root, "a", "main.tf"), 30, `aws_ssm_parameter.db["y"]`, "type"),
		at(ruleSecret, filepath.Join(root, "a", "main.tf"), 12, `aws_ssm_parameter.db["x"]`, "type"),
	}
	var buf bytes.Buffer
	if err := Write(&buf, fs, relTo(root)); err != nil {
		t.Fatal(err)
	}
	fpX := Fingerprint(fs[1], "a/main.tf")
	fpY := Fingerprint(fs[2], "a/main.tf")
	fpB := Fingerprint(fs[0], "b/params.tf")
	want := `{
  "version": 1,
  "findings": [
    {
      "rule": "SSM201",
      "file": "a/main.tf",
      "resource": "aws_ssm_parameter.db[\"x\"]",
      "attribute": "type",
      "fingerprint": "` + fpX + `",
      "count": 2
    },
    {
      "rule": "SSM201",
      "file": "a/main.tf",
      "resource": "aws_ssm_parameter.db[\"y\"]",
      "attribute": "type",
      "fingerprint": "` + fpY + `"
    },
    {
      "rule": "SSM301",
      "file": "b/params.tf",
      "resource": "aws_ssm_parameter.big",
      "attribute": "tier",
      "fingerprint": "` + fpB + `"
    }
  ]
}
`
	if buf.String() != want {
		t.Errorf("Write:\n%s\nwant:\n%s", buf.String(), want)
	}

	// Deterministic regardless of input order.
	rev := []finding.Finding{fs[3], fs[2], fs[1], fs[0]}
	var buf2 bytes.Buffer
	if err := Write(&buf2, rev, relTo(root)); err != nil {
		t.Fatal(err)
	}
	if buf2.String() != buf.String() {
		t.Error("output depends on input order")
	}

	var empty bytes.Buffer
	if err := Write(&empty, nil, nil); err != nil {
		t.Fatal(err)
	}
	if empty.String() != "{\n  \"version\": 1,\n  \"findings\": []\n}\n" {
		t.Errorf("empty baseline = %q", empty.String())
	}
}

func TestFingerprint(t *testing.T) {
	f := at(ruleSecret, "a/main.tf", 1, "aws_ssm_parameter.db", "type")
	fp := Fingerprint(f, "a/main.tf")
	if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(fp) {
		t.Fatalf("fingerprint %q is not 32 hex digits", fp)
	}
	// Stable across releases: this value is in users' baseline files and
	// SARIF uploads. Changing it invalidates them.
	if fp != fingerprint("SSM201", "a/main.tf", "aws_ssm_parameter.db", "type") {
		t.Error("Fingerprint and fingerprint disagree")
	}
	moved := f
	moved.Range.Start.Line, moved.Range.End.Line = 40, 40
	moved.Message = "other message"
	moved.Severity = rules.Warning
	if Fingerprint(moved, "a/main.tf") != fp {
		t.Error("fingerprint must not depend on position, message or severity")
	}
	if Fingerprint(f, `a\main.tf`) != fp && filepath.Separator == '\\' {
		t.Error("fingerprint must use slash-separated paths")
	}
	differs := map[string]finding.Finding{
		"rule":      at(ruleTier, "a/main.tf", 1, "aws_ssm_parameter.db", "type"),
		"resource":  at(ruleSecret, "a/main.tf", 1, "aws_ssm_parameter.db2", "type"),
		"attribute": at(ruleSecret, "a/main.tf", 1, "aws_ssm_parameter.db", "name"),
	}
	for what, g := range differs {
		if Fingerprint(g, "a/main.tf") == fp {
			t.Errorf("fingerprint ignores the %s", what)
		}
	}
	if Fingerprint(f, "b/main.tf") == fp {
		t.Error("fingerprint ignores the file")
	}
	// Field boundaries cannot be shifted.
	a := at(ruleSecret, "x", 1, "ab", "c")
	b := at(ruleSecret, "x", 1, "a", "bc")
	if Fingerprint(a, "x") == Fingerprint(b, "x") {
		t.Error("fingerprint is ambiguous across field boundaries")
	}
}

func TestFilterSurvivesLineShifts(t *testing.T) {
	old := []finding.Finding{
		at(ruleSecret, "infra/main.tf", 10, "aws_ssm_parameter.db", "type"),
		at(ruleTier, "infra/main.tf", 20, "aws_ssm_parameter.big", "tier"),
	}
	b, _ := writeLoad(t, old, nil)
	// Thirty lines were added at the top of the file, and a new finding
	// appeared.
	now := []finding.Finding{
		at(ruleSecret, "infra/main.tf", 40, "aws_ssm_parameter.db", "type"),
		at(ruleSecret, "infra/main.tf", 45, "aws_ssm_parameter.api_token", "type"),
		at(ruleTier, "infra/main.tf", 50, "aws_ssm_parameter.big", "tier"),
	}
	kept, hidden := b.Filter(now, nil)
	if hidden != 2 || len(kept) != 1 || kept[0].Resource != "aws_ssm_parameter.api_token" {
		t.Errorf("Filter = %v, %d; want only the new api_token finding", kept, hidden)
	}
}

func TestFilterMultiset(t *testing.T) {
	rec := []finding.Finding{
		at(ruleSecret, "m.tf", 1, "", ""),
		at(ruleSecret, "m.tf", 2, "", ""),
	}
	b, _ := writeLoad(t, rec, nil)
	if b.Len() != 2 {
		t.Fatalf("Len = %d", b.Len())
	}
	now := []finding.Finding{
		at(ruleSecret, "m.tf", 5, "", ""),
		at(ruleSecret, "m.tf", 6, "", ""),
		at(ruleSecret, "m.tf", 7, "", ""),
	}
	kept, hidden := b.Filter(now, nil)
	if hidden != 2 || len(kept) != 1 || kept[0].Range.Start.Line != 7 {
		t.Errorf("Filter = %v, %d; want the third finding kept", kept, hidden)
	}
	// Filter does not consume the baseline.
	if _, hidden := b.Filter(now, nil); hidden != 2 {
		t.Errorf("second Filter hid %d", hidden)
	}
	// Fewer findings than recorded: all hidden.
	if kept, hidden := b.Filter(now[:1], nil); hidden != 1 || len(kept) != 0 {
		t.Errorf("Filter of one = %v, %d", kept, hidden)
	}
}

func TestFilterUsesRelFn(t *testing.T) {
	root := t.TempDir()
	rec := []finding.Finding{at(ruleSecret, filepath.Join(root, "stack", "main.tf"), 3, "aws_ssm_parameter.db", "type")}
	var buf bytes.Buffer
	if err := Write(&buf, rec, relTo(root)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"file": "stack/main.tf"`) {
		t.Fatalf("baseline does not record the relative path:\n%s", buf.String())
	}
	p := filepath.Join(root, "baseline.json")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := Load(p, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// The same finding seen from another checkout location.
	other := filepath.Join(t.TempDir(), "clone")
	now := []finding.Finding{at(ruleSecret, filepath.Join(other, "stack", "main.tf"), 9, "aws_ssm_parameter.db", "type")}
	if _, hidden := b.Filter(now, relTo(other)); hidden != 1 {
		t.Error("baseline must match by relative path")
	}
	if _, hidden := b.Filter(now, nil); hidden != 0 {
		t.Error("an absolute path must not match a relative entry")
	}
}

func TestNilBaseline(t *testing.T) {
	var b *Baseline
	fs := []finding.Finding{at(ruleSecret, "m.tf", 1, "", "")}
	kept, hidden := b.Filter(fs, nil)
	if hidden != 0 || len(kept) != 1 || b.Len() != 0 {
		t.Error("a nil baseline hides nothing")
	}
}

func TestParseMergesAndFillsFingerprints(t *testing.T) {
	src := `{"version": 1, "findings": [
  {"rule": "SSM201", "file": "m.tf", "resource": "r", "attribute": ""},
  {"rule": "SSM201", "file": "m.tf", "resource": "r", "attribute": "", "count": 2}
]}`
	b, err := Parse("b.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Entries) != 1 || b.Entries[0].Count != 3 || b.Len() != 3 {
		t.Errorf("Entries = %+v, Len = %d", b.Entries, b.Len())
	}
	if b.Entries[0].Fingerprint != fingerprint("SSM201", "m.tf", "r", "") {
		t.Error("missing fingerprint not filled in")
	}
	if b, err := Parse("b.json", []byte(`{"findings": null, "version": 1}`)); err != nil || b.Len() != 0 {
		t.Errorf("null findings: %v", err)
	}
}

func TestParseErrors(t *testing.T) {
	fp := fingerprint("SSM201", "m.tf", "r", "")
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"syntax error", "{\n  \"version\": 1,\n  \"findings\": [\n    {\"rule\": \"SSM201\",}\n  ]\n}\n",
			`b.json:4:23: invalid JSON: invalid character '}' looking for beginning of object key string`},
		{"truncated", "{\n  \"version\": 1,\n  \"findings\": [\n", `b.json:4:1: invalid JSON: unexpected end of file`},
		{"empty", "", `b.json:1:1: invalid JSON: unexpected end of file`},
		{"not an object", "\n  [1]", `b.json:2:3: a baseline is a JSON object {"version":1,"findings":[...]}`},
		{"wrong version", "{\"version\": 2, \"findings\": []}", `b.json:1:13: unsupported baseline version 2 (this ssmlint reads version 1; write a new baseline with --write-baseline)`},
		{"string version", "{\"version\": \"1\", \"findings\": []}", `b.json:1:13: version must be the number 1`},
		{"missing version", "{\"findings\": []}", `b.json:1:1: baseline has no "version"`},
		{"unknown top key", "{\"version\": 1,\n \"finding\": []}", `b.json:2:2: unknown key "finding" in baseline (want version and findings)`},
		{"findings not a list", "{\"version\": 1, \"findings\": {}}", `b.json:1:28: findings must be a list`},
		{"unknown entry field", "{\"version\": 1, \"findings\": [\n  {\"rule\": \"SSM201\", \"fingerprnt\": \"x\"}]}",
			`b.json:2:3: bad baseline entry: unknown field "fingerprnt"`},
		{"entry field of wrong type", "{\"version\": 1, \"findings\": [\n  {\"rule\": 201}]}",
			`b.json:2:3: baseline entry field "rule" must be a string, not a JSON number`},
		{"entry without rule", "{\"version\": 1, \"findings\": [{}]}", `b.json:1:29: baseline entry has no "rule"`},
		{"negative count", "{\"version\": 1, \"findings\": [{\"rule\": \"SSM201\", \"count\": -1}]}", `b.json:1:29: baseline entry has a negative count (-1)`},
		{"fingerprint mismatch", "{\"version\": 1, \"findings\": [\n\n  {\"rule\": \"SSM201\", \"file\": \"m.tf\", \"resource\": \"r\", \"fingerprint\": \"deadbeef\"}]}",
			`b.json:3:3: baseline entry's fingerprint deadbeef does not match its rule, file, resource and attribute (want ` + fp + `); fix the entry or delete its fingerprint`},
		{"trailing data", "{\"version\": 1, \"findings\": []}\n{}", `b.json:2:1: invalid JSON: invalid character '{' after top-level value`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse("b.json", []byte(tt.src))
			if err == nil {
				t.Fatalf("Parse succeeded: %+v", b)
			}
			if err.Error() != tt.want {
				t.Errorf("err:\n got  %s\n want %s", err, tt.want)
			}
			var e *Error
			if !errors.As(err, &e) || e.Line == 0 || e.Column == 0 {
				t.Errorf("error %v is not positioned", err)
			}
		})
	}
}

func TestLoadMissing(t *testing.T) {
	p := filepath.Join(t.TempDir(), "nope.json")
	_, err := Load(p, LoadOptions{})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("err = %v", err)
	}
	if want := p + ": cannot read baseline: no such file or directory"; err.Error() != want {
		t.Errorf("err = %q, want %q", err, want)
	}
}

// TestOfMatchesWrite: the in-memory baseline of --new-from-rev hides what
// the written one would, counts included.
func TestOfMatchesWrite(t *testing.T) {
	rec := []finding.Finding{
		at(ruleSecret, "old/m.tf", 1, "aws_ssm_parameter.a", "type"),
		at(ruleSecret, "old/m.tf", 2, "aws_ssm_parameter.a", "type"),
		at(ruleSecret, "old/n.tf", 3, "aws_ssm_parameter.b", "type"),
	}
	strip := func(p string) string { return strings.TrimPrefix(p, "old/") }
	written, _ := writeLoad(t, rec, strip)
	mem := Of(rec, strip)
	if mem.Len() != written.Len() || mem.Len() != 3 {
		t.Fatalf("Len: Of %d, written %d, want 3", mem.Len(), written.Len())
	}
	now := []finding.Finding{
		at(ruleSecret, "m.tf", 9, "aws_ssm_parameter.a", "type"),
		at(ruleSecret, "m.tf", 10, "aws_ssm_parameter.a", "type"),
		at(ruleSecret, "m.tf", 11, "aws_ssm_parameter.a", "type"),
		at(ruleSecret, "n.tf", 12, "aws_ssm_parameter.c", "type"),
	}
	keptMem, hiddenMem := mem.Filter(now, nil)
	keptFile, hiddenFile := written.Filter(now, nil)
	if hiddenMem != 2 || hiddenMem != hiddenFile || len(keptMem) != 2 || len(keptFile) != 2 ||
		keptMem[0].Range.Start.Line != 11 || keptMem[1].Range.Start.Line != 12 {
		t.Errorf("Of hid %d and kept %v; the written baseline hid %d and kept %v", hiddenMem, keptMem, hiddenFile, keptFile)
	}
}
