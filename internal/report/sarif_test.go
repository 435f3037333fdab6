package report

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"github.com/xeipuuv/gojsonschema"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/internal/baseline"
	"github.com/ssmlint/ssmlint/rules"
)

// sarifSchemaText is the SARIF 2.1.0 JSON schema go-sarif embeds. go-sarif
// validates only its own Go value (which re-adds -1 defaults and empty
// arrays), so the schema is read from its source, located through the go
// command, and the bytes ssmlint writes are validated as they are.
var sarifSchemaText = sync.OnceValues(func() (string, error) {
	cmd := exec.Command("go", "list", "-f", "{{.Dir}}", "github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", &exec.Error{Name: "go list: " + stderr.String(), Err: err}
	}
	src, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "schema.go"))
	if err != nil {
		return "", err
	}
	_, rest, ok := strings.Cut(string(src), "const schema = `")
	schema, _, closed := strings.Cut(rest, "`")
	if !ok || !closed || !json.Valid([]byte(schema)) {
		return "", os.ErrNotExist
	}
	return schema, nil
})

// schemaErrors validates a document against the SARIF 2.1.0 schema.
func schemaErrors(t *testing.T, doc []byte) []string {
	t.Helper()
	schema, err := sarifSchemaText()
	if err != nil {
		t.Fatalf("the SARIF schema embedded by go-sarif cannot be read: %v", err)
	}
	res, err := gojsonschema.Validate(gojsonschema.NewStringLoader(schema), gojsonschema.NewBytesLoader(doc))
	if err != nil {
		t.Fatalf("schema validation did not run: %v", err)
	}
	var errs []string
	for _, e := range res.Errors() {
		errs = append(errs, e.String())
	}
	return errs
}

// validateSARIF checks a written document three ways: the bytes against the
// SARIF 2.1.0 schema, go-sarif's own reading and validation of it (what a
// Go consumer does), and the absence of negative numbers (the -1
// "unset" sentinels GitHub and other consumers misread).
func validateSARIF(t *testing.T, out string) {
	t.Helper()
	if errs := schemaErrors(t, []byte(out)); len(errs) > 0 {
		t.Fatalf("SARIF fails schema validation:\n%s\n%s", strings.Join(errs, "\n"), out)
	}
	doc, err := sarif.FromBytes([]byte(out))
	if err != nil {
		t.Fatalf("go-sarif cannot read the SARIF: %v", err)
	}
	if err := doc.Validate(); err != nil {
		t.Fatalf("go-sarif's validation fails: %v", err)
	}
	var v any
	dec := json.NewDecoder(strings.NewReader(out))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	walkJSON(v, "", func(where string, n json.Number) {
		if strings.HasPrefix(n.String(), "-") {
			t.Errorf("negative number %s at %s", n, where)
		}
	})
}

// walkJSON calls fn for every number in a decoded JSON value.
func walkJSON(v any, where string, fn func(string, json.Number)) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			walkJSON(x, where+"."+k, fn)
		}
	case []any:
		for _, x := range v {
			walkJSON(x, where+"[]", fn)
		}
	case json.Number:
		fn(where, v)
	}
}

