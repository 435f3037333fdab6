package hclcheck_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ssmlint/ssmlint/hclcheck"
	"github.com/ssmlint/ssmlint/hclcheck/checks"
)

// FuzzLoad feeds arbitrary bytes as a .tf file (and the same bytes as
// terraform.tfvars) through load, evaluation and every check. Whatever
// the input, nothing may panic; broken input must become errors.
func FuzzLoad(f *testing.F) {
	seeds := []string{
		`resource "aws_ssm_parameter" "p" { name = "/a/password"  type = "String"  value = "x" }`,
		"locals {\n  a = { for k, v in var.m : k => v if v != null }\n  b = [for x in range(3) : \"${x}\"]\n}\n",
		"resource \"aws_ssm_parameter\" \"p\" {\n  for_each = toset([\"a\", \"b c\"])\n  name = \"/x/${each.key}\"\n  type = \"SecureString\"\n  value = jsondecode(\"{}\")\n}\n",
		"module \"m\" {\n  source = \"./\"\n  count = 2\n}\n",
		"variable \"v\" {\n  type = map(object({ a = optional(string, \"d\") }))\n  default = { x = {} }\n}\n",
		"dynamic \"x\" { for_each = [1] content { a = x.value } }",
		"resource \"x\" \"y\" { a = cidrsubnet(\"10.0.0.0/16\", 8, 300) b = yamldecode(\"a: &x [1]\\nb: *x\") }",
		"a = ${",
		"\xff\xfe",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "main.tf"), src, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "terraform.tfvars"), src, 0o644); err != nil {
			t.Fatal(err)
		}
		res := hclcheck.Scan(dir, hclcheck.LoadOptions{Workers: 1}, hclcheck.EvalOptions{}, checks.All(), hclcheck.Settings{Workers: 1})
		for _, e := range res.Errors {
			if e.Range.Start.Line == 0 && e.Range.File != "" {
				t.Errorf("error without a position: %+v", e)
			}
		}
		for _, f := range res.Findings {
			if f.Range.Start.Line == 0 {
				t.Errorf("finding without a position: %+v", f)
			}
		}
	})
}
