package report

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/rules"
)

func TestMachinePaths(t *testing.T) {
	tests := []struct {
		root, workDir, prefix, file string
		want, fingerprint           string
	}{
		// Relative to the root, whatever the working directory.
		{"/repo", "/repo", "", "/repo/infra/main.tf", "infra/main.tf", "infra/main.tf"},
		{"/repo", "/repo/infra", "", "/repo/infra/main.tf", "infra/main.tf", "infra/main.tf"},
		{"/repo/", "/repo/infra/app", "", "/repo/infra/../modules/x.tf", "modules/x.tf", "modules/x.tf"},
		// A relative name is relative to the working directory.
		{"/repo", "/repo/infra", "", "app/main.tf", "infra/app/main.tf", "infra/app/main.tf"},
		// The prefix goes in front, cleaned, and never into fingerprints.
		{"/repo", "/repo/infra", "mono", "/repo/infra/main.tf", "mono/infra/main.tf", "infra/main.tf"},
		{"/repo", "/repo", "./a//b/", "/repo/main.tf", "a/b/main.tf", "main.tf"},
		{"/repo", "/repo", `a\b`, "/repo/main.tf", "a/b/main.tf", "main.tf"},
		{"/repo", "/repo", "/abs/../../up", "/repo/main.tf", "up/main.tf", "main.tf"},
		{"/repo", "/repo", ".", "/repo/main.tf", "main.tf", "main.tf"},
		// Outside the root: the cleaned absolute path, no prefix.
		{"/repo", "/repo", "mono", "/other/x/../main.tf", "/other/main.tf", "/other/main.tf"},
		{"/repo", "/repo", "mono", "/repository/main.tf", "/repository/main.tf", "/repository/main.tf"},
		// Without a root: relative to the working directory, as before.
		{"", "/w", "", "/w/main.tf", "main.tf", "main.tf"},
		{"", "/w", "p", "/w/main.tf", "p/main.tf", "main.tf"},
		{"", "/w", "p", "/other/x.tf", "../other/x.tf", "../other/x.tf"},
		{"", "", "p", "/abs/x.tf", "/abs/x.tf", "/abs/x.tf"},
		{"/repo", "/repo", "p", "", "", ""},
	}
	for _, tt := range tests {
		in := Input{Root: filepath.FromSlash(tt.root), WorkDir: filepath.FromSlash(tt.workDir), PathPrefix: tt.prefix}
		file := filepath.FromSlash(tt.file)
		if got := in.machinePath(file); got != tt.want {
			t.Errorf("root %q workdir %q prefix %q: machinePath(%q) = %q, want %q", tt.root, tt.workDir, tt.prefix, tt.file, got, tt.want)
		}
		if got := in.fingerprintPath(file); got != tt.fingerprint {
			t.Errorf("root %q workdir %q prefix %q: fingerprintPath(%q) = %q, want %q", tt.root, tt.workDir, tt.prefix, tt.file, got, tt.fingerprint)
		}
	}
}

func TestDirURI(t *testing.T) {
	for in, want := range map[string]string{
		"/repo":          "file:///repo/",
		"/repo/":         "file:///repo/",
		"/my repo/ü":     "file:///my%20repo/%C3%BC/",
		"relative":       "",
		"":               "",
		"/":              "file:///",
		"/a/100%/b#c?d/": "file:///a/100%25/b%23c%3Fd/",
	} {
		if got := dirURI(filepath.FromSlash(in)); got != want {
			t.Errorf("dirURI(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every machine format names the same files, byte for byte, whether the
// scan ran from the repository root or from a subdirectory (SARIF differs
// only in the working directory it records); the text format follows the
// working directory.
func TestMachineFormatsIndependentOfWorkDir(t *testing.T) {
	scan := func(workDir string) Input {
		fs := []finding.Finding{
			{Rule: ruleSecret, Severity: rules.Error, Message: "secret", Range: rng("/repo/infra/app/main.tf", 3, 11, 3, 19), Resource: "aws_ssm_parameter.p"},
			{Rule: ruleAdvanced, Severity: rules.Warning, Message: "advanced", Range: rng("/repo/modules/x/main.tf", 1, 1, 1, 2)},
		}
		return Input{
			Version: "0.3.0", Rules: testCatalog, Root: "/repo", WorkDir: workDir, Findings: fs,
			Errors:  []finding.Error{{Range: rng("/repo/infra/bad.tf", 2, 1, 2, 3), Message: "bad"}},
			Summary: Summary{Skipped: []SkippedFile{{File: "/repo/infra/x.tfvars", Reason: "not loaded"}}},
		}
	}
	for _, format := range Formats() {
		fromRoot := render(t, format, scan("/repo"), Options{})
		fromSub := render(t, format, scan("/repo/infra"), Options{})
		switch format {
		case FormatText:
			if !strings.Contains(fromSub, "app/main.tf:3:11") || strings.Contains(fromSub, "infra/app/main.tf") {
				t.Errorf("text from infra/ does not name files from there:\n%s", fromSub)
			}
			continue
		case FormatSARIF:
			fromSub = strings.Replace(fromSub, "file:///repo/infra/", "file:///repo/", 1)
		}
		if fromRoot != fromSub {
			t.Errorf("%s differs between the root and a subdirectory:\n%s\n---\n%s", format, fromRoot, fromSub)
		}
		for _, want := range []string{"infra/app/main.tf", "modules/x/main.tf", "infra/bad.tf"} {
			if !strings.Contains(fromRoot, want) {
				t.Errorf("%s does not name %s:\n%s", format, want, fromRoot)
			}
		}
		if strings.Contains(fromRoot, "../") {
			t.Errorf("%s climbs out of the root:\n%s", format, fromRoot)
		}
	}
}

// The prefix reaches every machine format, and not the text format.
func TestPathPrefixInEveryMachineFormat(t *testing.T) {
	in := Input{Root: "/repo", WorkDir: "/repo", PathPrefix: "services/ops", Findings: []finding.Finding{
		{Rule: ruleSecret, Severity: rules.Error, Message: "secret", Range: rng("/repo/main.tf", 3, 11, 3, 19)},
	}}
	for _, format := range Formats() {
		out := render(t, format, in, Options{})
		has := strings.Contains(out, "services/ops/main.tf")
		if has != (format != FormatText) {
			t.Errorf("%s: prefixed path present = %v:\n%s", format, has, out)
		}
	}
}
