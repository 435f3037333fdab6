package main_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Repository layouts as Terraform reads them: the boundary is the
// repository, not the PATH argument.

const opsPolicy = `{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "ssm:*", "Resource": "arn:aws:ssm:eu-west-1:123456789012:parameter/ops/*"}]
}
`

// monorepo writes a repository with a stack that calls a module, reads a
// policy file and links a shared file from outside the stack directory.
func monorepo(t *testing.T, withGit bool) string {
	t.Helper()
	files := map[string]string{
		"stacks/prod/main.tf": `module "app" {
  source = "../../modules/app"
}

resource "aws_iam_policy" "ops" {
  name   = "ops"
  policy = file("../../policies/ops.json")
}
`,
		"modules/app/main.tf": badParam,
		"policies/ops.json":   opsPolicy,
		"shared/versions.tf": `resource "aws_ssm_parameter" "shared" {
  name  = "/shared/api_token"
  type  = "String"
  value = "x"
}
`,
	}
	if withGit {
		files[".git/HEAD"] = "ref: refs/heads/main\n"
	}
	dir := write(t, files)
	symlink(t, "../../shared/versions.tf", filepath.Join(dir, "stacks", "prod", "versions.tf"))
	return dir
}

type located struct{ rule, file string }

func locate(r jsonReport, base string) []located {
	var out []located
	for _, f := range r.Findings {
		out = append(out, located{f.Rule, filepath.ToSlash(filepath.Clean(filepath.Join(base, f.File)))})
	}
	slices.SortFunc(out, func(a, b located) int { return strings.Compare(a.file+a.rule, b.file+b.rule) })
	return out
}

// TestStackScannedFromItsDirectory: `ssmlint stacks/prod`, and ssmlint run
// inside stacks/prod, find what is in the module it calls, the policy file
// it reads and the file it links, as a scan of the whole repository does
// for that stack.
func TestStackScannedFromItsDirectory(t *testing.T) {
	dir := monorepo(t, true)
	want := []located{
		{"SSM201", "modules/app/main.tf"},
		{"SSM207", "stacks/prod/main.tf"},
		{"SSM201", "stacks/prod/versions.tf"},
	}
	slices.SortFunc(want, func(a, b located) int { return strings.Compare(a.file+a.rule, b.file+b.rule) })

	r, code := runJSON(t, dir, "stacks/prod")
	if got := locate(r, "."); !slices.Equal(got, want) || code != 1 || len(r.Errors) > 0 {
		t.Errorf("ssmlint stacks/prod: exit %d, findings %v, errors %+v; want exit 1, %v", code, got, r.Errors, want)
	}
	stack := filepath.Join(dir, "stacks", "prod")
	// JSON names files relative to the repository root, from any directory.
	r, code = runJSON(t, stack, ".")
	if got := locate(r, "."); !slices.Equal(got, want) || code != 1 || len(r.Errors) > 0 {
		t.Errorf("ssmlint . in stacks/prod: exit %d, findings %v, errors %+v; want exit 1, %v", code, got, r.Errors, want)
	}
	// From the root, the same stack gives the same findings (the shared
	// directory is a root module of its own there, and adds its own).
	r, _ = runJSON(t, dir, ".")
	got := locate(r, ".")
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("ssmlint . lacks %v: %v", w, got)
		}
	}
}

// TestBoundaryWithoutGit: with no .git above, the working directory is the
// boundary: from the repository's top the stack reaches its module; from
// inside the stack the module is outside, and refused with an error that
// names the source, while the stack itself is still checked.
func TestBoundaryWithoutGit(t *testing.T) {
	dir := monorepo(t, false)
	r, code := runJSON(t, dir, "stacks/prod")
	if code != 1 || len(r.Errors) > 0 || len(r.Findings) != 3 {
		t.Errorf("from the top: exit %d, findings %+v, errors %+v; want exit 1, 3 findings", code, r.Findings, r.Errors)
	}
	r, code = runJSON(t, filepath.Join(dir, "stacks", "prod"), ".")
	if code != 2 {
		t.Errorf("from the stack: exit %d, want 2", code)
	}
	var msgs []string
	for _, e := range r.Errors {
		msgs = append(msgs, e.File+": "+e.Message)
	}
	joined := strings.Join(msgs, "\n")
	for _, want := range []string{
		`main.tf: module source "../../modules/app" leads to`,
		`versions.tf: symbolic link versions.tf points to`,
		`main.tf: file() path ../../policies/ops.json is outside the repository`,
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("errors lack %q:\n%s", want, joined)
		}
	}
}

