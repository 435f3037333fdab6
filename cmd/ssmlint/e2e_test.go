package main_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/ssmlint/ssmlint/internal/fixture"
)

// These tests run the built binary, as users and CI do.

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "ssmlint-e2e")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "ssmlint")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type jsonReport struct {
	Version  string `json:"version"`
	Findings []struct {
		Rule        string `json:"rule"`
		Name        string `json:"name"`
		Severity    string `json:"severity"`
		Message     string `json:"message"`
		File        string `json:"file"`
		Line        int    `json:"line"`
		Column      int    `json:"column"`
		EndLine     int    `json:"end_line"`
		EndColumn   int    `json:"end_column"`
		Resource    string `json:"resource"`
		Remediation string `json:"remediation"`
	} `json:"findings"`
	Errors []struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Message string `json:"message"`
	} `json:"errors"`
	Summary map[string]any `json:"summary"`
}

// ssmlint runs the binary in dir and returns stdout, stderr and the exit code.
func ssmlint(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	return ssmlintEnv(t, dir, nil, args...)
}

// ssmlintEnv is ssmlint with env added to the environment (PATH=…
// replaces the search path; the binary is run by its absolute path).
func ssmlintEnv(t *testing.T, dir string, env []string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "NO_COLOR=1"), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(stderr.String(), "panic:") || strings.Contains(stdout.String(), "goroutine ") {
		t.Fatalf("ssmlint panicked:\n%s", stderr.String())
	}
	return stdout.String(), stderr.String(), code
}

func runJSON(t *testing.T, dir string, args ...string) (jsonReport, int) {
	t.Helper()
	return runJSONEnv(t, dir, nil, args...)
}

// runJSONEnv runs ssmlintEnv with --format json and decodes the report.
func runJSONEnv(t *testing.T, dir string, env []string, args ...string) (jsonReport, int) {
	t.Helper()
	out, stderr, code := ssmlintEnv(t, dir, env, append([]string{"--format", "json"}, args...)...)
	var r jsonReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("output is not JSON: %v\nstdout:\n%s\nstderr:\n%s", err, out, stderr)
	}
	return r, code
}

