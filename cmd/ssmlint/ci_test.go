package main_test

import (
	"encoding/json"
	"encoding/xml"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ssmlint/ssmlint/internal/safefs"
)

// These tests run ssmlint as a CI job and an editor do: from the root
// of a repository or from one of its directories, with several outputs,
// and on the findings a change brings.

// repoWith makes a repository (a .git directory is what the boundary
// looks for) holding files.
func repoWith(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := write(t, files)
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	return safefs.RealPath(dir)
}

// reportedFiles extracts the file each finding names in a machine format.
func reportedFiles(t *testing.T, format, out string) []string {
	t.Helper()
	var files []string
	switch format {
	case "json":
		var r jsonReport
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("json: %v\n%s", err, out)
		}
		for _, f := range r.Findings {
			files = append(files, f.File)
		}
	case "sarif":
		var r struct {
			Runs []struct {
				Results []struct {
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct {
								URI       string `json:"uri"`
								URIBaseID string `json:"uriBaseId"`
							} `json:"artifactLocation"`
						} `json:"physicalLocation"`
					} `json:"locations"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("sarif: %v\n%s", err, out)
		}
		for _, res := range r.Runs[0].Results {
			a := res.Locations[0].PhysicalLocation.ArtifactLocation
			if a.URIBaseID != "%SRCROOT%" {
				t.Errorf("sarif: uriBaseId %q, want %%SRCROOT%%", a.URIBaseID)
			}
			p, err := url.PathUnescape(a.URI)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, p)
		}
	case "github":
		for _, m := range regexp.MustCompile(`(?m)^::\w+ file=([^,]*),`).FindAllStringSubmatch(out, -1) {
			files = append(files, m[1])
		}
	case "checkstyle":
		var r struct {
			Files []struct {
				Name   string     `xml:"name,attr"`
				Errors []struct{} `xml:"error"`
			} `xml:"file"`
		}
		if err := xml.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("checkstyle: %v\n%s", err, out)
		}
		for _, f := range r.Files {
			for range f.Errors {
				files = append(files, f.Name)
			}
		}
	case "codeclimate":
		var r []struct {
			Location struct {
				Path string `json:"path"`
			} `json:"location"`
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("codeclimate: %v\n%s", err, out)
		}
		for _, i := range r {
			files = append(files, i.Location.Path)
		}
	default:
		t.Fatalf("no reader for %s", format)
	}
	slices.Sort(files)
	return files
}

// TestPathsRelativeToRepository: every machine format names the same
// repository-relative file whether ssmlint runs at the root, in a
// directory of the repository, or in the scanned directory itself, and
// a baseline written at the root applies from a subdirectory.
func TestPathsRelativeToRepository(t *testing.T) {
	repo := repoWith(t, map[string]string{"infra/app/main.tf": badParam})
	runs := []struct{ dir, path string }{
		{repo, "infra/app"},
		{filepath.Join(repo, "infra"), "app"},
		{filepath.Join(repo, "infra", "app"), "."},
	}
	for _, format := range []string{"json", "sarif", "github", "checkstyle", "codeclimate"} {
		for _, r := range runs {
			out, stderr, code := ssmlint(t, r.dir, "--format", format, r.path)
			if code != 1 {
				t.Fatalf("%s from %s: exit %d, want 1; stderr:\n%s", format, r.dir, code, stderr)
			}
			if got := reportedFiles(t, format, out); !slices.Equal(got, []string{"infra/app/main.tf"}) {
				t.Errorf("%s from %s: files %q, want [infra/app/main.tf]", format, r.dir, got)
			}
		}
	}

	// The text format stays relative to the working directory.
	out, _, _ := ssmlint(t, filepath.Join(repo, "infra"), "app")
	if !strings.HasPrefix(out, "app/main.tf:3:") {
		t.Errorf("text from infra/: want paths relative to it, got:\n%s", out)
	}

	// --path-prefix, for a monorepo uploaded from elsewhere.
	out, _, _ = ssmlint(t, filepath.Join(repo, "infra"), "--format", "sarif", "--path-prefix", "services/ssm", "app")
	if got := reportedFiles(t, "sarif", out); !slices.Equal(got, []string{"services/ssm/infra/app/main.tf"}) {
		t.Errorf("sarif with --path-prefix: files %q", got)
	}
	out, _, _ = ssmlint(t, repo, "--format", "github", "--path-prefix", "services/ssm/", "infra/app")
	if got := reportedFiles(t, "github", out); !slices.Equal(got, []string{"services/ssm/infra/app/main.tf"}) {
		t.Errorf("github with --path-prefix: files %q", got)
	}

	// SARIF says where the root and the working directory are.
	out, _, _ = ssmlint(t, filepath.Join(repo, "infra"), "--format", "sarif", "app")
	var doc struct {
		Runs []struct {
			OriginalURIBaseIDs map[string]struct {
				URI string `json:"uri"`
			} `json:"originalUriBaseIds"`
			Invocations []struct {
				WorkingDirectory struct {
					URI string `json:"uri"`
				} `json:"workingDirectory"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	run := doc.Runs[0]
	if got, want := run.OriginalURIBaseIDs["%SRCROOT%"].URI, (&url.URL{Scheme: "file", Path: repo + "/"}).String(); got != want {
		t.Errorf("originalUriBaseIds %%SRCROOT%% = %q, want %q", got, want)
	}
	if len(run.Invocations) != 1 || !strings.HasSuffix(strings.TrimSuffix(run.Invocations[0].WorkingDirectory.URI, "/"), "/infra") {
		t.Errorf("invocations[0].workingDirectory = %+v, want the infra directory", run.Invocations)
	}

	// A baseline written at the root hides the finding from infra/.
	if _, stderr, code := ssmlint(t, repo, "--write-baseline", "baseline.json", "infra/app"); code != 0 {
		t.Fatalf("--write-baseline: exit %d\n%s", code, stderr)
	}
	b, err := os.ReadFile(filepath.Join(repo, "baseline.json"))
	if err != nil || !strings.Contains(string(b), `"file": "infra/app/main.tf"`) {
		t.Fatalf("baseline does not name infra/app/main.tf (%v):\n%s", err, b)
	}
	r, code := runJSON(t, filepath.Join(repo, "infra"), "--baseline", "../baseline.json", "app")
	if code != 0 || len(r.Findings) != 0 {
		t.Errorf("baseline from infra/: exit %d, findings %+v", code, r.Findings)
	}
}

// gitRepo makes a git repository of files with one commit.
func gitRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := safefs.RealPath(write(t, files))
	gitIn(t, dir, "init", "-q")
	gitIn(t, dir, "add", "-A")
	gitIn(t, dir, "commit", "-q", "-m", "first")
	return dir
}

