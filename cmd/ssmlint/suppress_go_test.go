package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The statement of testdata/crosslang's app/config.go that reads the
// SecureString /app/db/dsn without decryption (SSM601 at 13:35).
const dsnRead = "\tout, err := c.GetParameter(ctx, &ssm.GetParameterInput{\n\t\tName: aws.String(\"/app/db/dsn\"),\n"

// crossLangWith is crossLang with the SSM601 statement rewritten by edit
// (given the statement, it returns what replaces it).
func crossLangWith(t *testing.T, edit func(stmt string) string) (dir, file string) {
	t.Helper()
	dir = crossLang(t)
	file = filepath.Join(dir, "app", "config.go")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), dsnRead) {
		t.Fatalf("testdata/crosslang/app/config.go no longer holds the statement:\n%s", dsnRead)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(src), dsnRead, edit(dsnRead), 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, file
}

// above puts a comment on its own line above the statement.
func above(comment string) func(string) string {
	return func(stmt string) string { return "\t" + comment + "\n" + stmt }
}

// trailing puts a comment at the end of the statement's first line.
func trailing(comment string) func(string) string {
	return func(stmt string) string {
		first, rest, _ := strings.Cut(stmt, "\n")
		return first + " " + comment + "\n" + rest
	}
}

// One suppression grammar for the Go findings: `//ssmlint:ignore RULE --
// reason` and golangci-lint's //nolint forms, above the statement (which
// they cover whole) or at the end of the finding's line, silence the
// finding in the CLI, are counted as suppressed, and are not reported as
// unused (SSM000). The same lines are silent under go vet -vettool=ssmvet
// (cmd/ssmvet) and golangci-lint with the plugin (scripts/plugin-e2e.sh).
func TestGoSuppressionForms(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(string) string
	}{
		{"ignore above", above("//ssmlint:ignore SSM601 -- decrypted by the sidecar")},
		{"ignore by name, trailing", trailing("// ssmlint:ignore getparameter-missing-decryption -- decrypted by the sidecar")},
		{"nolint:ssmlint above", above("//nolint:ssmlint")},
		{"nolint:ssmlint trailing", trailing("//nolint:ssmlint")},
		{"nolint:ssmlint with a reason", above("//nolint:ssmlint // decrypted by the sidecar")},
		{"nolint naming ssmlint among others", above("//nolint:errcheck, SSMLINT")},
		{"bare nolint", trailing("//nolint")},
		{"nolint:all", above("//nolint:all // generated")},
		{"above, among other comments", above("// DSN's value is decrypted by the sidecar.\n\t//nolint:ssmlint\n\t// (see deploy/sidecar.yaml)")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir, _ := crossLangWith(t, tc.edit)
			r, code := runJSON(t, dir, ".")
			if code != 0 || len(r.Findings) != 0 || len(r.Errors) != 0 {
				t.Fatalf("exit %d, findings %+v, errors %+v; want none", code, r.Findings, r.Errors)
			}
			if got := r.Summary["suppressed"]; got != float64(1) {
				t.Errorf("summary suppressed = %v, want 1", got)
			}
		})
	}
}

// What does not suppress SSM601: a //nolint for other linters, one naming
// an analyzer (golangci-lint knows no linter ssm601: an SSM000 error says
// so), an ignore of another rule (reported unused), a comment detached by
// a blank line, and a block comment.
func TestGoSuppressionNonForms(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(string) string
		// ssm000 is the SSM000 finding expected ("" for none):
		// "severity message-part".
		ssm000 string
	}{
		{"nolint for another linter", above("//nolint:errcheck // not ours"), ""},
		{"nolint naming the analyzer", above("//nolint:ssm601"), `error golangci-lint has no linter "ssm601"`},
		{"ignore of another rule", above("//ssmlint:ignore SSM602 -- not this rule"), "warning ssmlint:ignore SSM602 matched no finding"},
		{"detached by a blank line", above("//nolint:ssmlint\n"), "warning next line, which is blank"},
		{"block comment", above("/* ssmlint:ignore SSM601 -- a block comment */"), ""},
		{"nolintlint is another linter", above("//nolintlint"), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir, _ := crossLangWith(t, tc.edit)
			r, _ := runJSON(t, dir, ".")
			var ssm601, ssm000 []string
			for _, f := range r.Findings {
				switch f.Rule {
				case "SSM601":
					ssm601 = append(ssm601, f.Message)
				case "SSM000":
					ssm000 = append(ssm000, f.Severity+" "+f.Message)
				default:
					t.Errorf("unexpected finding %+v", f)
				}
			}
			if len(ssm601) != 1 {
				t.Errorf("SSM601 findings %q; want the one, not suppressed", ssm601)
			}
			sev, part, _ := strings.Cut(tc.ssm000, " ")
			switch {
			case tc.ssm000 == "" && len(ssm000) != 0:
				t.Errorf("SSM000 findings %q; want none", ssm000)
			case tc.ssm000 != "" && (len(ssm000) != 1 || !strings.HasPrefix(ssm000[0], sev+" ") || !strings.Contains(ssm000[0], part)):
				t.Errorf("SSM000 findings %q; want one %s containing %q", ssm000, sev, part)
			}
		})
	}
}

// --fix applies no fix to a suppressed finding: the call stays as it was,
// whichever comment suppresses it.
func TestGoFixLeavesSuppressed(t *testing.T) {
	for _, comment := range []string{"//ssmlint:ignore SSM601 -- decrypted by the sidecar", "//nolint:ssmlint"} {
		t.Run(comment, func(t *testing.T) {
			t.Parallel()
			dir, file := crossLangWith(t, above(comment))
			before, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			_, stderr, code := ssmlint(t, dir, "--fix", ".")
			if code != 0 || !strings.Contains(stderr, "fixed 0 findings") {
				t.Errorf("--fix: exit %d, stderr %s", code, stderr)
			}
			after, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if string(after) != string(before) {
				t.Errorf("--fix changed the suppressed call:\n%s", after)
			}
		})
	}
}

