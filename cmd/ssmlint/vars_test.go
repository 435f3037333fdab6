package main_test

import (
	"strings"
	"testing"
)

const envParam = `variable "env" {
  type    = string
  default = "dev"
}

resource "aws_ssm_parameter" "p" {
  name  = "/app/${var.env}/host"
  type  = "String"
  value = "h"
}
`

// Variables reach root modules from --var, --var-file and the config file;
// --var wins over the config file.
func TestVariables(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		args  []string
		want  int // SSM203 findings
	}{
		{"default is valid", map[string]string{"main.tf": envParam}, nil, 0},
		{"--var", map[string]string{"main.tf": envParam}, []string{"--var", "env=prod west"}, 1},
		{"--var-file", map[string]string{"main.tf": envParam, "ci.tfvars": `env = "a:b"`}, []string{"--var-file", "ci.tfvars"}, 1},
		{"config variables", map[string]string{"main.tf": envParam, ".ssmlint.yml": "version: 1\nvariables: {env: \"x y\"}\n"}, nil, 1},
		{"--var over config", map[string]string{"main.tf": envParam, ".ssmlint.yml": "version: 1\nvariables: {env: \"x y\"}\n"}, []string{"--var", "env=ok"}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := write(t, c.files)
			r, _ := runJSON(t, dir, append(c.args, ".")...)
			n := 0
			for _, f := range r.Findings {
				if f.Rule == "SSM203" {
					n++
				}
			}
			if n != c.want || len(r.Errors) > 0 {
				t.Errorf("SSM203 findings = %d, want %d; errors %+v", n, c.want, r.Errors)
			}
		})
	}
}

func TestBadVarFlag(t *testing.T) {
	dir := write(t, map[string]string{"main.tf": envParam})
	_, stderr, code := ssmlint(t, dir, "--var", "novalue", ".")
	if code != 2 || !strings.Contains(stderr, "NAME=VALUE") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// Paths excluded in the config file are not scanned.
func TestConfigExclude(t *testing.T) {
	dir := write(t, map[string]string{
		"live/main.tf":   badParam,
		"legacy/main.tf": badParam,
		".ssmlint.yml":   "version: 1\nexclude: [\"legacy/**\"]\n",
	})
	r, _ := runJSON(t, dir, ".")
	if len(r.Findings) != 1 || r.Findings[0].File != "live/main.tf" {
		t.Errorf("findings = %+v", r.Findings)
	}
}

// Several paths are scanned in one run, and findings come sorted by file.
func TestSeveralPaths(t *testing.T) {
	dir := write(t, map[string]string{"b/main.tf": badParam, "a/main.tf": badParam})
	r, _ := runJSON(t, dir, "b", "a")
	if len(r.Findings) != 2 || r.Findings[0].File != "a/main.tf" || r.Findings[1].File != "b/main.tf" {
		t.Errorf("findings = %+v", r.Findings)
	}
}

// The size cap comes from the config file when it sets one.
func TestConfigMaxFileSize(t *testing.T) {
	dir := write(t, map[string]string{
		"main.tf":      badParam,
		"big.tf":       "# " + strings.Repeat("x", 2048) + "\n",
		".ssmlint.yml": "version: 1\nmax_file_size: 1KB\n",
	})
	r, code := runJSON(t, dir, ".")
	if code != 2 || len(r.Errors) != 1 || r.Errors[0].File != "big.tf" || !strings.Contains(r.Errors[0].Message, "size cap") {
		t.Errorf("exit %d, errors %+v", code, r.Errors)
	}
	if len(r.Findings) != 1 {
		t.Errorf("main.tf not scanned: %+v", r.Findings)
	}
}

// Roles declared as consumers in the configuration are checked (SSM206).
func TestConfigConsumers(t *testing.T) {
	dir := write(t, map[string]string{
		"main.tf": `resource "aws_iam_role" "api" {
  name               = "api"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy" "api" {
  role = aws_iam_role.api.id
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "ssm:GetParameter", Resource = "arn:aws:ssm:*:*:parameter/api/*" }]
  })
}
`,
		".ssmlint.yml": "version: 1\nconsumers:\n  aws_iam_role.api: [\"/api/db/host\", \"/billing/token\", \"/api/config/*\"]\n",
	})
	r, _ := runJSON(t, dir, ".")
	var msgs []string
	for _, f := range r.Findings {
		if f.Rule == "SSM206" {
			msgs = append(msgs, f.Message)
		}
	}
	if len(msgs) != 2 || !strings.Contains(strings.Join(msgs, "\n"), "/billing/token") || !strings.Contains(strings.Join(msgs, "\n"), "GetParametersByPath") {
		t.Errorf("SSM206 findings = %q", msgs)
	}
}