func gitIn(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.email=ci@example.com", "-c", "user.name=ci", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// stackWithEndpoints is Session Manager's fixed example: a private subnet
// reached through the ssm, ssmmessages and ec2messages endpoints.
func stackWithEndpoints(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", "session-manager-private-fixed", "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"ssmmessages", "ec2messages", `) {
		t.Fatal("the example no longer lists its endpoints as this test expects")
	}
	return string(b)
}

// oldSecret is a finding present before the change.
const oldSecret = `
resource "aws_ssm_parameter" "legacy_password" {
  name  = "/legacy/db/password"
  type  = "String"
  value = var.legacy_password
}

variable "legacy_password" {
  type = string
}
`

type ruleFile struct{ Rule, File string }

func findingsOf(r jsonReport) []ruleFile {
	var out []ruleFile
	for _, f := range r.Findings {
		out = append(out, ruleFile{f.Rule, f.File})
	}
	return out
}

// TestNewFromRev: a change that removes an endpoint brings a finding on
// the instance, a resource it does not touch; --new-from-rev reports it
// and keeps quiet about the finding that was there before.
func TestNewFromRev(t *testing.T) {
	stack := stackWithEndpoints(t)
	repo := gitRepo(t, map[string]string{"infra/main.tf": stack + oldSecret})
	// Before the change: the old finding only.
	r, _ := runJSON(t, repo, "infra")
	if got := findingsOf(r); !slices.Equal(got, []ruleFile{{"SSM201", "infra/main.tf"}}) {
		t.Fatalf("before the change: %v", got)
	}
	changed := strings.Replace(stack, `"ssmmessages", "ec2messages", `, `"ssmmessages", `, 1) + oldSecret
	if err := os.WriteFile(filepath.Join(repo, "infra", "main.tf"), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	want := []ruleFile{{"SSM110", "infra/main.tf"}}

	// Uncommitted change against HEAD, from the root.
	r, code := runJSON(t, repo, "--new-from-rev", "HEAD", "infra")
	if got := findingsOf(r); code != 1 || !slices.Equal(got, want) {
		t.Errorf("--new-from-rev HEAD: exit %d, findings %v, want %v", code, got, want)
	}
	if r.Findings[0].Resource != "aws_instance.app" {
		t.Errorf("the new finding is about %q, want aws_instance.app", r.Findings[0].Resource)
	}
	// Committed, against the commit before, from the scanned directory.
	gitIn(t, repo, "commit", "-q", "-am", "drop the ec2messages endpoint")
	r, code = runJSON(t, filepath.Join(repo, "infra"), "--new-from-rev", "HEAD~1", ".")
	if got := findingsOf(r); code != 1 || !slices.Equal(got, want) {
		t.Errorf("--new-from-rev HEAD~1 from infra/: exit %d, findings %v, want %v", code, got, want)
	}
	// Against itself nothing is new.
	r, code = runJSON(t, repo, "--new-from-rev", "HEAD", "infra")
	if code != 0 || len(r.Findings) != 0 {
		t.Errorf("--new-from-rev HEAD on a clean tree: exit %d, findings %v", code, findingsOf(r))
	}
	// The text format says how many were hidden.
	out, _, _ := ssmlint(t, repo, "--new-from-rev", "HEAD~1", "infra")
	if !strings.Contains(out, "--new-from-rev HEAD~1: 1 findings were there already") {
		t.Errorf("text output does not say what was hidden:\n%s", out)
	}

	// A directory that did not exist at the revision: everything is new.
	if err := os.MkdirAll(filepath.Join(repo, "new"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(repo, "new", "main.tf"), []byte(oldSecret), 0o644); err != nil {
		t.Fatal(err)
	}
	r, _ = runJSON(t, repo, "--new-from-rev", "HEAD", "new")
	if got := findingsOf(r); !slices.Equal(got, []ruleFile{{"SSM201", "new/main.tf"}}) {
		t.Errorf("new directory: %v", got)
	}

	// A revision git does not know, one that looks like an option, and
	// no repository at all are usage errors that name the problem.
	for _, rev := range []string{"no-such-branch", "--output=/tmp/x"} {
		_, stderr, code := ssmlint(t, repo, "--new-from-rev="+rev, "infra")
		if code != 2 || !strings.Contains(stderr, "--new-from-rev") {
			t.Errorf("--new-from-rev %s: exit %d, stderr:\n%s", rev, code, stderr)
		}
	}
	plain := write(t, map[string]string{"main.tf": clean})
	if _, stderr, code := ssmlint(t, plain, "--new-from-rev", "HEAD", "."); code != 2 || !strings.Contains(stderr, "not a git repository") {
		t.Errorf("outside git: exit %d, stderr:\n%s", code, stderr)
	}
}

// TestNewFromPatch: only findings on lines the patch adds; a finding
// the patch causes elsewhere is not one of them (that is what
// --new-from-rev is for).
func TestNewFromPatch(t *testing.T) {
	stack := stackWithEndpoints(t)
	two := `
resource "aws_ssm_parameter" "a_password" {
  name  = "/a/password"
  type  = "String"
  value = var.pw
}

resource "aws_ssm_parameter" "b_password" {
  name  = "/b/password"
  type  = "SecureString"
  value = var.pw
}

variable "pw" {
  type = string
}
`
	repo := gitRepo(t, map[string]string{"infra/main.tf": stack + two})
	changed := strings.Replace(stack, `"ssmmessages", "ec2messages", `, `"ssmmessages", `, 1) +
		strings.Replace(two, `"SecureString"`, `"String"`, 1)
	if err := os.WriteFile(filepath.Join(repo, "infra", "main.tf"), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	patch := gitIn(t, repo, "diff")
	patchFile := filepath.Join(t.TempDir(), "change.patch")
	if err := os.WriteFile(patchFile, []byte(patch), 0o644); err != nil {
		t.Fatal(err)
	}
	r, code := runJSON(t, filepath.Join(repo, "infra"), "--new-from-patch", patchFile, ".")
	if code != 1 || len(r.Findings) != 1 || r.Findings[0].Rule != "SSM201" || r.Findings[0].Resource != "aws_ssm_parameter.b_password" {
		t.Errorf("--new-from-patch: exit %d, findings %+v", code, r.Findings)
	}
	r, _ = runJSON(t, repo, "--new-from-rev", "HEAD", "infra")
	if got := findingsOf(r); !slices.Equal(got, []ruleFile{{"SSM110", "infra/main.tf"}, {"SSM201", "infra/main.tf"}}) {
		t.Errorf("--new-from-rev sees the change's cross-resource finding too; got %v", got)
	}
	// A patch that cannot be read is a usage error.
	if _, stderr, code := ssmlint(t, repo, "--new-from-patch", filepath.Join(repo, "nope.patch"), "infra"); code != 2 || !strings.Contains(stderr, "--new-from-patch") {
		t.Errorf("missing patch: exit %d, stderr:\n%s", code, stderr)
	}
}

// TestSeveralOutputs: one run writes text to standard output and SARIF
// and JSON to files; a second format without a file, or two outputs to
// one file, are refused before anything is written.
func TestSeveralOutputs(t *testing.T) {
	repo := repoWith(t, map[string]string{"main.tf": badParam})
	out, stderr, code := ssmlint(t, repo, "--format", "text", "--format", "sarif=out.sarif", "--format=json=out.json", ".")
	if code != 1 || !strings.Contains(out, "main.tf:3:") {
		t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s", code, out, stderr)
	}
	sarifOut, err := os.ReadFile(filepath.Join(repo, "out.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	if got := reportedFiles(t, "sarif", string(sarifOut)); !slices.Equal(got, []string{"main.tf"}) {
		t.Errorf("out.sarif: %v", got)
	}
	jsonOut, err := os.ReadFile(filepath.Join(repo, "out.json"))
	if err != nil {
		t.Fatal(err)
	}
	if got := reportedFiles(t, "json", string(jsonOut)); !slices.Equal(got, []string{"main.tf"}) {
		t.Errorf("out.json: %v", got)
	}
	// --output takes the format without a file.
	if _, _, code := ssmlint(t, repo, "--format", "sarif", "--format", "checkstyle=cs.xml", "--output", "o.sarif", "."); code != 1 {
		t.Errorf("--output with a second format: exit %d", code)
	}
	if _, err := os.Stat(filepath.Join(repo, "o.sarif")); err != nil {
		t.Error("--output o.sarif was not written")
	}
	for _, args := range [][]string{
		{"--format", "text", "--format", "json"},
		{"--format", "sarif=", "."},
		{"--format", "sarif=same", "--format", "json=same"},
		{"--format", "xml=out.xml"},
		{"--format", "json=j.json", "--output", "x"},
	} {
		_, stderr, code := ssmlint(t, repo, append(args, ".")...)
		if code != 2 || !strings.Contains(stderr, "ssmlint: ") {
			t.Errorf("%v: exit %d, stderr:\n%s", args, code, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(repo, "same")); err == nil {
		t.Error("two outputs to one file: something was written")
	}
}

// TestConventions: --help on standard output, `ssmlint version`,
// --color and --chdir.
func TestConventions(t *testing.T) {
	repo := repoWith(t, map[string]string{"infra/main.tf": badParam})
	for _, h := range []string{"--help", "-h", "-help"} {
		out, stderr, code := ssmlint(t, repo, h)
		if code != 0 || !strings.HasPrefix(out, "Usage: ssmlint") || stderr != "" || !strings.Contains(out, "--new-from-rev") {
			t.Errorf("%s: exit %d, stdout %.60q, stderr %q", h, code, out, stderr)
		}
	}
	out, stderr, code := ssmlint(t, repo, "--bogus")
	if code != 2 || out != "" || !strings.Contains(stderr, "flag provided but not defined: -bogus") || !strings.Contains(stderr, "ssmlint --help") {
		t.Errorf("--bogus: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	out, _, code = ssmlint(t, repo, "version")
	v, _, _ := ssmlint(t, repo, "--version")
	if code != 0 || !strings.HasPrefix(out, "ssmlint ") || out != v {
		t.Errorf("version: exit %d, %q (--version says %q)", code, out, v)
	}

	out, _, _ = ssmlint(t, repo, "--color", "always", "infra")
	if !strings.Contains(out, "\x1b[") {
		t.Errorf("--color always: no colour in\n%s", out)
	}
	for _, never := range [][]string{{"--color", "never"}, {"--no-color"}, {"--color", "always", "--format", "json"}} {
		out, _, _ = ssmlint(t, repo, append(never, "infra")...)
		if strings.Contains(out, "\x1b[") {
			t.Errorf("%v: colour in\n%s", never, out)
		}
	}

	// --chdir: as if run there; machine formats still name repository-
	// relative files, the text format paths relative to the new directory.
	r, code := runJSON(t, t.TempDir(), "--chdir", filepath.Join(repo, "infra"), ".")
	if got := findingsOf(r); code != 1 || !slices.Equal(got, []ruleFile{{"SSM201", "infra/main.tf"}}) {
		t.Errorf("--chdir: exit %d, %v", code, got)
	}
	out, _, _ = ssmlint(t, repo, "--chdir", "infra", ".")
	if !strings.HasPrefix(out, "main.tf:3:") {
		t.Errorf("--chdir text output:\n%s", out)
	}
	// After --, a path that looks like a flag is a path (the action passes
	// its paths so).
	dashed := filepath.Join(repo, "-dashed")
	if err := os.Mkdir(dashed, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dashed, "main.tf"), []byte(badParam), 0o644); err != nil {
		t.Fatal(err)
	}
	r, code = runJSON(t, repo, "--fail-on", "error", "--", "-dashed", "infra")
	if got := findingsOf(r); code != 1 || !slices.Equal(got, []ruleFile{{"SSM201", "-dashed/main.tf"}, {"SSM201", "infra/main.tf"}}) {
		t.Errorf("paths after --: exit %d, %v", code, got)
	}
	if _, stderr, code := ssmlint(t, repo, "--chdir", "nowhere", "."); code != 2 || !strings.Contains(stderr, "--chdir") {
		t.Errorf("--chdir nowhere: exit %d, %s", code, stderr)
	}
}