func repoRoot(t *testing.T) string {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// TestFixtures: `ssmlint --format json` on every fixture yields exactly the
// expected findings (rule, file, line) and input errors; extra ones fail as
// much as missing ones.
func TestFixtures(t *testing.T) {
	root := filepath.Join(repoRoot(t), "testdata", "terraform")
	names, err := fixture.Dirs(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		dir := filepath.Join(root, name)
		t.Run(name, func(t *testing.T) {
			c, err := fixture.Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			r, code := runJSON(t, dir, append([]string{"--fail-on", "info"}, c.Paths...)...)
			// JSON names files relative to the repository root; the
			// expectations, relative to the fixture.
			var got []fixture.Expectation
			for _, f := range r.Findings {
				got = append(got, fixture.Expectation{Rule: f.Rule, File: fromRoot(t, dir, f.File), Line: f.Line, Column: f.Column})
			}
			fixture.Compare(t, c.Findings, got)
			var gotErrs []fixture.ErrorExpectation
			for _, e := range r.Errors {
				gotErrs = append(gotErrs, fixture.ErrorExpectation{File: fromRoot(t, dir, e.File), Line: e.Line, Text: e.Message})
			}
			fixture.CompareErrors(t, c.Errors, gotErrs)
			wantCode := 0
			switch {
			case len(c.Errors) > 0:
				wantCode = 2
			case len(c.Findings) > 0:
				wantCode = 1
			}
			if code != wantCode {
				t.Errorf("exit code %d, want %d", code, wantCode)
			}
		})
	}
}

// fromRoot makes a path of the JSON report (relative to this repository's
// root) relative to dir, a directory of this repository.
func fromRoot(t *testing.T, dir, file string) string {
	t.Helper()
	if file == "" || filepath.IsAbs(file) {
		return file
	}
	rel, err := filepath.Rel(dir, filepath.Join(repoRoot(t), filepath.FromSlash(file)))
	if err != nil {
		t.Fatal(err)
	}
	return filepath.ToSlash(rel)
}

// write creates files under a new temporary directory.
func write(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const badParam = `resource "aws_ssm_parameter" "p" {
  name  = "/app/db/password"
  type  = "String"
  value = "x"
}
`

const warnOnly = `resource "aws_ssm_parameter" "p" {
  name  = "/app/flags"
  type  = "String"
  tier  = "Advanced"
  value = "on"
}
`

const clean = `resource "aws_ssm_parameter" "p" {
  name  = "/app/db/host"
  type  = "String"
  value = "db.internal"
}
`

func TestExitCodes(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		args  []string
		want  int
	}{
		{"clean", map[string]string{"main.tf": clean}, nil, 0},
		{"error finding", map[string]string{"main.tf": badParam}, nil, 1},
		{"warning fails by default", map[string]string{"main.tf": warnOnly}, nil, 1},
		{"warning passes --fail-on error", map[string]string{"main.tf": warnOnly}, []string{"--fail-on", "error"}, 0},
		{"disabled rule", map[string]string{"main.tf": badParam}, []string{"--disable", "SSM201"}, 0},
		{"disabled by name", map[string]string{"main.tf": badParam}, []string{"--disable", "secret-in-plain-string"}, 0},
		{"only another rule", map[string]string{"main.tf": badParam}, []string{"--only", "SSM301"}, 0},
		{"enable adds to the default rules", map[string]string{"main.tf": badParam}, []string{"--enable", "SSM301"}, 1},
		{"enable a rule the config turns off", map[string]string{"main.tf": badParam, ".ssmlint.yml": "version: 1\nrules:\n  SSM201: {enabled: false}\n"}, []string{"--enable", "SSM201"}, 1},
		{"unknown only", map[string]string{"main.tf": clean}, []string{"--only", "SSM999"}, 2},
		{"bad color", map[string]string{"main.tf": clean}, []string{"--color", "sometimes"}, 2},
		{"path prefix out of the tree", map[string]string{"main.tf": clean}, []string{"--path-prefix", "../up"}, 2},
		{"absolute path prefix", map[string]string{"main.tf": clean}, []string{"--path-prefix", "/abs"}, 2},
		{"broken hcl", map[string]string{"main.tf": "resource \"x\" {\n  a = \n"}, nil, 2},
		{"unknown flag", map[string]string{"main.tf": clean}, []string{"--bogus"}, 2},
		{"unknown rule", map[string]string{"main.tf": clean}, []string{"--disable", "SSM999"}, 2},
		{"unknown format", map[string]string{"main.tf": clean}, []string{"--format", "xml"}, 2},
		{"bad fail-on", map[string]string{"main.tf": clean}, []string{"--fail-on", "fatal"}, 2},
		{"version", nil, []string{"--version"}, 0},
		{"missing path", nil, []string{"does-not-exist"}, 2},
		{"config fail_on", map[string]string{"main.tf": warnOnly, ".ssmlint.yml": "version: 1\nfail_on: error\n"}, nil, 0},
		{"config disables", map[string]string{"main.tf": badParam, ".ssmlint.yml": "version: 1\nrules:\n  SSM201: {enabled: false}\n"}, nil, 0},
		{"config severity", map[string]string{"main.tf": badParam, ".ssmlint.yml": "version: 1\nrules:\n  SSM201: {severity: info}\n"}, nil, 0},
		{"suppressed", map[string]string{"main.tf": "# ssmlint:ignore SSM201 -- legacy, rotated weekly\n" + badParam}, nil, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if c.files != nil {
				dir = write(t, c.files)
			}
			_, stderr, code := ssmlint(t, dir, append(c.args, ".")...)
			if c.name == "version" {
				_, stderr, code = ssmlint(t, dir, "--version")
			}
			if code != c.want {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, c.want, stderr)
			}
		})
	}
}

func TestTextFormat(t *testing.T) {
	dir := write(t, map[string]string{"main.tf": badParam})
	out, _, code := ssmlint(t, dir, ".")
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{
		"main.tf:3:11: error: aws_ssm_parameter.p (/app/db/password) is stored as plain String",
		"[SSM201 secret-in-plain-string]",
		`3 |   type  = "String"`,
		"^~~~~~~~",
		"= fix: ",
		"1 finding (1 error)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Errorf("colour codes with NO_COLOR set:\n%s", out)
	}
}

func TestJSONFormat(t *testing.T) {
	dir := write(t, map[string]string{"main.tf": badParam})
	r, code := runJSON(t, dir, ".")
	if code != 1 || len(r.Findings) != 1 {
		t.Fatalf("exit %d, findings %+v", code, r.Findings)
	}
	f := r.Findings[0]
	if f.Rule != "SSM201" || f.Name != "secret-in-plain-string" || f.Severity != "error" || f.File != "main.tf" ||
		f.Line != 3 || f.Column != 11 || f.EndLine != 3 || f.EndColumn != 19 || f.Resource != "aws_ssm_parameter.p" || f.Remediation == "" {
		t.Errorf("finding = %+v", f)
	}
	if r.Errors == nil {
		t.Error(`"errors" must be [] when empty, not null or absent`)
	}
}

