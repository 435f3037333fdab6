package hclcheck_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ssmlint/ssmlint/finding"
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
		"resource \"aws_vpc\" \"v\" {}\nresource \"aws_subnet\" \"s\" {\n  vpc_id = aws_vpc.v.id\n  cidr_block = \"10.0.1.0/24\"\n}\nresource \"aws_route_table\" \"r\" {\n  route {\n    cidr_block = \"0.0.0.0/0\"\n  }\n}\nresource \"aws_route_table_association\" \"a\" {\n  subnet_id = aws_subnet.s.id\n  route_table_id = aws_route_table.r.id\n}\nresource \"aws_instance\" \"i\" {\n  subnet_id = aws_subnet.s.id\n  vpc_security_group_ids = [aws_security_group.g.id]\n}\nresource \"aws_security_group\" \"g\" {\n  ingress {\n    protocol = \"-1\"\n  }\n}\n",
		"resource \"aws_vpc_endpoint\" \"e\" {\n  for_each = toset([\"ssm\"])\n  service_name = \"com.amazonaws.${var.r}.${each.key}\"\n  vpc_endpoint_type = null\n}\nmodule \"m\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n  private_subnets = [\"10.0.1.0/24\"]\n}\n",
		"a = ${",
		"\xff\xfe",
		// Crashers from the hostile suite (issue 11).
		"locals {\n  a = " + strings.Repeat("!", 250000) + "true\n}\n",
		"locals {\n  a = " + strings.Repeat("1 + ", 20000) + "1\n}\n",
		strings.Repeat("\x00", 1<<20),
		strings.Repeat("@", 1<<20),
		strings.Repeat("resource {\n", 50000),
		"resource \"aws_ssm_parameter\" \"p\" {\n  count = 20000\n  name = \"/a/${count.index}\"\n}\n",
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
		res := boundedScan(t, dir, src)
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

// FuzzLoadJSON feeds arbitrary bytes as a JSON-syntax configuration
// (main.tf.json), as a JSON override file and as terraform.tfvars.json
// through load, the JSON translation, override merging, evaluation and
// every check. Nothing may panic or hang, and every finding and error
// points at a line of one of the files.
func FuzzLoadJSON(f *testing.F) {
	seeds := []string{
		`{"resource": {"aws_ssm_parameter": {"p": {"name": "/a/password", "type": "String", "value": "x"}}}}`,
		`{"variable": {"env": {"type": "map(string)", "default": {"a": "b"}}}, "locals": {"x": "${var.env}"}}`,
		`{"resource": {"aws_ssm_parameter": {"p": {"for_each": {"a b": "1"}, "name": "/x/${each.key}", "type": "String", "value": "${each.value}"}}}}`,
		`{"resource": [{"aws_security_group": {"g": [{"ingress": [{"from_port": 22, "cidr_blocks": ["0.0.0.0/0"]}]}]}}]}`,
		`{"resource": {"aws_instance": {"i": {"dynamic": {"ebs_block_device": {"for_each": "${[1]}", "content": {"volume_size": "${ebs_block_device.value}"}}}, "lifecycle": {"ignore_changes": ["tags", "all"]}}}}}`,
		`{"module": {"m": {"source": "./", "count": 2}}, "output": {"o": {"value": "${module.m}"}}, "provider": {"aws": [{"region": "eu-west-1"}, {"alias": "b", "default_tags": {"tags": {"A": "b"}}}]}}`,
		`{"locals": {"s": "\"quoted\" \u00e9 ${upper(\"x\")}\n%{ for x in [1] }${x}%{ endfor }"}}`,
		`{"resource": {"aws_ssm_parameter": {"p": {"name": "${"}}}}`,
		`{"//": "c", "data": {"aws_iam_policy_document": {"d": {"statement": [{"actions": ["ssm:*"], "resources": ["*"]}]}}}}`,
		`[1, 2]`,
		`{"resource": null}`,
		"{\"a\": \xff}",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		dir := t.TempDir()
		lines := map[string]int{}
		for _, name := range []string{"main.tf.json", "x_override.tf.json", "terraform.tfvars.json"} {
			if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
				t.Fatal(err)
			}
			lines[filepath.Join(dir, name)] = bytes.Count(src, []byte("\n")) + 1
		}
		res := boundedScan(t, dir, src)
		inFile := func(r finding.Range) bool {
			n, ok := lines[r.File]
			return ok && r.Start.Line >= 1 && r.Start.Line <= n
		}
		for _, e := range res.Errors {
			if e.Range.File != dir && !inFile(e.Range) {
				t.Errorf("error outside the files: %+v", e)
			}
		}
		for _, f := range res.Findings {
			if !inFile(f.Range) {
				t.Errorf("finding outside the files: %+v", f)
			}
		}
	})
}

// boundedScan scans dir with every check: a linter on untrusted input must
// not hang, so each input gets 10 s.
func boundedScan(t *testing.T, dir string, src []byte) *hclcheck.Result {
	t.Helper()
	done := make(chan *hclcheck.Result, 1)
	go func() {
		done <- hclcheck.Scan(dir, hclcheck.LoadOptions{Workers: 1}, hclcheck.EvalOptions{}, checks.All(), hclcheck.Settings{Workers: 1})
	}()
	select {
	case res := <-done:
		return res
	case <-time.After(10 * time.Second):
		if len(src) > 200 {
			src = append(src[:200:200], "…"...)
		}
		t.Fatalf("scan did not finish in 10s on:\n%s", src)
		return nil
	}
}
