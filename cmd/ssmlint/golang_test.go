package main_test

import (
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ssmlint/ssmlint/internal/inventory"
)

// crossLang copies testdata/crosslang (Terraform and a Go module that
// imports the real aws-sdk-go-v2) to a temporary directory, after
// downloading its modules through the module proxy.
func crossLang(t *testing.T) string {
	t.Helper()
	src := filepath.Join(repoRoot(t), "testdata", "crosslang")
	dl := exec.Command("go", "mod", "download")
	dl.Dir = src
	if out, err := dl.CombinedOutput(); err != nil {
		t.Fatalf("go mod download: %v\n%s", err, out)
	}
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst
}

// The cross-language case: only the Terraform says /app/db/dsn is a
// SecureString, and `ssmlint .` reports the Go call that reads it without
// decryption, citing the Terraform declaration.
func TestCrossLanguage(t *testing.T) {
	dir := crossLang(t)
	r, code := runJSON(t, dir, ".")
	if code != 1 || len(r.Findings) != 1 {
		t.Fatalf("exit %d, findings %+v, errors %+v; want one SSM601", code, r.Findings, r.Errors)
	}
	f := r.Findings[0]
	if f.Rule != "SSM601" || f.File != "app/config.go" || f.Line != 13 || f.Column != 35 ||
		!strings.Contains(f.Message, `"/app/db/dsn"`) || !strings.Contains(f.Message, "aws_ssm_parameter.dsn at terraform/main.tf:8") ||
		f.Resource != "DSN" {
		t.Errorf("finding %+v; want SSM601 at app/config.go:13:35 in DSN citing terraform/main.tf:8", f)
	}
	// The Go code alone cannot know: scanned without the Terraform, the
	// name says nothing and the analyzer stays silent.
	if r, code := runJSON(t, dir, "app"); code != 0 || len(r.Findings) != 0 {
		t.Errorf("app alone: exit %d, findings %+v; want none", code, r.Findings)
	}
	// --disable applies to the Go rules too.
	if r, code := runJSON(t, dir, "--disable", "SSM601", "."); code != 0 || len(r.Findings) != 0 {
		t.Errorf("--disable SSM601: exit %d, findings %+v", code, r.Findings)
	}
}

// //ssmlint:ignore works in Go as in HCL, and an unused one is reported.
func TestGoSuppression(t *testing.T) {
	dir := crossLang(t)
	file := filepath.Join(dir, "app", "config.go")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(src), "\tout, err := c.GetParameter(ctx, &ssm.GetParameterInput{\n\t\tName: aws.String(\"/app/db/dsn\"),",
		"\t//ssmlint:ignore SSM601 -- decrypted by the sidecar\n\tout, err := c.GetParameter(ctx, &ssm.GetParameterInput{\n\t\tName: aws.String(\"/app/db/dsn\"),", 1)
	s = strings.Replace(s, "func Region(", "//ssmlint:ignore SSM601 -- nothing to ignore here\nfunc Region(", 1)
	if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	r, _ := runJSON(t, dir, ".")
	if len(r.Findings) != 1 || r.Findings[0].Rule != "SSM000" || r.Findings[0].Line != 24 || !strings.Contains(r.Findings[0].Message, "matched no finding") {
		t.Errorf("findings %+v; want only the unused directive above Region (line 24)", r.Findings)
	}
}