func TestSARIFFormat(t *testing.T) {
	dir := write(t, map[string]string{"main.tf": badParam, "broken.tf": "resource {"})
	out, _, code := ssmlint(t, dir, "--format", "sarif", ".")
	if code != 2 {
		t.Fatalf("exit %d, want 2 (broken.tf)", code)
	}
	rep, err := sarif.FromBytes([]byte(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := rep.Validate(); err != nil {
		t.Fatalf("SARIF does not validate against the 2.1.0 schema: %v", err)
	}
	res := rep.Runs[0].Results
	if len(res) != 1 || *res[0].RuleID != "SSM201" {
		t.Fatalf("results = %d", len(res))
	}
	reg := res[0].Locations[0].PhysicalLocation.Region
	if *reg.StartLine != 3 || *reg.StartColumn != 11 || *reg.EndColumn != 19 {
		t.Errorf("region = %+v", reg)
	}
	if len(res[0].PartialFingerprints) == 0 {
		t.Error("no partialFingerprints")
	}
}

func TestGitHubFormat(t *testing.T) {
	dir := write(t, map[string]string{"main.tf": badParam})
	out, _, _ := ssmlint(t, dir, "--format", "github", ".")
	if !strings.HasPrefix(out, "::error file=main.tf,line=3,col=11,") || !strings.Contains(out, "title=SSM201 secret-in-plain-string::") {
		t.Errorf("github output:\n%s", out)
	}
}

func TestCheckstyleFormat(t *testing.T) {
	dir := write(t, map[string]string{"main.tf": badParam})
	out, _, _ := ssmlint(t, dir, "--format", "checkstyle", ".")
	var doc struct {
		Files []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Line     int    `xml:"line,attr"`
				Severity string `xml:"severity,attr"`
				Source   string `xml:"source,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, out)
	}
	if len(doc.Files) != 1 || doc.Files[0].Name != "main.tf" || doc.Files[0].Errors[0].Line != 3 || doc.Files[0].Errors[0].Source != "ssmlint.SSM201" {
		t.Errorf("checkstyle = %+v", doc)
	}
}

func TestOutputFile(t *testing.T) {
	dir := write(t, map[string]string{"main.tf": badParam})
	out, _, code := ssmlint(t, dir, "--format", "json", "--output", "report.json", ".")
	if code != 1 || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "report.json"))
	if err != nil || !strings.Contains(string(data), `"SSM201"`) {
		t.Fatalf("report.json: %v %s", err, data)
	}
}

func TestBaseline(t *testing.T) {
	dir := write(t, map[string]string{"main.tf": badParam})
	if _, stderr, code := ssmlint(t, dir, "--write-baseline", "base.json", "."); code != 0 {
		t.Fatalf("--write-baseline exit %d: %s", code, stderr)
	}
	// Shift the finding down two lines: the baseline still hides it.
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte("\n\n"+badParam), 0o644); err != nil {
		t.Fatal(err)
	}
	r, code := runJSON(t, dir, "--baseline", "base.json", ".")
	if code != 0 || len(r.Findings) != 0 {
		t.Fatalf("baselined run: exit %d, findings %+v", code, r.Findings)
	}
	// A new finding is not hidden.
	more := badParam + strings.ReplaceAll(badParam, `"p"`, `"q"`)
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(more), 0o644); err != nil {
		t.Fatal(err)
	}
	r, code = runJSON(t, dir, "--baseline", "base.json", ".")
	if code != 1 || len(r.Findings) != 1 || r.Findings[0].Resource != "aws_ssm_parameter.q" {
		t.Fatalf("new finding: exit %d, findings %+v", code, r.Findings)
	}
}

func TestSuppressionNeedsReasonAndUse(t *testing.T) {
	dir := write(t, map[string]string{"main.tf": "# ssmlint:ignore SSM201\n" + badParam + "\n# ssmlint:ignore SSM203 -- nothing here to ignore\n" + clean})
	r, _ := runJSON(t, dir, ".")
	var rules []string
	for _, f := range r.Findings {
		rules = append(rules, f.Rule+":"+f.Severity)
	}
	got := strings.Join(rules, ",")
	// The reasonless comment is an error and does not suppress; the unused one is a warning.
	if !strings.Contains(got, "SSM000:error") || !strings.Contains(got, "SSM201:error") || !strings.Contains(got, "SSM000:warning") {
		t.Errorf("findings = %s", got)
	}
}

func TestRulesSubcommand(t *testing.T) {
	out, _, code := ssmlint(t, t.TempDir(), "rules")
	if code != 0 || !strings.Contains(out, "SSM101") || !strings.Contains(out, "SSM609") {
		t.Errorf("rules: exit %d\n%s", code, out)
	}
	out, _, code = ssmlint(t, t.TempDir(), "rules", "SSM301")
	if code != 0 || !strings.Contains(out, "advanced-tier-waste") || !strings.Contains(out, "monthly_cost_per_parameter") {
		t.Errorf("rules SSM301: exit %d\n%s", code, out)
	}
	if _, _, code = ssmlint(t, t.TempDir(), "rules", "SSM999"); code != 2 {
		t.Errorf("unknown rule: exit %d", code)
	}
}

func TestExampleFindings(t *testing.T) {
	r, code := runJSON(t, repoRoot(t), "examples")
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	seen := map[string]bool{}
	for _, f := range r.Findings {
		seen[f.Rule] = true
	}
	for _, id := range []string{"SSM201", "SSM202", "SSM203", "SSM301"} {
		if !seen[id] {
			t.Errorf("examples/ no longer shows %s", id)
		}
	}
	if cost, _ := r.Summary["advanced_monthly_cost_usd"].(float64); cost != 0.05 {
		t.Errorf("summary cost = %v, want 0.05", r.Summary["advanced_monthly_cost_usd"])
	}
}

// The Session Manager example shows the reachability rules; its fixed twin
// is clean.
func TestSessionManagerExamples(t *testing.T) {
	r, code := runJSON(t, repoRoot(t), "examples/session-manager-private")
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	seen := map[string]bool{}
	for _, f := range r.Findings {
		seen[f.Rule] = true
	}
	for _, id := range []string{"SSM101", "SSM102", "SSM103", "SSM104", "SSM105", "SSM106", "SSM108"} {
		if !seen[id] {
			t.Errorf("examples/session-manager-private no longer shows %s", id)
		}
	}
	r, code = runJSON(t, repoRoot(t), "examples/session-manager-private-fixed")
	if code != 0 || len(r.Findings) != 0 || len(r.Errors) != 0 {
		t.Errorf("fixed twin: exit %d, findings %+v, errors %+v", code, r.Findings, r.Errors)
	}
}

// The patching example has two tag typos; ssmlint names the value meant.
// Scanned alone it also lacks Session Manager preferences (SSM501); the
// fixed Session Manager example, scanned with it, defines them.
func TestPatchingExample(t *testing.T) {
	r, code := runJSON(t, repoRoot(t), "examples/patching")
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	want := []struct {
		rule    string
		line    int
		meant   string
		unknown string
	}{
		{"SSM501", 40, `aws_instance.web["a"] is managed by Systems Manager`, "no configuration in this scan defines the Session Manager preferences"},
		{"SSM403", 70, `did you mean "web-prod"`, `"web-prd"`},
		{"SSM404", 85, `did you mean "production"`, `"prodution"`},
	}
	if len(r.Findings) != len(want) {
		t.Fatalf("got %d findings, want %d: %+v", len(r.Findings), len(want), r.Findings)
	}
	for i, w := range want {
		f := r.Findings[i]
		if f.Rule != w.rule || f.File != "examples/patching/main.tf" || f.Line != w.line ||
			!strings.Contains(f.Message, w.meant) || !strings.Contains(f.Message, w.unknown) {
			t.Errorf("finding %d = %s %s:%d %q; want %s at line %d with %s", i, f.Rule, f.File, f.Line, f.Message, w.rule, w.line, w.meant)
		}
	}
	r, _ = runJSON(t, repoRoot(t), "examples/patching", "examples/session-manager-private-fixed")
	for _, f := range r.Findings {
		if f.Rule == "SSM501" {
			t.Errorf("SSM501 reported although another path defines the preferences: %+v", f)
		}
	}
	if len(r.Findings) != 2 {
		t.Errorf("with the fixed twin: got %d findings, want the 2 tag typos: %+v", len(r.Findings), r.Findings)
	}
}

// SSM501 asks whether the scan defines Session Manager preferences, not
// each root module: a baseline root beside the application silences it,
// and the application scanned alone is told once, at info (the gate
// passes), or at warning when the configuration requires preferences.
func TestSessionPreferencesAcrossRoots(t *testing.T) {
	dir := filepath.Join(repoRoot(t), "testdata", "terraform", "ssm501_preferences_in_other_root")
	r, code := runJSON(t, dir, "app")
	if code != 0 || len(r.Findings) != 1 || r.Findings[0].Rule != "SSM501" || r.Findings[0].Severity != "info" ||
		fromRoot(t, dir, r.Findings[0].File) != "app/main.tf" || r.Findings[0].Line != 20 {
		t.Errorf("app alone: exit %d, findings %+v; want one SSM501 info at app/main.tf:20, exit 0", code, r.Findings)
	}
	// --fail-on info makes it fail, like any info finding.
	if _, code := runJSON(t, dir, "--fail-on", "info", "app"); code != 1 {
		t.Errorf("app alone, --fail-on info: exit %d, want 1", code)
	}
	// The baseline repository asks for preferences: a warning again.
	req := t.TempDir()
	src, err := os.ReadFile(filepath.Join(dir, "app", "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, req, "main.tf", string(src))
	writeFile(t, req, ".ssmlint.yml", "version: 1\nrules:\n  SSM501: {options: {preferences_required: true}}\n")
	r, code = runJSON(t, req, ".")
	if code != 1 || len(r.Findings) != 1 || r.Findings[0].Severity != "warning" {
		t.Errorf("preferences_required: exit %d, findings %+v; want one SSM501 warning, exit 1", code, r.Findings)
	}
	for _, args := range [][]string{{"."}, {"app", "baseline"}, {"baseline", "app"}} {
		r, code := runJSON(t, dir, args...)
		if code != 0 || len(r.Findings) != 0 {
			t.Errorf("ssmlint %v: exit %d, findings %+v; want none", args, code, r.Findings)
		}
	}
}

// Several application stacks without preferences: one SSM501 for the
// scan, not one per stack.
func TestSessionPreferencesOncePerScan(t *testing.T) {
	dir := t.TempDir()
	app := filepath.Join(repoRoot(t), "testdata", "terraform", "ssm501_preferences_in_other_root", "app", "main.tf")
	src, err := os.ReadFile(app)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"billing", "orders", "web"} {
		writeFile(t, dir, d+"/main.tf", string(src))
	}
	r, code := runJSON(t, dir, ".")
	n := 0
	for _, f := range r.Findings {
		if f.Rule == "SSM501" {
			n++
			if f.File != "billing/main.tf" {
				t.Errorf("SSM501 at %s, want the first stack, billing/main.tf", f.File)
			}
		}
	}
	if n != 1 || code != 0 {
		t.Errorf("three stacks without preferences: %d SSM501, exit %d; want 1 and exit 0: %+v", n, code, r.Findings)
	}
	r, _ = runJSON(t, dir, "web", "orders")
	if len(r.Findings) != 1 || r.Findings[0].File != "orders/main.tf" {
		t.Errorf("two paths: findings %+v; want one SSM501 at orders/main.tf", r.Findings)
	}
}

// SSM402's threshold comes from max_approve_after_days in .ssmlint.yml.
func TestSlowApprovalOption(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "main.tf", `resource "aws_ssm_patch_baseline" "b" {
  name             = "b"
  operating_system = "AMAZON_LINUX_2023"
  approval_rule {
    approve_after_days = 21
    patch_filter {
      key    = "CLASSIFICATION"
      values = ["Security"]
    }
  }
}
`)
	r, code := runJSON(t, dir, ".")
	if code != 1 || len(r.Findings) != 1 || r.Findings[0].Rule != "SSM402" || r.Findings[0].Line != 5 ||
		!strings.Contains(r.Findings[0].Message, "21 days") || !strings.Contains(r.Findings[0].Message, "14 days") {
		t.Fatalf("default threshold: exit %d, findings %+v", code, r.Findings)
	}
	writeFile(t, dir, ".ssmlint.yml", "version: 1\nrules:\n  SSM402: {options: {max_approve_after_days: 21}}\n")
	if r, code = runJSON(t, dir, "."); code != 0 || len(r.Findings) != 0 {
		t.Errorf("max_approve_after_days 21: exit %d, findings %+v", code, r.Findings)
	}
}