// TestSkippedFilesAreNamed: files that look like Terraform but are not read
// are listed in the summary with the reason; a file given with --var-file
// is read, so it is not listed.
func TestSkippedFilesAreNamed(t *testing.T) {
	dir := write(t, map[string]string{
		"main.tf":           clean,
		"main.tofu":         clean,
		"prod.tfvars":       "x = 1\n",
		"dev.tfvars":        "x = 2\n",
		"terragrunt.hcl":    "inputs = {}\n",
		"test/a.tftest.hcl": "run \"a\" {}\n",
	})
	r, code := runJSON(t, dir, "--var-file", "dev.tfvars", ".")
	if code != 0 {
		t.Errorf("exit %d, want 0", code)
	}
	var got []string
	list, _ := r.Summary["skipped"].([]any)
	for _, s := range list {
		m, _ := s.(map[string]any)
		got = append(got, m["file"].(string))
	}
	slices.Sort(got)
	want := []string{"main.tf", "prod.tfvars", "terragrunt.hcl", "test/a.tftest.hcl"}
	if !slices.Equal(got, want) {
		t.Errorf("summary.skipped files %v, want %v", got, want)
	}
	out, _, _ := ssmlint(t, dir, "--var-file", "dev.tfvars", ".")
	if !strings.Contains(out, "Not read (shadowed by the .tofu file of the same name, which OpenTofu reads instead): main.tf.") {
		t.Errorf("text summary lacks the shadowed file:\n%s", out)
	}
}

// TestNothingToCheck: a path with no Terraform and no Go says so instead
// of a silent "0 files scanned".
func TestNothingToCheck(t *testing.T) {
	dir := write(t, map[string]string{"docs/README.md": "hello\n"})
	out, _, code := ssmlint(t, dir, "docs")
	if code != 0 || !strings.Contains(out, "Nothing to check in docs: no Terraform (.tf, .tf.json, .tofu) or Go files.") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
	r, _ := runJSON(t, dir, "docs")
	if notes, _ := r.Summary["notes"].([]any); len(notes) != 1 {
		t.Errorf("summary.notes = %v, want one note", r.Summary["notes"])
	}
}

// TestFIFONotOpened: a FIFO named like a Terraform file is reported, not
// opened (opening it would block forever).
func TestFIFONotOpened(t *testing.T) {
	dir := write(t, map[string]string{"good.tf": badParam})
	if err := mkfifo(filepath.Join(dir, "x.tf")); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	r, code := runJSON(t, dir, ".")
	if code != 2 || len(r.Findings) != 1 || len(r.Errors) != 1 || r.Errors[0].File != "x.tf" || !strings.Contains(r.Errors[0].Message, "not a regular file") {
		t.Errorf("exit %d, findings %+v, errors %+v", code, r.Findings, r.Errors)
	}
	_ = os.Remove(filepath.Join(dir, "x.tf"))
}

// TestLinksToOtherFilesIgnored: a link that leads out of the repository
// but is not a Terraform or Go file (a shared README, a license) is none
// of ssmlint's business: no error, and nothing read through it.
func TestLinksToOtherFilesIgnored(t *testing.T) {
	repo, outside := hostileRepo(t, nil)
	symlink(t, filepath.Join(outside, "secret.txt"), filepath.Join(repo, "README.md"))
	symlink(t, filepath.Join(outside, "secret.txt"), filepath.Join(repo, ".ssmlint-notes"))
	r := runHostile(t, repo, nil, "--format", "json", ".")
	if r.code != 1 || len(r.report.Errors) != 0 {
		t.Errorf("exit %d, errors %+v; want exit 1 (good.tf) and no error", r.code, r.report.Errors)
	}
	r.wantGood(t)
}