// --fix applies the suggested fix, and the fixed code is clean.
func TestGoFix(t *testing.T) {
	dir := crossLang(t)
	_, stderr, code := ssmlint(t, dir, "--fix", ".")
	if code != 0 || !strings.Contains(stderr, "fixed 1 findings") {
		t.Fatalf("--fix: exit %d, stderr %s", code, stderr)
	}
	src, err := os.ReadFile(filepath.Join(dir, "app", "config.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), "\t\tName:           aws.String(\"/app/db/dsn\"),\n\t\tWithDecryption: aws.Bool(true),\n") {
		t.Errorf("fixed file:\n%s", src)
	}
	if r, code := runJSON(t, dir, "."); code != 0 || len(r.Findings) != 0 {
		t.Errorf("after --fix: exit %d, findings %+v", code, r.Findings)
	}
}

// --write-inventory writes the Terraform parameters as the JSON the Go
// analyzers read.
func TestWriteInventory(t *testing.T) {
	dir := filepath.Join(repoRoot(t), "testdata", "crosslang")
	out := filepath.Join(t.TempDir(), "inv.json")
	if _, stderr, code := ssmlint(t, dir, "--write-inventory", out, "terraform"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	inv, err := inventory.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, p := range inv.Parameters {
		got[p.Name] = p.Type + " " + p.Address + " " + p.File + ":" + strconv.Itoa(p.Line)
	}
	want := map[string]string{
		"/app/db/dsn": "SecureString aws_ssm_parameter.dsn terraform/main.tf:8",
		"/app/region": "String aws_ssm_parameter.region terraform/main.tf:14",
	}
	if !maps.Equal(got, want) {
		t.Errorf("inventory %v, want %v", got, want)
	}
}

// Go code that does not build is an input error with its position (exit
// 2), and the Terraform is still scanned.
func TestGoBuildError(t *testing.T) {
	dir := crossLang(t)
	if err := os.WriteFile(filepath.Join(dir, "app", "broken.go"), []byte("package app\n\nfunc Broken() int { return \"x\" }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "terraform", "plain.tf"), []byte("resource \"aws_ssm_parameter\" \"api_token\" {\n  name  = \"/app/api_token\"\n  type  = \"String\"\n  value = \"x\"\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, code := runJSON(t, dir, ".")
	if code != 2 || len(r.Errors) != 1 || r.Errors[0].File != "app/broken.go" || r.Errors[0].Line != 3 || r.Errors[0].Column != 28 ||
		!strings.Contains(r.Errors[0].Message, "does not build") {
		t.Errorf("exit %d, errors %+v; want exit 2 and the build error at app/broken.go:3:28", code, r.Errors)
	}
	if len(r.Findings) != 1 || r.Findings[0].Rule != "SSM201" {
		t.Errorf("findings %+v; want the Terraform's SSM201 still reported", r.Findings)
	}
}

// The configuration applies to Go findings: severities, exclusions and
// rule options (extra_secret_words).
func TestGoConfig(t *testing.T) {
	dir := crossLang(t)
	files := map[string]string{
		".ssmlint.yml": "version: 1\nexclude: [\"app/legacy/**\"]\nrules:\n  SSM601: {severity: warning}\n  SSM606: {options: {extra_secret_words: [pin]}}\n",
		"app/pin.go": "package app\n\nimport (\n\t\"context\"\n\n\t\"github.com/aws/aws-sdk-go-v2/aws\"\n\t\"github.com/aws/aws-sdk-go-v2/service/ssm\"\n)\n\n" +
			"// StorePIN stores the card PIN.\nfunc StorePIN(ctx context.Context, c *ssm.Client, v string) {\n\t_, _ = c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String(\"/app/card/pin\"), Value: aws.String(v), Type: \"String\"})\n}\n",
		"app/legacy/old.go": "package legacy\n\nimport (\n\t\"context\"\n\n\t\"github.com/aws/aws-sdk-go-v2/aws\"\n\t\"github.com/aws/aws-sdk-go-v2/service/ssm\"\n)\n\n" +
			"// Old reads a password without decryption, in an excluded directory.\nfunc Old(ctx context.Context, c *ssm.Client) {\n\t_, _ = c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(\"/app/db/password\")})\n}\n",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, _ := runJSON(t, dir, ".")
	got := map[string]string{}
	for _, f := range r.Findings {
		got[f.Rule] = f.File + " " + f.Severity
	}
	want := map[string]string{"SSM601": "app/config.go warning", "SSM606": "app/pin.go error"}
	if !maps.Equal(got, want) || len(r.Findings) != 2 {
		t.Errorf("findings %+v; want %v", r.Findings, want)
	}
}

// make run's Go example: a wrapper called with decryption off for a name
// only the Terraform knows is a SecureString, and a one-page listing; a
// nested Go module under the scanned path is analyzed in its own right.
func TestGoExample(t *testing.T) {
	ex := filepath.Join(repoRoot(t), "examples", "parameter-store-go")
	dl := exec.Command("go", "mod", "download")
	dl.Dir = ex
	if out, err := dl.CombinedOutput(); err != nil {
		t.Fatalf("go mod download: %v\n%s", err, out)
	}
	r, code := runJSON(t, repoRoot(t), "examples")
	if code != 1 || len(r.Errors) != 0 {
		t.Fatalf("exit %d, errors %+v", code, r.Errors)
	}
	var got []string
	for _, f := range r.Findings {
		if strings.HasPrefix(f.File, "examples/parameter-store-go/") {
			got = append(got, f.Rule+" "+f.File+":"+strconv.Itoa(f.Line)+" "+f.Resource)
		}
	}
	want := []string{
		"SSM601 examples/parameter-store-go/config/config.go:23 DSN",
		"SSM602 examples/parameter-store-go/config/config.go:34 All",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Go example findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, f := range r.Findings {
		if f.Rule == "SSM601" && !strings.Contains(f.Message, "declared SecureString by aws_ssm_parameter.db_dsn at examples/parameter-store-go/terraform/main.tf:8") {
			t.Errorf("SSM601 does not cite the Terraform: %s", f.Message)
		}
	}
}

// The Terraform and the Go given as separate paths still meet: the
// inventory of one path reaches the analyzers of another. A single .go
// file is analyzed with its package, and only its findings are kept.
func TestGoSeparatePaths(t *testing.T) {
	dir := crossLang(t)
	for _, args := range [][]string{{"terraform", "app"}, {"app", "terraform"}, {"terraform", "app/config.go"}} {
		r, code := runJSON(t, dir, args...)
		if code != 1 || len(r.Findings) != 1 || r.Findings[0].Rule != "SSM601" || r.Findings[0].File != "app/config.go" {
			t.Errorf("ssmlint %v: exit %d, findings %+v, errors %+v; want the SSM601 in app/config.go", args, code, r.Findings, r.Errors)
		}
	}
	other := "package app\n\nimport (\n\t\"context\"\n\n\t\"github.com/aws/aws-sdk-go-v2/aws\"\n\t\"github.com/aws/aws-sdk-go-v2/service/ssm\"\n)\n\n" +
		"// Token reads a token without decryption.\nfunc Token(ctx context.Context, c *ssm.Client) {\n\t_, _ = c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(\"/app/api/token\")})\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "app", "token.go"), []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	r, _ := runJSON(t, dir, "app/token.go")
	if len(r.Findings) != 1 || r.Findings[0].File != "app/token.go" {
		t.Errorf("ssmlint app/token.go: findings %+v; want only the one in token.go", r.Findings)
	}
}

// rulesOf lists the findings' rules.
func rulesOf(r jsonReport) string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.Rule)
	}
	return strings.Join(out, ",")
}

// A Go module with nothing to analyse (a test harness whose only Go file
// is a _test.go, requiring a module that cannot be resolved) is not
// built: no go vet, no download, no error, and the Terraform finding
// decides the exit code. GOPROXY=off and -mod=mod would make any go vet
// fail, so the absence of errors shows none ran.
func TestGoWithoutSSMIsSkipped(t *testing.T) {
	harness := map[string]string{
		"go.mod":     "module example.com/harness\n\ngo 1.22\n\nrequire example.invalid/nothing v1.0.0\n",
		"x_test.go":  "package test\n\nimport (\n\t\"testing\"\n\n\t\"example.invalid/nothing\"\n\t\"github.com/aws/aws-sdk-go-v2/service/ssm\"\n)\n\nfunc TestX(t *testing.T) { nothing.Do(); _ = ssm.New }\n",
		"helpers.go": "package test\n\nimport \"example.invalid/nothing\"\n\n// Up starts the stack.\nfunc Up() { nothing.Do() }\n",
	}
	nested := map[string]string{"main.tf": badParam}
	for name, body := range harness {
		nested["test/"+name] = body
	}
	own := map[string]string{"main.tf": badParam}
	for name, body := range harness {
		own[name] = body
	}
	env := []string{"GOFLAGS=-mod=mod", "GOPROXY=off"}
	for _, tc := range []struct {
		name  string
		files map[string]string
		args  []string
	}{
		{"nested module", nested, []string{"."}},
		{"the scanned path's own module", own, []string{"."}},
		{"a .go file given as the path", own, []string{"main.tf", "helpers.go"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := write(t, tc.files)
			start := time.Now()
			r, code := runJSONEnv(t, dir, env, tc.args...)
			if took := time.Since(start); took > 10*time.Second {
				t.Errorf("took %s; a module without SSM code must cost nothing", took)
			}
			if code != 1 || rulesOf(r) != "SSM201" || len(r.Errors) != 0 {
				t.Errorf("exit %d, findings %s, errors %+v; want exit 1, the SSM201 and no errors", code, rulesOf(r), r.Errors)
			}
			if n, _ := r.Summary["files_scanned"].(float64); n != 1 {
				t.Errorf("files_scanned = %v; want 1 (the Go files are not analysed)", r.Summary["files_scanned"])
			}
		})
	}
}

// Go code that uses the SDK but does not build: one error for the
// module, at the first build error, saying how to run without the Go
// side; the Terraform finding is still reported. --disable SSM6 and
// "go: false" turn the Go side off.
func TestGoBuildFailureIsOneError(t *testing.T) {
	dir := crossLang(t)
	// Two packages that do not build; the first in file order is named.
	broken := map[string]string{
		"app/broken.go": "package app\n\nfunc Broken() int { return \"x\" }\n",
		"lib/lib.go":    "package lib\n\nimport \"github.com/aws/aws-sdk-go-v2/service/ssm\"\n\nvar _ *ssm.Client = 1\n",
	}
	for name, body := range broken {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "terraform", "plain.tf"), []byte(badParam), 0o644); err != nil {
		t.Fatal(err)
	}
	r, code := runJSON(t, dir, ".")
	if code != 2 || rulesOf(r) != "SSM201" || len(r.Errors) != 1 {
		t.Fatalf("exit %d, findings %s, errors %+v; want exit 2, the SSM201 and one error", code, rulesOf(r), r.Errors)
	}
	e := r.Errors[0]
	for _, want := range []string{
		"Go analyzers (SSM6xx) not run on .: ", "the Go code does not build (app/broken.go:3:28: ", "; 1 more problem)",
		"the Terraform findings are unaffected", "--disable SSM6", `"go: false" in .ssmlint.yml`,
	} {
		if !strings.Contains(e.Message, want) {
			t.Errorf("error message %q lacks %q", e.Message, want)
		}
	}
	if e.File != "app/broken.go" || e.Line != 3 || e.Column != 28 {
		t.Errorf("error at %s:%d:%d; want app/broken.go:3:28", e.File, e.Line, e.Column)
	}
	for _, args := range [][]string{{"--disable", "SSM6", "."}, {"--disable", "ssm6,SSM201", "."}} {
		r, code := runJSON(t, dir, args...)
		want := 1
		if strings.Contains(args[1], "SSM201") {
			want = 0
		}
		if code != want || len(r.Errors) != 0 {
			t.Errorf("%v: exit %d, findings %s, errors %+v; want exit %d and no errors", args, code, rulesOf(r), r.Errors, want)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, ".ssmlint.yml"), []byte("version: 1\ngo: false\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// With the Go side off, not even go need be there.
	r, code = runJSONEnv(t, dir, []string{"PATH=" + t.TempDir()}, ".")
	if code != 1 || rulesOf(r) != "SSM201" || len(r.Errors) != 0 {
		t.Errorf("go: false: exit %d, findings %s, errors %+v; want exit 1, the SSM201 and no errors", code, rulesOf(r), r.Errors)
	}
	// A rule group must exist.
	if _, stderr, code := ssmlint(t, dir, "--disable", "SSM9", "."); code != 2 || !strings.Contains(stderr, `unknown rule or group "SSM9"`) {
		t.Errorf("--disable SSM9: exit %d, stderr %s", code, stderr)
	}
}

// Without go on PATH, Go code that uses the SDK gets one error saying so,
// and the Terraform is still scanned.
func TestGoCommandMissing(t *testing.T) {
	dir := crossLang(t)
	if err := os.WriteFile(filepath.Join(dir, "terraform", "plain.tf"), []byte(badParam), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := []string{"PATH=" + t.TempDir()}
	r, code := runJSONEnv(t, dir, empty, ".")
	if code != 2 || rulesOf(r) != "SSM201" || len(r.Errors) != 1 {
		t.Fatalf("exit %d, findings %s, errors %+v; want exit 2, the SSM201 and one error", code, rulesOf(r), r.Errors)
	}
	e := r.Errors[0]
	if !strings.Contains(e.Message, "the go command is not on PATH") || !strings.Contains(e.Message, "--disable SSM6") ||
		e.File != "go.mod" || e.Line != 1 {
		t.Errorf("error %+v; want one at go.mod:1 saying go is not on PATH and how to run without the Go side", e)
	}
	if r, code := runJSONEnv(t, dir, empty, "--disable", "SSM6", "."); code != 1 || len(r.Errors) != 0 {
		t.Errorf("--disable SSM6 without go: exit %d, errors %+v; want exit 1, no errors", code, r.Errors)
	}
}
