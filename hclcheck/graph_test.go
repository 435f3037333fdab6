package hclcheck

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/ssmlint/ssmlint/rules"
)

// checkConfig runs fn on every configuration of a tree built from files.
func checkConfig(t *testing.T, files map[string]string, fn func(*Pass)) {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res := Scan(dir, LoadOptions{}, EvalOptions{}, []Check{{Rule: testRule, Run: fn}}, Settings{})
	for _, e := range res.Errors {
		t.Errorf("error: %s:%d: %s", e.Range.File, e.Range.Start.Line, e.Message)
	}
	if res.Configs == 0 {
		t.Fatal("no configuration")
	}
}

func TestReferencesFollowLocalsAndModules(t *testing.T) {
	files := map[string]string{
		"main.tf": `
resource "aws_kms_key" "app" {}

locals {
  key = aws_kms_key.app.arn
}

resource "aws_ssm_parameter" "direct" {
  name   = "/a"
  type   = "SecureString"
  key_id = aws_kms_key.app.arn
}

resource "aws_ssm_parameter" "via_local" {
  name   = "/b"
  type   = "SecureString"
  key_id = local.key
}

module "keys" {
  source = "./keys"
}

resource "aws_ssm_parameter" "via_module" {
  name   = "/c"
  type   = "SecureString"
  key_id = module.keys.arn
}

resource "aws_subnet" "private" {
  count      = 2
  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)
}

resource "aws_instance" "web" {
  subnet_id = aws_subnet.private[1].id
}

resource "aws_subnet" "zone" {
  for_each   = toset(["a", "b"])
  cidr_block = "10.1.${index(["a", "b"], each.key)}.0/24"
}

resource "aws_route_table_association" "zone" {
  for_each  = aws_subnet.zone
  subnet_id = each.value.id
}

resource "aws_instance" "by_element" {
  count     = 2
  subnet_id = element(aws_subnet.private[*].id, count.index)
}

locals {
  cidrs_for   = join(",", [for s in aws_subnet.private : s.cidr_block])
  cidrs_splat = join(",", aws_subnet.private[*].cidr_block)
  ids         = [for s in aws_subnet.private : s.id]
}
`,
		"keys/main.tf": `
resource "aws_kms_key" "this" {}
output "arn" { value = aws_kms_key.this.arn }
`,
	}
	checkConfig(t, files, func(p *Pass) {
		c := p.Config
		want := map[string]string{
			"aws_ssm_parameter.direct":              "aws_kms_key.app",
			"aws_ssm_parameter.via_local":           "aws_kms_key.app",
			"aws_ssm_parameter.via_module":          "module.keys.aws_kms_key.this",
			"aws_instance.web":                      "aws_subnet.private[1]",
			"aws_instance.by_element[1]":            "aws_subnet.private[1]",
			`aws_route_table_association.zone["b"]`: `aws_subnet.zone["b"]`,
		}
		for from, to := range want {
			r := c.Resource(from)
			if r == nil {
				t.Errorf("no resource %s", from)
				continue
			}
			attr := "key_id"
			if r.Type() != "aws_ssm_parameter" {
				attr = "subnet_id"
			}
			var got []string
			for _, x := range c.Referenced(r.Body.Attr(attr)) {
				got = append(got, x.Addr)
			}
			if !slices.Equal(got, []string{to}) {
				t.Errorf("%s.%s refers to %v, want [%s]", from, attr, got, to)
			}
		}
		// Whole groups read through for and splat give their attributes.
		for _, n := range []string{"cidrs_for", "cidrs_splat"} {
			if s, ok := String(c.Root.local(n)); !ok || s != "10.0.0.0/24,10.0.1.0/24" {
				t.Errorf("local.%s = %q, %v", n, s, ok)
			}
		}
		if got := refsOf(c.Root.local("ids")); len(got) != 2 || got[0].Addr != "aws_subnet.private[0]" || got[1].Attr != "id" {
			t.Errorf("refs of local.ids = %v", got)
		}
		// Configured attributes of other resources are known values.
		if s, ok := String(c.Resource("aws_subnet.private[1]").Body.Attr("cidr_block").Value()); !ok || s != "10.0.1.0/24" {
			t.Errorf("cidr_block = %q, %v", s, ok)
		}
	})
}

func TestEvaluation(t *testing.T) {
	files := map[string]string{
		"main.tf": `
variable "env" { default = "dev" }
variable "tags" {
  type    = map(string)
  default = { team = "core" }
}
variable "services" {
  type = map(object({ port = number, public = optional(bool, false) }))
  default = {
    api = { port = 443 }
    web = { port = 80, public = true }
  }
}
locals {
  prefix  = "/${var.env}/${local.team}"
  team    = var.tags["team"]
  public  = [for k, v in var.services : k if v.public]
  joined  = join(",", sort(keys(var.services)))
  cond    = var.env == "prod" ? "big" : "small"
  decoded = jsondecode(jsonencode({ a = [1, 2] })).a[1]
  yaml    = yamldecode("x: [1, 2]").x[0]
  merged  = merge({ a = 1 }, { b = 2 })
  tried   = try(local.merged.c, "fallback")
  cidr    = cidrsubnet("10.0.0.0/16", 4, 3)
  unknown = aws_kms_key.k.arn
  upper   = upper(format("%s-%d", "a", 1))
}
resource "aws_kms_key" "k" {}
resource "aws_ssm_parameter" "p" {
  for_each = var.services
  name     = "${local.prefix}/${each.key}/${each.value.port}"
  type     = "String"
  value    = "${local.joined}|${local.cond}|${local.decoded}|${local.yaml}|${local.merged.b}|${local.tried}|${local.cidr}|${local.upper}|${join(",", local.public)}"
}
resource "aws_security_group" "sg" {
  dynamic "ingress" {
    for_each = var.services
    content {
      from_port = ingress.value.port
      description = ingress.key
    }
  }
}
`,
		"terraform.tfvars": `env = "prod"`,
	}
	checkConfig(t, files, func(p *Pass) {
		c := p.Config
		r := c.Resource(`aws_ssm_parameter.p["web"]`)
		if r == nil {
			t.Fatal("for_each instance missing")
		}
		if s, _ := String(r.Body.Attr("name").Value()); s != "/prod/core/web/80" {
			t.Errorf("name = %q", s)
		}
		for _, n := range []string{"joined", "cond", "decoded", "yaml", "merged", "tried", "cidr", "upper", "public"} {
			if v := c.Root.local(n); !v.IsWhollyKnown() {
				t.Errorf("local.%s is unknown", n)
			}
		}
		if s, _ := String(r.Body.Attr("value").Value()); s != "api,web|big|2|1|2|fallback|10.0.48.0/20|A-1|web" {
			t.Errorf("value = %q", s)
		}
		if !HasMark(r.Body.Attr("name").Value(), MarkInput) {
			t.Error("a value from terraform.tfvars lost its input mark")
		}
		sg := c.Resource("aws_security_group.sg")
		ing := sg.Body.Blocks("ingress")
		if len(ing) != 2 {
			t.Fatalf("dynamic ingress expanded to %d blocks, want 2", len(ing))
		}
		if s, _ := String(ing[1].Attr("from_port").Value()); s != "80" {
			t.Errorf("ingress[1].from_port = %q", s)
		}
		loc := c.Root.local("unknown")
		if loc.IsKnown() {
			t.Error("a computed attribute must be unknown")
		}
	})
}

var testRule = &rules.Rule{ID: "SSM999", Name: "test", Severity: rules.Info}
