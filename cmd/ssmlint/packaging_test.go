package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// The release and CI files at the repository's root: what users install
// and run must agree with the code and with each other.

// The release configuration sets main.version with -X, which needs a
// package-level string variable of that name.
var _ *string = &version

// packagingFile reads a file at the repository's root.
func packagingFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// packagingYAML decodes a YAML file at the repository's root into v.
func packagingYAML(t *testing.T, name string, v any) {
	t.Helper()
	if err := yaml.Unmarshal(packagingFile(t, name), v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// packagingGoVersion is the major.minor of go.mod's go directive.
func packagingGoVersion(t *testing.T) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindSubmatch(packagingFile(t, "go.mod"))
	if m == nil {
		t.Fatal("go.mod has no go directive")
	}
	return string(m[1])
}

// TestPackagingMainPackages: `go install ./...` (pre-commit's golang hook)
// builds the two products only; developer tools live in tools/, a module
// of their own.
func TestPackagingMainPackages(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	cmd := exec.Command("go", "list", "-f", `{{if eq .Name "main"}}{{.ImportPath}}{{end}}`, "./...")
	cmd.Dir = filepath.Join("..", "..")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	got := strings.Fields(string(out))
	want := []string{"github.com/ssmlint/ssmlint/cmd/ssmlint", "github.com/ssmlint/ssmlint/cmd/ssmvet"}
	if !slices.Equal(got, want) {
		t.Errorf("main packages of ./... = %q, want %q (developer tools belong in tools/)", got, want)
	}
}

// TestPreCommitHook: the hook runs ssmlint on the whole tree when any
// input it reads changes, and only then.
func TestPreCommitHook(t *testing.T) {
	var hooks []struct {
		ID            string   `yaml:"id"`
		Entry         string   `yaml:"entry"`
		Language      string   `yaml:"language"`
		Files         string   `yaml:"files"`
		PassFilenames *bool    `yaml:"pass_filenames"`
		Args          []string `yaml:"args"`
	}
	packagingYAML(t, ".pre-commit-hooks.yaml", &hooks)
	if len(hooks) != 1 || hooks[0].ID != "ssmlint" {
		t.Fatalf("want one hook, ssmlint; got %+v", hooks)
	}
	h := hooks[0]
	if h.Entry != "ssmlint" || h.Language != "golang" {
		t.Errorf("entry %q, language %q; want ssmlint, golang", h.Entry, h.Language)
	}
	if h.PassFilenames == nil || *h.PassFilenames {
		t.Error("pass_filenames must be false: ssmlint scans the tree, findings span files")
	}
	if !slices.Equal(h.Args, []string{"."}) {
		t.Errorf("args = %q, want [.]", h.Args)
	}
	// pre-commit matches with Python's re.search; the pattern keeps to
	// what RE2 and Python read alike.
	re, err := regexp.Compile(h.Files)
	if err != nil {
		t.Fatalf("files: %v", err)
	}
	for _, p := range []string{
		"main.tf", "infra/app/main.tf",
		"main.tf.json", "infra/cdktf.out/stack.tf.json",
		"main.tofu", "infra/main.tofu",
		"main.tofu.json",
		"terraform.tfvars", "env/prod.tfvars",
		"terraform.tfvars.json", "env/prod.auto.tfvars.json",
		".ssmlint.yml", "infra/.ssmlint.yml", ".ssmlint.yaml",
		"go.mod", "svc/go.mod", "go.sum", "svc/go.sum", "go.work",
		"main.go", "internal/config/config.go",
	} {
		if !re.MatchString(p) {
			t.Errorf("files %q does not match %s, an input ssmlint reads", h.Files, p)
		}
	}
	for _, p := range []string{
		"README.md", "main.tf.bak", "main.tfstate", "terraform.tfstate.backup",
		".terraform.lock.hcl", "notes.go.txt", "xgo.mod", "ssmlint.yml",
		"my.ssmlint.yml", "docs/ssmlint.yaml", "policy.json", "Makefile",
	} {
		if re.MatchString(p) {
			t.Errorf("files %q matches %s, which ssmlint does not read", h.Files, p)
		}
	}
}

// TestActionComposite: the action installs, runs and uploads, takes its
// inputs through the environment (an input interpolated into a script is
// script injection), and ends with ssmlint's exit status.
func TestActionComposite(t *testing.T) {
	type step struct {
		Name             string            `yaml:"name"`
		ID               string            `yaml:"id"`
		If               string            `yaml:"if"`
		Uses             string            `yaml:"uses"`
		Run              string            `yaml:"run"`
		Shell            string            `yaml:"shell"`
		WorkingDirectory string            `yaml:"working-directory"`
		With             map[string]string `yaml:"with"`
		Env              map[string]string `yaml:"env"`
	}
	var action struct {
		Name   string `yaml:"name"`
		Inputs map[string]struct {
			Default *string `yaml:"default"`
		} `yaml:"inputs"`
		Runs struct {
			Using string `yaml:"using"`
			Steps []step `yaml:"steps"`
		} `yaml:"runs"`
	}
	packagingYAML(t, "action.yml", &action)
	if action.Runs.Using != "composite" {
		t.Fatalf("runs.using = %q, want composite", action.Runs.Using)
	}
	for name, def := range map[string]string{
		"version": "latest", "path": ".", "args": "", "sarif": "ssmlint.sarif",
		"upload": "true", "fail-on": "", "go-version": packagingGoVersion(t),
	} {
		in, ok := action.Inputs[name]
		if !ok {
			t.Errorf("input %s is missing", name)
			continue
		}
		if in.Default == nil || *in.Default != def {
			t.Errorf("input %s: default %v, want %q", name, in.Default, def)
		}
	}

	var scripts strings.Builder
	uses := map[string]step{}
	for _, s := range action.Runs.Steps {
		if s.Run != "" {
			if s.Shell == "" {
				t.Errorf("step %q: a composite run step needs a shell", s.Name)
			}
			if strings.Contains(s.Run, "${{") {
				t.Errorf("step %q interpolates an expression into its script; pass it through env:\n%s", s.Name, s.Run)
			}
			scripts.WriteString(s.Run)
		}
		if s.Uses != "" {
			repo, _, _ := strings.Cut(s.Uses, "@")
			uses[repo] = s
		}
	}
	if s, ok := uses["actions/setup-go"]; !ok || s.Uses != "actions/setup-go@v5" {
		t.Errorf("want actions/setup-go@v5, got %q", s.Uses)
	}
	up, ok := uses["github/codeql-action/upload-sarif"]
	if !ok || up.Uses != "github/codeql-action/upload-sarif@v3" {
		t.Errorf("want github/codeql-action/upload-sarif@v3, got %q", up.Uses)
	}
	if !strings.Contains(up.If, "always()") || !strings.Contains(up.If, "inputs.upload == 'true'") {
		t.Errorf("the upload runs whatever ssmlint found, when asked: if = %q", up.If)
	}

	for _, want := range []string{
		"go install \"github.com/ssmlint/ssmlint/cmd/ssmlint@${SSMLINT_VERSION}\"",
		"--format text --format \"sarif=${SSMLINT_SARIF}\"",
		"exit \"${SSMLINT_EXIT:-2}\"",
	} {
		if !strings.Contains(scripts.String(), want) {
			t.Errorf("the action's scripts lack %s", want)
		}
	}
	last := action.Runs.Steps[len(action.Runs.Steps)-1]
	if last.If != "always()" || !strings.Contains(last.Run, "exit ") {
		t.Errorf("the last step must end with ssmlint's status whatever happened: %+v", last)
	}
	// The run, then the upload, then the exit with the run's status.
	upAt := slices.IndexFunc(action.Runs.Steps, func(s step) bool { return s.Uses == up.Uses })
	runAt := slices.IndexFunc(action.Runs.Steps, func(s step) bool { return s.ID == "run" })
	if runAt < 0 || upAt < runAt {
		t.Errorf("the upload (step %d) must follow the run (step %d)", upAt, runAt)
	}
}

// TestPackagingCustomGCL: the golangci-lint custom build uses the
// golangci-lint the Makefile pins, and the plugin at a version that
// exists.
func TestPackagingCustomGCL(t *testing.T) {
	m := regexp.MustCompile(`(?m)^GOLANGCI_VERSION\s*:?=\s*(\S+)`).FindSubmatch(packagingFile(t, "Makefile"))
	if m == nil {
		t.Fatal("Makefile has no GOLANGCI_VERSION")
	}
	var cfg struct {
		Version string `yaml:"version"`
		Plugins []struct {
			Module  string `yaml:"module"`
			Import  string `yaml:"import"`
			Version string `yaml:"version"`
			Path    string `yaml:"path"`
		} `yaml:"plugins"`
	}
	packagingYAML(t, ".custom-gcl.yml", &cfg)
	if cfg.Version != string(m[1]) {
		t.Errorf(".custom-gcl.yml version %q, Makefile GOLANGCI_VERSION %q", cfg.Version, m[1])
	}
	if len(cfg.Plugins) != 1 {
		t.Fatalf("want one plugin, got %d", len(cfg.Plugins))
	}
	p := cfg.Plugins[0]
	if p.Module != "github.com/ssmlint/ssmlint" || p.Import != "github.com/ssmlint/ssmlint/plugin" {
		t.Errorf("plugin module %q import %q", p.Module, p.Import)
	}
	if (p.Path == "") == (p.Version == "") {
		t.Errorf("plugin: exactly one of path and version, got path %q version %q", p.Path, p.Version)
	}
	if p.Version == "latest" {
		t.Error("plugin version latest is not a pin")
	}
	if p.Path != "" {
		if _, err := os.Stat(filepath.Join("..", "..", p.Path, "plugin", "plugin.go")); err != nil {
			t.Errorf("plugin path %q: %v", p.Path, err)
		}
	}
}

// TestPackagingGoReleaser: release archives of both binaries for the
// usual platforms, static, versioned, with the license, and checksums.
func TestPackagingGoReleaser(t *testing.T) {
	var cfg struct {
		Version int `yaml:"version"`
		Builds  []struct {
			ID      string   `yaml:"id"`
			Main    string   `yaml:"main"`
			Binary  string   `yaml:"binary"`
			Env     []string `yaml:"env"`
			Goos    []string `yaml:"goos"`
			Goarch  []string `yaml:"goarch"`
			Flags   []string `yaml:"flags"`
			Ldflags []string `yaml:"ldflags"`
		} `yaml:"builds"`
		Archives []struct {
			IDs             []string `yaml:"ids"`
			Formats         []string `yaml:"formats"`
			FormatOverrides []struct {
				Goos    string   `yaml:"goos"`
				Formats []string `yaml:"formats"`
			} `yaml:"format_overrides"`
			Files []string `yaml:"files"`
		} `yaml:"archives"`
		Checksum struct {
			NameTemplate string `yaml:"name_template"`
			Algorithm    string `yaml:"algorithm"`
		} `yaml:"checksum"`
	}
	packagingYAML(t, ".goreleaser.yaml", &cfg)
	if cfg.Version != 2 {
		t.Errorf("version: %d, want 2", cfg.Version)
	}
	var ids []string
	for _, b := range cfg.Builds {
		ids = append(ids, b.ID)
		if b.Main != "./cmd/"+b.Binary {
			t.Errorf("build %s: main %q, binary %q", b.ID, b.Main, b.Binary)
		}
		if !slices.Contains(b.Env, "CGO_ENABLED=0") {
			t.Errorf("build %s: not static (env %q)", b.ID, b.Env)
		}
		slices.Sort(b.Goos)
		slices.Sort(b.Goarch)
		if !slices.Equal(b.Goos, []string{"darwin", "linux", "windows"}) || !slices.Equal(b.Goarch, []string{"amd64", "arm64"}) {
			t.Errorf("build %s: goos %q goarch %q", b.ID, b.Goos, b.Goarch)
		}
		if !slices.Contains(b.Flags, "-trimpath") {
			t.Errorf("build %s: no -trimpath", b.ID)
		}
		ld := strings.Join(b.Ldflags, " ")
		if !strings.Contains(ld, "-s -w") {
			t.Errorf("build %s: ldflags %q lack -s -w", b.ID, ld)
		}
		if b.ID == "ssmlint" && !strings.Contains(ld, "-X main.version=") {
			t.Errorf("build ssmlint: ldflags %q do not set main.version", ld)
		}
	}
	if !slices.Equal(ids, []string{"ssmlint", "ssmvet"}) {
		t.Errorf("builds %q, want ssmlint and ssmvet", ids)
	}
	if len(cfg.Archives) != 1 {
		t.Fatalf("want one archive, got %d", len(cfg.Archives))
	}
	a := cfg.Archives[0]
	if !slices.Equal(a.IDs, ids) || !slices.Equal(a.Formats, []string{"tar.gz"}) {
		t.Errorf("archive ids %q formats %q", a.IDs, a.Formats)
	}
	if len(a.FormatOverrides) != 1 || a.FormatOverrides[0].Goos != "windows" || !slices.Equal(a.FormatOverrides[0].Formats, []string{"zip"}) {
		t.Errorf("windows archives must be zip: %+v", a.FormatOverrides)
	}
	for _, f := range []string{"LICENSE", "README.md"} {
		if !slices.Contains(a.Files, f) {
			t.Errorf("archives lack %s", f)
		}
		if _, err := os.Stat(filepath.Join("..", "..", f)); err != nil {
			t.Error(err)
		}
	}
	if cfg.Checksum.Algorithm != "sha256" || cfg.Checksum.NameTemplate == "" {
		t.Errorf("checksum: %+v", cfg.Checksum)
	}
	if lic := string(packagingFile(t, "LICENSE")); !strings.Contains(lic, "Apache License\n                           Version 2.0, January 2004") ||
		!strings.Contains(lic, "Copyright 2026 The ssmlint Authors") {
		t.Error("LICENSE is not the Apache License 2.0 with ssmlint's notice")
	}
}

// TestPackagingDockerfile: the image builds with the Go of go.mod,
// statically, and runs ssmlint as an unprivileged user.
func TestPackagingDockerfile(t *testing.T) {
	df := string(packagingFile(t, "Dockerfile"))
	for _, want := range []string{
		"FROM golang:" + packagingGoVersion(t) + " AS build\n",
		"CGO_ENABLED=0 go build -trimpath ",
		" ./cmd/ssmlint\n",
		"\nUSER nonroot:nonroot\n",
		"\nWORKDIR /src\n",
		"\nENTRYPOINT [\"/ssmlint\"]\n",
	} {
		if !strings.Contains(df, want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
}