// richInput has what a real run can hold: findings with and without a
// rule, a configured severity, a rule missing from the catalog, positions
// with and without columns, paths with spaces, unicode, "%" and ":",
// a file outside the root, input errors with and without positions, and
// a path prefix.
func richInput() Input {
	extra := &rules.Rule{ID: "SSM999", Name: "not-in-catalog", Severity: rules.Warning, Kind: rules.Reliability, Language: "go"}
	return Input{
		Version: "v1.2.3-rc.1+build.5",
		Rules:   testCatalog,
		Root:    "/src/mono/ops",
		WorkDir: "/src/mono/ops/stacks",
		// The scanned repository is ops/ inside the uploaded one.
		PathPrefix:   "ops",
		RuleSeverity: map[string]rules.Severity{"SSM201": rules.Warning, "SSM301": rules.Error},
		Findings: []finding.Finding{
			{Rule: ruleSecret, Severity: rules.Warning, Message: `parameter "/prod/db/password" <is> "String" & more`,
				Range: rng("/src/mono/ops/stacks/my stack/main.tf", 3, 11, 3, 19), Resource: "aws_ssm_parameter.db", Attribute: "type"},
			{Rule: ruleAdvanced, Severity: rules.Error, Message: "Advanced tier",
				Range: rng("/src/mono/ops/stacks/ünïcode/100%/env:prod.tf", 10, 0, 12, 0)},
			{Rule: extra, Severity: rules.Warning, Message: "from Go",
				Range: rng("/src/mono/ops/cmd/app/main.go", 7, 2, 7, 30), Resource: "main.load"},
			{Message: "no rule and no file"},
			{Rule: ruleLogs, Severity: rules.Info, Message: "outside the root",
				Range: rng("/elsewhere/x.tf", 1, 1, 1, 2)},
		},
		Errors: []finding.Error{
			{Range: rng("/src/mono/ops/stacks/broken.tf", 4, 7, 4, 9), Message: "Invalid block definition"},
			{Message: "could not read .ssmlint.yml"},
		},
	}
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	tests := []struct {
		name string
		in   func() Input
	}{
		{"sample with findings and an input error", sampleInput},
		{"rich report with a root and a prefix", richInput},
		{"rich report, prefix not matching the root", func() Input { in := richInput(); in.PathPrefix = "elsewhere/x"; return in }},
		{"clean run", func() Input { return Input{Version: "0.3.0", Rules: testCatalog, WorkDir: "/w", Root: "/w"} }},
		{"the real catalog", func() Input {
			return Input{Version: "dev", Rules: append(rules.All(), rules.IgnoreDirective), Root: "/w"}
		}},
		{"no version, no catalog, no directories", func() Input { return Input{Findings: sampleInput().Findings} }},
		{"degenerate findings", func() Input {
			return Input{
				Findings: []finding.Finding{
					{Message: "no rule, no range"},
					{Rule: &rules.Rule{ID: "SSM998"}, Severity: 0, Message: "bare rule",
						Range: rng("/w/a b/ü.tf", 5, 0, 0, 0)},
					{Rule: ruleSecret, Severity: rules.Error, Message: "backwards",
						Range: rng("/w/main.tf", 5, 9, 5, 2)},
					{Rule: ruleSecret, Severity: rules.Error, Message: "outside the work dir",
						Range: rng("/elsewhere/main.tf", 1, 1, 1, 2)},
					{Rule: ruleSecret, Severity: rules.Error, Message: "invalid UTF-8 \xff and \x00 control",
						Range: rng("/w/bad\xffname.tf", 1, 1, 1, 2)},
				},
				Errors:  []finding.Error{{Message: "no position"}},
				WorkDir: "/w",
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			validateSARIF(t, render(t, FormatSARIF, tt.in(), Options{}))
		})
	}
}

// compactJSON is raw JSON without its indentation.
func compactJSON(t *testing.T, raw json.RawMessage) string {
	t.Helper()
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// The validator must be able to fail, or the test above proves nothing.
func TestSARIFValidationRejectsInvalidDocuments(t *testing.T) {
	out := render(t, FormatSARIF, sampleInput(), Options{})
	for name, breakIt := range map[string]func(run map[string]any){
		"a level SARIF does not know": func(run map[string]any) {
			run["results"].([]any)[0].(map[string]any)["level"] = "fatal"
		},
		"a rule index below -1": func(run map[string]any) {
			run["results"].([]any)[0].(map[string]any)["ruleIndex"] = -2
		},
		"a property SARIF does not define": func(run map[string]any) {
			run["resultz"] = []any{}
		},
	} {
		var doc map[string]any
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		breakIt(doc["runs"].([]any)[0].(map[string]any))
		broken, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		if len(schemaErrors(t, broken)) == 0 {
			t.Errorf("%s passed schema validation", name)
		}
	}
}

// sarifDoc is the part of the SARIF log the tests read.
type sarifDoc struct {
	Version string `json:"version"`
	Runs    []struct {
		ColumnKind         string                     `json:"columnKind"`
		OriginalURIBaseIDs map[string]json.RawMessage `json:"originalUriBaseIds"`
		Tool               struct {
			Driver struct {
				Name            string `json:"name"`
				Version         string `json:"version"`
				SemanticVersion string `json:"semanticVersion"`
				InformationURI  string `json:"informationUri"`
				Rules           []struct {
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
			RuleIndex *int              `json:"ruleIndex"`
			Level     string            `json:"level"`
			Message   map[string]any    `json:"message"`
			Partial   map[string]string `json:"partialFingerprints"`
			Locations []sarifLoc        `json:"locations"`
		} `json:"results"`
		Invocations []struct {
			ExecutionSuccessful bool `json:"executionSuccessful"`
			WorkingDirectory    struct {
				URI string `json:"uri"`
			} `json:"workingDirectory"`
			Notifications []struct {
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
	if err := json.Unmarshal([]byte(render(t, FormatSARIF, in, Options{})), &doc); err != nil {
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
	if d.Name != "ssmlint" || d.Version != "0.3.0" || d.SemanticVersion != "0.3.0" || d.InformationURI != "https://github.com/ssmlint/ssmlint" {
		t.Errorf("driver = %q %q %q %q", d.Name, d.Version, d.SemanticVersion, d.InformationURI)
	}
	if doc.Runs[0].ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind = %q", doc.Runs[0].ColumnKind)
	}
	if len(d.Rules) != len(testCatalog) {
		t.Fatalf("%d rules, want every catalog rule (%d)", len(d.Rules), len(testCatalog))
	}
	type want struct {
		level, security, problem, precision, tag string
	}
	wants := map[string]want{
		"SSM201": {"error", "9.0", "error", "high", "security"},
		"SSM301": {"warning", "", "warning", "very-high", "maintainability"},
		"SSM501": {"note", "2.0", "recommendation", "medium", "security"},
	}
	for i, r := range d.Rules {
		c := testCatalog[i]
		w := wants[r.ID]
		if r.ID != c.ID || r.Name != c.Name {
			t.Errorf("rule %d = %s %s, want %s %s", i, r.ID, r.Name, c.ID, c.Name)
		}
		if r.ShortDescription["text"] != c.Summary || r.FullDescription["text"] != c.Rationale {
			t.Errorf("%s descriptions = %q / %q", r.ID, r.ShortDescription["text"], r.FullDescription["text"])
		}
		if r.HelpURI != "https://github.com/ssmlint/ssmlint/blob/main/docs/rules/"+c.ID+".md" {
			t.Errorf("%s helpUri = %q", r.ID, r.HelpURI)
		}
		if r.Default.Level != w.level {
			t.Errorf("%s default level = %q, want %q", r.ID, r.Default.Level, w.level)
		}
		checkRuleProperties(t, r.ID, r.Properties, w.security, w.problem, w.precision, w.tag)
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
	src := ruleSecret.Sources[0]
	if !strings.Contains(md, `- [SecureString parameters \[and\] AWS KMS (AWS Systems Manager User Guide)](`+src.URL+")") {
		t.Errorf("SSM201 markdown help lacks the source as a link:\n%s", md)
	}
	if !strings.Contains(d.Rules[0].Help["text"], "References:\n- "+src.Title+": "+src.URL) {
		t.Errorf("SSM201 text help lacks the source:\n%s", d.Rules[0].Help["text"])
	}
}

// checkRuleProperties checks the properties GitHub code scanning reads: a
// security-severity only for security rules (want "" for none), the
// problem severity, the precision and the kind's tag first.
func checkRuleProperties(t *testing.T, id string, props map[string]any, security, problem, precision, tag string) {
	t.Helper()
	if got, ok := props["security-severity"]; security == "" && ok {
		t.Errorf("%s has security-severity %#v but is not a security rule", id, got)
	} else if security != "" && got != security {
		t.Errorf("%s security-severity = %#v, want the string %q", id, got, security)
	}
	if got := props["problem.severity"]; got != problem {
		t.Errorf("%s problem.severity = %#v, want %q", id, got, problem)
	}
	if got := props["precision"]; got != precision {
		t.Errorf("%s precision = %#v, want %q", id, got, precision)
	}
	tags, _ := props["tags"].([]any)
	if len(tags) == 0 || tags[0] != tag {
		t.Errorf("%s tags = %v, want %q first", id, props["tags"], tag)
	}
	for _, x := range tags[1:] {
		if x == "security" || x == "reliability" || x == "maintainability" {
			t.Errorf("%s tags = %v: more than one kind", id, tags)
		}
	}
}

// Configured severities change the level, the problem severity and the
// security-severity of a rule, not just of its results.
func TestSARIFEffectiveSeverity(t *testing.T) {
	in := sampleInput()
	in.RuleSeverity = map[string]rules.Severity{"SSM201": rules.Info, "SSM301": rules.Error, "SSM501": rules.Error, "SSM999": rules.Error}
	d := readSARIF(t, in).Runs[0].Tool.Driver
	wants := map[string][5]string{
		"SSM201": {"note", "2.0", "recommendation", "high", "security"},
		"SSM301": {"error", "", "error", "very-high", "maintainability"},
		"SSM501": {"error", "9.0", "error", "medium", "security"},
	}
	for _, r := range d.Rules {
		w := wants[r.ID]
		if r.Default.Level != w[0] {
			t.Errorf("%s level = %q, want %q", r.ID, r.Default.Level, w[0])
		}
		checkRuleProperties(t, r.ID, r.Properties, w[1], w[2], w[3], w[4])
	}
}

// The real catalog: cost and pagination rules are not security alerts,
// secrets are, and every description fits GitHub's limit.
func TestSARIFRealCatalog(t *testing.T) {
	all := append(rules.All(), rules.IgnoreDirective)
	doc := readSARIF(t, Input{Rules: all, Root: "/w"})
	byID := map[string]int{}
	for i, r := range doc.Runs[0].Tool.Driver.Rules {
		byID[r.ID] = i
	}
	for _, r := range all {
		i, ok := byID[r.ID]
		if !ok {
			t.Errorf("%s is not described", r.ID)
			continue
		}
		d := doc.Runs[0].Tool.Driver.Rules[i]
		_, hasScore := d.Properties["security-severity"]
		if hasScore != (r.Kind == rules.Security) {
			t.Errorf("%s (%v): security-severity present = %v", r.ID, r.Kind, hasScore)
		}
		for name, text := range map[string]string{"short": d.ShortDescription["text"], "full": d.FullDescription["text"]} {
			if n := utf8.RuneCountInString(text); n > maxDescription || n == 0 {
				t.Errorf("%s %s description has %d characters", r.ID, name, n)
			}
		}
		if full := d.FullDescription["text"]; full != r.Rationale {
			cut := strings.TrimSuffix(full, "…")
			next, _ := utf8.DecodeRuneInString(r.Rationale[min(len(cut), len(r.Rationale)):])
			if cut == full || !strings.HasPrefix(r.Rationale, cut) || unicode.IsLetter(next) || unicode.IsDigit(next) {
				t.Errorf("%s full description is not the rationale cut at a word with an ellipsis: %q", r.ID, full)
			}
		}
		for _, s := range r.Sources {
			if !strings.Contains(d.Help["text"], s.URL) || !strings.Contains(d.Help["markdown"], "]("+s.URL+")") {
				t.Errorf("%s help does not cite %s", r.ID, s.URL)
			}
		}
		for _, text := range []string{d.Help["text"], d.Help["markdown"], d.FullDescription["text"]} {
			for _, private := range []string{"seed notes", "ssm-facts", ".ja.md"} {
				if strings.Contains(text, private) {
					t.Errorf("%s help refers to %q", r.ID, private)
				}
			}
		}
	}
	for _, id := range []string{"SSM301", "SSM302", "SSM303", "SSM602", "SSM603", "SSM609", "SSM000"} {
		tags := doc.Runs[0].Tool.Driver.Rules[byID[id]].Properties["tags"].([]any)
		if tags[0] == "security" {
			t.Errorf("%s is tagged security", id)
		}
	}
}

func TestTruncateWords(t *testing.T) {
	for _, tt := range []struct {
		in   string
		max  int
		want string
	}{
		{"short enough", 20, "short enough"},
		{"exactly ten", 11, "exactly ten"},
		{"one two three four", 12, "one two…"},
		{"one two, three four", 14, "one two…"},
		{"averyveryverylongword", 8, "averyve…"},
		{"ünï cödé wörds", 9, "ünï cödé…"},
	} {
		got := truncateWords(tt.in, tt.max)
		if got != tt.want || utf8.RuneCountInString(got) > tt.max {
			t.Errorf("truncateWords(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}

func TestSemanticVersion(t *testing.T) {
	for in, want := range map[string]string{
		"0.3.0": "0.3.0", "v1.2.3": "1.2.3", "v1.2.3-rc.1+build.5": "1.2.3-rc.1+build.5",
		"v1.2": "", "1": "", "dev": "", "": "", "(devel)": "", "v01.2.3": "",
		"v0.0.0-20250101000000-abcdef123456": "0.0.0-20250101000000-abcdef123456",
	} {
		if got := semanticVersion(in); got != want {
			t.Errorf("semanticVersion(%q) = %q, want %q", in, got, want)
		}
	}
	doc := readSARIF(t, Input{Version: "dev"})
	if sv := doc.Runs[0].Tool.Driver.SemanticVersion; sv != "" {
		t.Errorf("semanticVersion of dev = %q, want none", sv)
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
		if r.RuleIndex == nil || *r.RuleIndex != i || run.Tool.Driver.Rules[*r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %d: ruleIndex %v does not point at %s", i, r.RuleIndex, r.RuleID)
		}
		if len(r.Locations) != 1 {
			t.Fatalf("result %d has %d locations", i, len(r.Locations))
		}
		loc := r.Locations[0]
		if loc.Physical.Artifact.URI != w.uri || loc.Physical.Artifact.URIBaseID != "%SRCROOT%" {
			t.Errorf("result %d artifact = %+v", i, loc.Physical.Artifact)
		}
		if !reflect.DeepEqual(loc.Physical.Region, w.region) {
			t.Errorf("result %d region = %v, want %v", i, loc.Physical.Region, w.region)
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

// Index 0 is an index like any other, and a result without a rule has no
// index at all: nothing is left to a -1 or a 0 that means "none".
func TestSARIFRuleIndexes(t *testing.T) {
	in := Input{Rules: testCatalog, WorkDir: "/w", Findings: []finding.Finding{
		{Rule: ruleSecret, Severity: rules.Error, Message: "first rule", Range: rng("/w/a.tf", 1, 1, 1, 2)},
		{Message: "no rule", Range: rng("/w/a.tf", 2, 1, 2, 2)},
	}}
	out := render(t, FormatSARIF, in, Options{})
	var raw struct {
		Runs []struct {
			Results []map[string]json.RawMessage `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	res := raw.Runs[0].Results
	if got := string(res[0]["ruleIndex"]); got != "0" {
		t.Errorf("ruleIndex of the first catalog rule = %q, want 0", got)
	}
	if _, ok := res[1]["ruleIndex"]; ok {
		t.Errorf("a result without a rule has a ruleIndex: %s", res[1]["ruleIndex"])
	}
	if _, ok := res[1]["ruleId"]; ok {
		t.Errorf("a result without a rule has a ruleId")
	}
	for _, sentinel := range []string{`": -1`, `"index"`, `"byteOffset"`, `"charOffset"`, `"rank"`, `"id": -1`} {
		if strings.Contains(out, sentinel) {
			t.Errorf("output contains %s", sentinel)
		}
	}
	validateSARIF(t, out)
}

func TestSARIFCleanRun(t *testing.T) {
	out := render(t, FormatSARIF, Input{Version: "0.3.0", Rules: testCatalog}, Options{})
	if !strings.Contains(out, `"results": []`) {
		t.Errorf("a clean run must have an empty results array:\n%s", out)
	}
	doc := readSARIF(t, Input{Version: "0.3.0", Rules: testCatalog})
	run := doc.Runs[0]
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
	if r.RuleIndex == nil || *r.RuleIndex != len(testCatalog) || run.Tool.Driver.Rules[*r.RuleIndex].ID != "SSM601" {
		t.Errorf("ruleIndex %v, rules %d", r.RuleIndex, len(run.Tool.Driver.Rules))
	}
	if k := r.Locations[0].Logical[0].Kind; k != "function" {
		t.Errorf("logical kind of a Go finding = %q, want function", k)
	}
	if _, ok := run.Tool.Driver.Rules[len(testCatalog)].Properties["security-severity"]; ok {
		t.Error("a rule of no known kind has a security-severity")
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
		{"/w/ünï/main.tf", "%C3%BCn%C3%AF/main.tf", "%SRCROOT%"},
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

// The same scan run from the repository root and from a subdirectory names
// the same files and fingerprints; only the working directory differs.
func TestSARIFPathsRelativeToRoot(t *testing.T) {
	scan := func(workDir string) sarifDoc {
		return readSARIF(t, Input{Root: "/repo", WorkDir: workDir, Findings: []finding.Finding{
			{Rule: ruleSecret, Severity: rules.Error, Message: "m", Range: rng("/repo/infra/app/main.tf", 3, 1, 3, 2), Resource: "r"},
		}, Errors: []finding.Error{{Range: rng("/repo/infra/app/bad.tf", 1, 1, 1, 2), Message: "bad"}}})
	}
	fromRoot, fromSub := scan("/repo"), scan("/repo/infra")
	for _, doc := range []sarifDoc{fromRoot, fromSub} {
		run := doc.Runs[0]
		loc := run.Results[0].Locations[0].Physical.Artifact
		if loc.URI != "infra/app/main.tf" || loc.URIBaseID != "%SRCROOT%" {
			t.Errorf("artifact = %+v, want infra/app/main.tf from the root", loc)
		}
		if got := run.Invocations[0].Notifications[0].Locations[0].Physical.Artifact.URI; got != "infra/app/bad.tf" {
			t.Errorf("error artifact = %q", got)
		}
		if got := compactJSON(t, run.OriginalURIBaseIDs["%SRCROOT%"]); got != `{"uri":"file:///repo/"}` {
			t.Errorf("originalUriBaseIds = %s", got)
		}
	}
	if a, b := fromRoot.Runs[0].Results[0].Partial, fromSub.Runs[0].Results[0].Partial; !reflect.DeepEqual(a, b) {
		t.Errorf("fingerprints differ by working directory: %v, %v", a, b)
	}
	if wd := fromSub.Runs[0].Invocations[0].WorkingDirectory.URI; wd != "file:///repo/infra/" {
		t.Errorf("workingDirectory = %q", wd)
	}
	if wd := fromRoot.Runs[0].Invocations[0].WorkingDirectory.URI; wd != "file:///repo/" {
		t.Errorf("workingDirectory = %q", wd)
	}
}

// A prefix goes into the URIs (GitHub reads them from the root of the
// uploaded repository) but not into the fingerprints; %SRCROOT% is then
// the directory the prefixed URIs resolve against.
func TestSARIFPathPrefix(t *testing.T) {
	in := richInput()
	doc := readSARIF(t, in)
	run := doc.Runs[0]
	wantURIs := []string{
		"ops/stacks/my%20stack/main.tf",
		"ops/stacks/%C3%BCn%C3%AFcode/100%25/env:prod.tf",
		"ops/cmd/app/main.go",
		"",
		"file:///elsewhere/x.tf",
	}
	for i, r := range run.Results {
		got := ""
		if len(r.Locations) > 0 {
			got = r.Locations[0].Physical.Artifact.URI
			base := r.Locations[0].Physical.Artifact.URIBaseID
			if (base == "%SRCROOT%") == strings.HasPrefix(got, "file:") {
				t.Errorf("result %d: uri %q with base %q", i, got, base)
			}
		}
		if got != wantURIs[i] {
			t.Errorf("result %d uri = %q, want %q", i, got, wantURIs[i])
		}
	}
	fp := run.Results[0].Partial["ssmlint/v1"]
	if want := baseline.Fingerprint(in.Findings[0], "stacks/my stack/main.tf"); fp != want {
		t.Errorf("fingerprint with a prefix = %s, want the prefix-free %s", fp, want)
	}
	if got := compactJSON(t, run.OriginalURIBaseIDs["%SRCROOT%"]); got != `{"uri":"file:///src/mono/"}` {
		t.Errorf("%%SRCROOT%% = %s, want the directory ops/ is in", got)
	}
	if r := run.Results[2]; r.RuleIndex == nil || run.Tool.Driver.Rules[*r.RuleIndex].ID != "SSM999" {
		t.Errorf("the rule missing from the catalog is not indexed: %v", r.RuleIndex)
	}

	in.PathPrefix = "elsewhere/x"
	run = readSARIF(t, in).Runs[0]
	var base struct {
		URI         string            `json:"uri"`
		Description map[string]string `json:"description"`
	}
	if err := json.Unmarshal(run.OriginalURIBaseIDs["%SRCROOT%"], &base); err != nil {
		t.Fatal(err)
	}
	if base.URI != "" || !strings.Contains(base.Description["text"], "elsewhere/x") {
		t.Errorf("%%SRCROOT%% for a prefix that is not the root's place = %+v, want a description without a URI", base)
	}
	if got := run.Results[0].Locations[0].Physical.Artifact.URI; got != "elsewhere/x/stacks/my%20stack/main.tf" {
		t.Errorf("uri = %q", got)
	}
}
