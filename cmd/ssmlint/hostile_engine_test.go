package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Hostile Terraform input: the engine's limits (issue 11).

func TestHostileEngine(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		setup func(t *testing.T, repo, outside string)
		file  string // where the error is; "" for none
		line  int
		msg   string
	}{
		{name: "unary operator chain", files: map[string]string{
			"chain.tf": "locals {\n  a = " + strings.Repeat("!", 250000) + "true\n}\n",
		}, file: "chain.tf", line: 2, msg: "more than 10000 operators"},
		{name: "NUL bytes", files: map[string]string{
			"nul.tf": strings.Repeat("\x00", 9<<20),
		}, file: "nul.tf", line: 1, msg: "control characters"},
		{name: "invalid characters", files: map[string]string{
			"at.tf": strings.Repeat("@", 1<<20),
		}, file: "at.tf", line: 1, msg: "not valid HCL"},
		{name: "token flood", files: map[string]string{
			"braces.tf": strings.Repeat("}\n", 4<<20),
		}, file: "braces.tf", line: 1, msg: "tokens"},
		{name: "string doubled through locals", files: map[string]string{
			"double.tf": doubling(30),
		}, file: "double.tf", line: 22, msg: "string template: the result would have more than 16777216 bytes"},
		{name: "count over the instance cap", files: map[string]string{
			"many.tf": "resource \"aws_ssm_parameter\" \"many\" {\n  count = 20000\n  name  = \"/app/${count.index}/password\"\n  type  = \"String\"\n  value = \"x\"\n}\n",
		}, file: "many.tf", line: 2, msg: "aws_ssm_parameter.many is not checked"},
		{name: "for_each over the instance cap", files: map[string]string{
			"many.tf": "resource \"aws_ssm_parameter\" \"many\" {\n  for_each = toset([" + manyKeys(10001) + "])\n  name  = \"/app/${each.key}/password\"\n  type  = \"String\"\n  value = \"x\"\n}\n",
		}, file: "many.tf", line: 2, msg: "for_each has 10001 elements"},
		{name: "module manifest linked out", files: map[string]string{
			"main.tf": "module \"vpc\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n}\n",
		}, setup: func(t *testing.T, repo, outside string) {
			if err := os.MkdirAll(filepath.Join(repo, ".terraform", "modules"), 0o755); err != nil {
				t.Fatal(err)
			}
			symlink(t, filepath.Join(outside, "secret.json"), filepath.Join(repo, ".terraform", "modules", "modules.json"))
		}, file: ".terraform/modules/modules.json", msg: "outside the repository"},
		{name: "module manifest is /dev/zero", files: map[string]string{
			"main.tf": "module \"vpc\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n}\n",
		}, setup: func(t *testing.T, repo, _ string) {
			if _, err := os.Stat("/dev/zero"); err != nil {
				t.Skip("no /dev/zero")
			}
			if err := os.MkdirAll(filepath.Join(repo, ".terraform", "modules"), 0o755); err != nil {
				t.Fatal(err)
			}
			symlink(t, "/dev/zero", filepath.Join(repo, ".terraform", "modules", "modules.json"))
		}, file: ".terraform/modules/modules.json", msg: "module manifest not read"},
		{name: "module manifest is a FIFO", files: map[string]string{
			"main.tf": "module \"vpc\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n}\n",
		}, setup: func(t *testing.T, repo, _ string) {
			if err := os.MkdirAll(filepath.Join(repo, ".terraform", "modules"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := mkfifo(filepath.Join(repo, ".terraform", "modules", "modules.json")); err != nil {
				t.Skipf("no FIFOs: %v", err)
			}
		}, file: ".terraform/modules/modules.json", msg: "a FIFO"},
		{name: "FIFO named x.tf", setup: func(t *testing.T, repo, _ string) {
			if err := mkfifo(filepath.Join(repo, "x.tf")); err != nil {
				t.Skipf("no FIFOs: %v", err)
			}
		}, file: "x.tf", line: 1, msg: "not a regular file"},
		{name: "symlinked .tf file out of the repository", setup: func(t *testing.T, repo, outside string) {
			symlink(t, filepath.Join(outside, "secret.tf"), filepath.Join(repo, "linked.tf"))
		}, file: "linked.tf", line: 1, msg: "outside the repository"},
		{name: "file() out of the repository", files: map[string]string{
			"doc.tf": "resource \"aws_ssm_parameter\" \"doc\" {\n  name  = \"/app/doc\"\n  type  = \"String\"\n  value = file(\"../outside/secret.txt\")\n}\n",
		}, file: "doc.tf", line: 4, msg: "outside the repository"},
		{name: "module source out of the repository", files: map[string]string{
			"mod.tf": "module \"out\" {\n  source = \"../outside\"\n}\n",
		}, file: "mod.tf", line: 2, msg: "outside the repository"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			repo, outside := hostileRepo(t, c.files)
			if c.setup != nil {
				c.setup(t, repo, outside)
			}
			r := runHostile(t, repo, nil, "--format", "json", ".")
			if r.code != 2 {
				t.Errorf("exit %d, want 2; errors %+v", r.code, r.report.Errors)
			}
			r.wantError(t, c.file, c.line, c.msg)
			r.wantGood(t)
			unchanged(t, outside)
			// The same in text: the error with its position, nothing quoted.
			out := runHostile(t, repo, nil, ".")
			if c.line > 0 && !strings.Contains(out.stdout, c.file+":"+itoa(c.line)+":") {
				t.Errorf("text output lacks %s:%d:\n%.2000s", c.file, c.line, out.stdout)
			}
		})
	}
}