// SSM000 is a rule of the catalog: listed by `ssmlint rules`, described
// by `ssmlint rules SSM000`, turned off by --disable or the
// configuration, and reported at its configured severity.
func TestIgnoreDirectiveRule(t *testing.T) {
	out, _, code := ssmlint(t, t.TempDir(), "rules")
	if code != 0 || !strings.Contains(out, "SSM000") || !strings.Contains(out, "ignore-directive") {
		t.Errorf("ssmlint rules: exit %d, no SSM000:\n%s", code, out)
	}
	for _, name := range []string{"SSM000", "ignore-directive"} {
		out, _, code = ssmlint(t, t.TempDir(), "rules", name)
		if code != 0 || !strings.HasPrefix(out, "SSM000 ignore-directive") {
			t.Errorf("ssmlint rules %s: exit %d\n%s", name, code, out)
		}
	}

	// An unused suppression (a warning) and a clean parameter.
	const tf = "# ssmlint:ignore SSM201 -- nothing to ignore here\n" +
		"resource \"aws_ssm_parameter\" \"region\" {\n  name  = \"/app/region\"\n  type  = \"String\"\n  value = \"eu-west-1\"\n}\n"
	dir := write(t, map[string]string{"main.tf": tf})
	r, code := runJSON(t, dir, ".")
	if code != 1 || len(r.Findings) != 1 || r.Findings[0].Rule != "SSM000" || r.Findings[0].Severity != "warning" {
		t.Fatalf("exit %d, findings %+v; want the unused suppression (SSM000 warning)", code, r.Findings)
	}
	if r, code := runJSON(t, dir, "--disable", "SSM000", "."); code != 0 || len(r.Findings) != 0 {
		t.Errorf("--disable SSM000: exit %d, findings %+v; want none", code, r.Findings)
	}
	if r, code := runJSON(t, dir, "--disable", "ignore-directive", "."); code != 0 || len(r.Findings) != 0 {
		t.Errorf("--disable ignore-directive: exit %d, findings %+v; want none", code, r.Findings)
	}

	for _, tc := range []struct{ config, severity string }{
		{"version: 1\nrules:\n  SSM000: {severity: error}\n", "error"},
		{"version: 1\nrules:\n  ignore-directive: {severity: info}\n", "info"},
	} {
		cfgDir := write(t, map[string]string{"main.tf": tf, ".ssmlint.yml": tc.config})
		r, _ := runJSON(t, cfgDir, "--fail-on", "info", ".")
		if len(r.Findings) != 1 || r.Findings[0].Rule != "SSM000" || r.Findings[0].Severity != tc.severity {
			t.Errorf("config %q: findings %+v; want SSM000 at %s", tc.config, r.Findings, tc.severity)
		}
	}
	off := write(t, map[string]string{"main.tf": tf, ".ssmlint.yml": "version: 1\nrules:\n  SSM000: {enabled: false}\n"})
	if r, code := runJSON(t, off, "."); code != 0 || len(r.Findings) != 0 {
		t.Errorf("enabled: false: exit %d, findings %+v; want none", code, r.Findings)
	}

	// Naming SSM000 in a suppression keeps it from being reported when it
	// matches nothing in this scan (as golangci-lint's //nolint:x,nolintlint).
	kept := write(t, map[string]string{"main.tf": strings.Replace(tf, "SSM201 --", "SSM201,SSM000 -- only with prod.tfvars;", 1)})
	if r, code := runJSON(t, kept, "."); code != 0 || len(r.Findings) != 0 {
		t.Errorf("ignore naming SSM000: exit %d, findings %+v; want none", code, r.Findings)
	}
}

// withSuppressedFile copies testdata/suppressed-go/suppressed.go (the
// lines the three Go entry points must all keep silent) into a copy of
// testdata/crosslang's app/, and returns the copy and the file.
func withSuppressedFile(t *testing.T) (dir, file string) {
	t.Helper()
	dir = crossLang(t)
	src, err := os.ReadFile(filepath.Join(repoRoot(t), "testdata", "suppressed-go", "suppressed.go"))
	if err != nil {
		t.Fatal(err)
	}
	file = filepath.Join(dir, "app", "suppressed.go")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, file
}

// The shared suppressed lines are silent in the CLI (as under go vet and
// in golangci-lint), counted as suppressed, and left alone by --fix while
// the unsuppressed read in config.go is fixed.
func TestGoSuppressedFixture(t *testing.T) {
	dir, file := withSuppressedFile(t)
	r, code := runJSON(t, dir, ".")
	if code != 1 || len(r.Findings) != 1 || r.Findings[0].Rule != "SSM601" || r.Findings[0].File != "app/config.go" {
		t.Fatalf("exit %d, findings %+v; want only config.go's SSM601", code, r.Findings)
	}
	if got := r.Summary["suppressed"]; got != float64(2) {
		t.Errorf("summary suppressed = %v, want 2", got)
	}
	before, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := ssmlint(t, dir, "--fix", "."); code != 0 || !strings.Contains(stderr, "fixed 1 findings") {
		t.Errorf("--fix: exit %d, stderr %s; want config.go's finding fixed", code, stderr)
	}
	if after, err := os.ReadFile(file); err != nil || string(after) != string(before) {
		t.Errorf("--fix changed the suppressed calls (%v):\n%s", err, after)
	}
}