// manyKeys is n distinct quoted keys, comma-separated.
func manyKeys(n int) string {
	keys := make([]string, n)
	for i := range keys {
		keys[i] = `"k` + itoa(i) + `"`
	}
	return strings.Join(keys, ", ")
}

// doubling is locals a0 (32 bytes) to aN, each twice the one before,
// a20 (line 22) being the first over 16 MiB, and a parameter named
// after aN.
func doubling(n int) string {
	var b strings.Builder
	b.WriteString("locals {\n  a0 = \"" + strings.Repeat("x", 32) + "\"\n")
	for i := 1; i <= n; i++ {
		b.WriteString("  a" + itoa(i) + " = \"${local.a" + itoa(i-1) + "}${local.a" + itoa(i-1) + "}\"\n")
	}
	b.WriteString("}\n\nresource \"aws_ssm_parameter\" \"doubled\" {\n  name  = \"/app/${local.a" + itoa(n) + "}\"\n  type  = \"String\"\n  value = \"x\"\n}\n")
	return b.String()
}

// TestHostileLargeTfvarsIsDeterministic: a 7.8 MB terraform.tfvars whose
// map drives a for_each over 10,001 instances gave 10,001 findings or a
// timeout at the wrong file, depending on how the garbage collector fared
// under a fixed memory limit. Now the answer is the same every time: the
// for_each is over the instance cap, an error at it, well within the
// budget.
func TestHostileLargeTfvarsIsDeterministic(t *testing.T) {
	var b strings.Builder
	b.WriteString("params = {\n")
	for i := range 10001 {
		b.WriteString("  k" + itoa(i) + " = \"" + strings.Repeat("v", 760) + "\"\n")
	}
	b.WriteString("}\n")
	repo, outside := hostileRepo(t, map[string]string{
		"terraform.tfvars": b.String(),
		"params.tf": "variable \"params\" {\n  type = map(string)\n}\n\n" +
			"resource \"aws_ssm_parameter\" \"each\" {\n  for_each = var.params\n  name     = \"/app/${each.key}/password\"\n  type     = \"String\"\n  value    = each.value\n}\n",
	})
	for range 2 {
		r := runHostile(t, repo, nil, "--format", "json", ".")
		if r.code != 2 || len(r.report.Errors) != 1 {
			t.Errorf("exit %d, errors %+v; want exit 2 and one error", r.code, r.report.Errors)
		}
		r.wantError(t, "params.tf", 6, "for_each has 10001 elements")
		r.wantGood(t)
	}
	unchanged(t, outside)
}
