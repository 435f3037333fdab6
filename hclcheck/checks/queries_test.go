package checks

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/ssmlint/ssmlint/hclcheck"
	"github.com/ssmlint/ssmlint/rules"
)

// withConfig evaluates a one-file stack and runs fn on its configuration.
func withConfig(t *testing.T, src string, fn func(*hclcheck.Pass)) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	ran := false
	res := hclcheck.Scan(dir, hclcheck.LoadOptions{}, hclcheck.EvalOptions{},
		[]hclcheck.Check{{Rule: &rules.Rule{ID: "SSM999", Name: "query", Severity: rules.Info}, Run: func(p *hclcheck.Pass) { ran = true; fn(p) }}},
		hclcheck.Settings{})
	for _, e := range res.Errors {
		t.Errorf("error: %s:%d: %s", e.Range.File, e.Range.Start.Line, e.Message)
	}
	if !ran {
		t.Fatal("no configuration")
	}
}

const network = `
resource "aws_vpc" "v" { cidr_block = "10.0.0.0/16" }
resource "aws_internet_gateway" "igw" { vpc_id = aws_vpc.v.id }
resource "aws_subnet" "public" {
  vpc_id     = aws_vpc.v.id
  cidr_block = "10.0.1.0/24"
}
resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.v.id
  cidr_block = "10.0.2.0/24"
}
resource "aws_subnet" "orphan" {
  vpc_id     = aws_vpc.v.id
  cidr_block = "10.0.3.0/24"
}
resource "aws_route_table" "public" {
  vpc_id = aws_vpc.v.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.igw.id
  }
}
resource "aws_route_table" "private" { vpc_id = aws_vpc.v.id }
resource "aws_route_table_association" "public" {
  subnet_id      = aws_subnet.public.id
  route_table_id = aws_route_table.public.id
}
resource "aws_route_table_association" "private" {
  subnet_id      = aws_subnet.private.id
  route_table_id = aws_route_table.private.id
}
`

func TestSubnetEgress(t *testing.T) {
	withConfig(t, network, func(p *hclcheck.Pass) {
		c := p.Config
		for addr, want := range map[string]egress{
			"aws_subnet.public":  egressYes,
			"aws_subnet.private": egressNo,
			"aws_subnet.orphan":  egressNo, // implicit main table: local route only
		} {
			got, why := subnetEgress(c, c.Resource(addr))
			if got != want {
				t.Errorf("%s: egress %v (%s), want %v", addr, got, why, want)
			}
		}
		if _, why := subnetEgress(c, c.Resource("aws_subnet.private")); why != "route table aws_route_table.private has no default route" {
			t.Errorf("why = %q", why)
		}
	})
}

func TestSubnetEgressUnknownWhenRoutesCannotBeTold(t *testing.T) {
	src := network + `
variable "rt" { type = string }
resource "aws_route" "somewhere" {
  route_table_id         = var.rt
  destination_cidr_block = "0.0.0.0/0"
}
`
	withConfig(t, src, func(p *hclcheck.Pass) {
		if got, _ := subnetEgress(p.Config, p.Config.Resource("aws_subnet.private")); got != egressUnknown {
			t.Errorf("egress %v, want unknown (a default route to a table we cannot name)", got)
		}
	})
}

func TestSecurityGroupRules(t *testing.T) {
	src := `
resource "aws_security_group" "app" {
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_security_group" "ep" {}
resource "aws_security_group_rule" "https" {
  type                     = "ingress"
  security_group_id        = aws_security_group.ep.id
  from_port                = 443
  to_port                  = 443
  protocol                 = "tcp"
  source_security_group_id = aws_security_group.app.id
}
resource "aws_vpc_security_group_ingress_rule" "range" {
  security_group_id = aws_security_group.ep.id
  ip_protocol       = "tcp"
  from_port         = 400
  to_port           = 500
  cidr_ipv4         = "10.0.0.0/8"
}
`
	withConfig(t, src, func(p *hclcheck.Pass) {
		c := p.Config
		app, ep := c.Resource("aws_security_group.app"), c.Resource("aws_security_group.ep")
		eg := sgRules(c, app, "egress")
		if len(eg) != 1 || !eg[0].known || !eg[0].coversTCP(443) {
			t.Errorf("app egress = %+v", eg)
		}
		in := sgRules(c, ep, "ingress")
		if len(in) != 2 {
			t.Fatalf("ep ingress = %d rules", len(in))
		}
		if len(in[0].sgs) != 1 || in[0].sgs[0] != app {
			t.Errorf("source group not resolved: %+v", in[0].sgs)
		}
		if !in[1].coversTCP(443) || in[1].coversTCP(22) || len(in[1].cidrs) != 1 || in[1].cidrs[0].String() != "10.0.0.0/8" {
			t.Errorf("range rule = %+v", in[1])
		}
		if got := sgRules(c, app, "ingress"); len(got) != 0 {
			t.Errorf("app has no ingress, got %+v", got)
		}
	})
}

func TestEndpointServices(t *testing.T) {
	src := `
variable "region" { type = string }
data "aws_region" "current" {}
data "aws_vpc_endpoint_service" "kms" { service = "kms" }
resource "aws_vpc_endpoint" "literal" { service_name = "com.amazonaws.eu-west-1.ssm" }
resource "aws_vpc_endpoint" "template" { service_name = "com.amazonaws.${var.region}.ssmmessages" }
resource "aws_vpc_endpoint" "each" {
  for_each     = toset(["ec2messages"])
  service_name = "com.amazonaws.${data.aws_region.current.name}.${each.key}"
}
resource "aws_vpc_endpoint" "lookup" { service_name = data.aws_vpc_endpoint_service.kms.service_name }
resource "aws_vpc_endpoint" "opaque" { service_name = var.region }
`
	withConfig(t, src, func(p *hclcheck.Pass) {
		got := map[string]string{}
		for _, e := range endpoints(p.Config) {
			got[e.r.Addr] = e.service + "/" + e.typ
		}
		want := map[string]string{
			"aws_vpc_endpoint.literal":             "ssm/Gateway",
			"aws_vpc_endpoint.template":            "ssmmessages/Gateway",
			`aws_vpc_endpoint.each["ec2messages"]`: "ec2messages/Gateway",
			"aws_vpc_endpoint.lookup":              "kms/Gateway",
			"aws_vpc_endpoint.opaque":              "/Gateway",
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s: service/type = %q, want %q", k, got[k], v)
			}
		}
	})
}

func TestRolePolicies(t *testing.T) {
	src := `
resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = "{}"
  inline_policy {
    name   = "channels"
    policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["ssmmessages:*", "ssm:UpdateInstanceInformation"], Resource = "*" }] })
  }
}
resource "aws_iam_role_policy_attachment" "ro" {
  role       = aws_iam_role.r.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
}
resource "aws_iam_instance_profile" "p" { role = aws_iam_role.r.name }
resource "aws_instance" "i" { iam_instance_profile = aws_iam_instance_profile.p.name }
`
	withConfig(t, src, func(p *hclcheck.Pass) {
		c := p.Config
		rp := policiesOf(c, c.Resource("aws_iam_role.r"))
		if len(rp.managed) != 1 || rp.managed[0].name() != "AmazonS3ReadOnlyAccess" || len(rp.stmts) != 1 || rp.unknown {
			t.Errorf("policies = %+v", rp)
		}
		ms := machines(c)
		if len(ms) != 1 {
			t.Fatalf("machines = %d", len(ms))
		}
		if g := roleGrantsCore(c, ms[0]); g != grantYes {
			t.Errorf("core grant = %v, want yes (inline policy allows every core action)", g)
		}
	})
}

func TestAllows(t *testing.T) {
	sts, ok := jsonStatements(`{"Statement": [
		{"Effect": "Allow", "Action": "ssmmessages:*", "Resource": "*"},
		{"Effect": "Deny", "Action": ["ssmmessages:OpenDataChannel"], "Resource": "*"},
		{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"},
		{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "arn:aws:kms:*:111122223333:key/*"}
	]}`, hcl.Range{})
	if !ok {
		t.Fatal("policy not read")
	}
	for _, c := range []struct {
		action, resource string
		want             grant
	}{
		{"ssmmessages:CreateControlChannel", "", grantYes},
		{"ssmmessages:OpenDataChannel", "", grantNo},    // denied
		{"ssm:UpdateInstanceInformation", "", grantYes}, // through NotAction
		{"iam:PassRole", "", grantNo},
		{"kms:Decrypt", "arn:aws:kms:eu-west-1:111122223333:key/abcd", grantYes},
		{"kms:Decrypt", "arn:aws:kms:eu-west-1:444455556666:key/abcd", grantYes}, // NotAction iam:* allows kms:* on *
	} {
		if got := allows(sts, c.action, c.resource); got != c.want {
			t.Errorf("allows(%s, %s) = %v, want %v", c.action, c.resource, got, c.want)
		}
	}
	// Unknown parts of a resource may be anything: not a certain no.
	unk := []stmt{{effect: "Allow", complete: true,
		actions:   []elem{{value: "ssm:GetParameters"}},
		resources: []elem{{value: "arn:aws:ssm:" + hclcheck.Unknown + ":" + hclcheck.Unknown + ":parameter/app/*"}}}}
	if got := allows(unk, "ssm:GetParameters", "arn:aws:ssm:eu-west-1:111122223333:parameter/app/db"); got != grantUnknown {
		t.Errorf("unknown region/account: %v, want unknown", got)
	}
	if got := allows(unk, "ssm:GetParameters", "arn:aws:ssm:eu-west-1:111122223333:parameter/other/db"); got != grantNo {
		t.Errorf("other path: %v, want no", got)
	}
	if _, ok := jsonStatements(`{"Statement": 5}`, hcl.Range{}); ok {
		t.Error("odd JSON must not be read as a policy")
	}
}

func TestWildcardMatch(t *testing.T) {
	for _, c := range []struct {
		p, s string
		want bool
	}{
		{"arn:aws:ssm:*:*:parameter/app/*", "arn:aws:ssm:eu-west-1:1:parameter/app/db/password", true},
		{"arn:aws:ssm:*:*:parameter/app/*", "arn:aws:ssm:eu-west-1:1:parameter/apps/db", false},
		{"parameter/app/d?", "parameter/app/db", true},
		{"*", "", true},
		{"a*a*a*a*a*a*a*a*a*a*b", strings.Repeat("a", 5000), false},
	} {
		if got := wildcardMatch(c.p, c.s); got != c.want {
			t.Errorf("wildcardMatch(%q, %q) = %v", c.p, c.s, got)
		}
	}
}

func TestParameterARNProblem(t *testing.T) {
	u := hclcheck.Unknown
	for arn, want := range map[string]string{
		"arn:aws:ssm:eu-west-1:123456789012:parameter/app/db":            "",
		"arn:aws:ssm:*:*:parameter/app/*":                                "",
		"arn:aws:ssm:" + u + ":" + u + ":parameter/app/db":               "",
		"arn:aws:ssm:eu-west-1:123456789012:parameter//app/db":           "double slash",
		"arn:aws:ssm:eu-west-1:12345:parameter/app/db":                   "not a 12-digit",
		"arn:aws:ssm:eu_west_1:123456789012:parameter/app/db":            "no Region",
		"arn:aws:ssm:eu-west-1:123456789012:document/AWS-RunShell":       "",
		"arn:aws:s3:::bucket/parameter//x":                               "",
		"arn:aws:ssm:*::parameter/aws/service/ami-amazon-linux-latest/x": "",
	} {
		got := parameterARNProblem(arn)
		if want == "" && got != "" || want != "" && !strings.Contains(got, want) {
			t.Errorf("parameterARNProblem(%q) = %q, want %q", arn, got, want)
		}
	}
}

const associations = `
variable "other_endpoint" { type = string }
resource "aws_vpc" "v" { cidr_block = "10.0.0.0/16" }
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.v.id
  cidr_block = "10.0.1.0/24"
}
resource "aws_subnet" "b" {
  vpc_id     = aws_vpc.v.id
  cidr_block = "10.0.2.0/24"
}
resource "aws_route_table" "a" { vpc_id = aws_vpc.v.id }
resource "aws_route_table" "b" {
  count  = 2
  vpc_id = aws_vpc.v.id
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id          = aws_vpc.v.id
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = [aws_route_table.a.id]
}
resource "aws_vpc_endpoint_route_table_association" "s3" {
  count           = 2
  vpc_endpoint_id = aws_vpc_endpoint.s3.id
  route_table_id  = aws_route_table.b[count.index].id
}
resource "aws_vpc_endpoint_route_table_association" "main" {
  vpc_endpoint_id = aws_vpc_endpoint.s3.id
  route_table_id  = aws_vpc.v.main_route_table_id
}
resource "aws_vpc_endpoint_route_table_association" "elsewhere" {
  vpc_endpoint_id = "vpce-0123456789abcdef0"
  route_table_id  = aws_route_table.a.id
}
resource "aws_security_group" "ep" { vpc_id = aws_vpc.v.id }
resource "aws_security_group" "extra" { vpc_id = aws_vpc.v.id }
resource "aws_vpc_endpoint" "ssm" {
  vpc_id            = aws_vpc.v.id
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = "Interface"
  subnet_ids        = [aws_subnet.a.id]
}
resource "aws_vpc_endpoint_subnet_association" "ssm_b" {
  vpc_endpoint_id = aws_vpc_endpoint.ssm.id
  subnet_id       = aws_subnet.b.id
}
resource "aws_vpc_endpoint_security_group_association" "ssm" {
  vpc_endpoint_id             = aws_vpc_endpoint.ssm.id
  security_group_id           = aws_security_group.ep.id
  replace_default_association = true
}
resource "aws_vpc_endpoint" "ssmmessages" {
  vpc_id              = aws_vpc.v.id
  service_name        = "com.amazonaws.eu-west-1.ssmmessages"
  vpc_endpoint_type   = "Interface"
  security_group_ids  = [aws_security_group.extra.id]
}
resource "aws_vpc_endpoint_security_group_association" "ssmmessages" {
  vpc_endpoint_id   = aws_vpc_endpoint.ssmmessages.id
  security_group_id = aws_security_group.ep.id
}
resource "aws_vpc_endpoint" "ec2messages" {
  vpc_id            = aws_vpc.v.id
  service_name      = "com.amazonaws.eu-west-1.ec2messages"
  vpc_endpoint_type = "Interface"
}
resource "aws_vpc_endpoint_security_group_association" "ec2messages" {
  vpc_endpoint_id   = aws_vpc_endpoint.ec2messages.id
  security_group_id = aws_security_group.ep.id
}
resource "aws_instance" "i" {
  subnet_id              = aws_subnet.a.id
  vpc_security_group_ids = [aws_security_group.extra.id]
}
resource "aws_instance" "other" {
  subnet_id              = aws_subnet.a.id
  vpc_security_group_ids = [aws_security_group.extra.id]
}
resource "aws_network_interface_sg_attachment" "i" {
  security_group_id    = aws_security_group.ep.id
  network_interface_id = aws_instance.i.primary_network_interface_id
}
`

func addrsOf(rs []*hclcheck.Resource) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Addr)
	}
	slices.Sort(out)
	return out
}

func TestEndpointAssociations(t *testing.T) {
	withConfig(t, associations, func(p *hclcheck.Pass) {
		c := p.Config
		r := c.Resource
		tables, known := gatewayRouteTables(c, r("aws_vpc_endpoint.s3"))
		if want := []string{"aws_route_table.a", "aws_route_table.b[0]", "aws_route_table.b[1]", "aws_vpc.v"}; !known || !slices.Equal(addrsOf(tables), want) {
			t.Errorf("s3 route tables = %v (known %v), want %v", addrsOf(tables), known, want)
		}
		s3 := []endpoint{{r: r("aws_vpc_endpoint.s3")}}
		if on, known := gatewayOnTables(c, s3, mainTableNames(c, r("aws_vpc.v"))); !on || !known {
			t.Errorf("main table: on %v known %v, want yes (association through main_route_table_id)", on, known)
		}
		subnets, known := associatedSubnets(c, r("aws_vpc_endpoint.ssm"))
		if !known || !slices.Equal(addrsOf(subnets), []string{"aws_subnet.b"}) {
			t.Errorf("ssm associated subnets = %v (known %v)", addrsOf(subnets), known)
		}
		vpc := r("aws_vpc.v")
		for ep, want := range map[string][]string{
			// replace_default_association: the association's group only.
			"aws_vpc_endpoint.ssm": {"aws_security_group.ep"},
			// security_group_ids and the association.
			"aws_vpc_endpoint.ssmmessages": {"aws_security_group.ep", "aws_security_group.extra"},
		} {
			sgs, known := endpointSecurityGroups(c, r(ep), vpc)
			if !known || !slices.Equal(addrsOf(sgs), want) {
				t.Errorf("%s groups = %v (known %v), want %v", ep, addrsOf(sgs), known, want)
			}
		}
		// The VPC's default group, not managed here, stays on ec2messages.
		if sgs, known := endpointSecurityGroups(c, r("aws_vpc_endpoint.ec2messages"), vpc); known {
			t.Errorf("ec2messages groups = %v, want unknown (AWS's default group)", addrsOf(sgs))
		}
		sgs, known := withAttachedGroups(c, r("aws_instance.i"), []*hclcheck.Resource{r("aws_security_group.extra")}, true)
		if !known || !slices.Equal(addrsOf(sgs), []string{"aws_security_group.ep", "aws_security_group.extra"}) {
			t.Errorf("instance groups = %v (known %v)", addrsOf(sgs), known)
		}
		if sgs, _ := withAttachedGroups(c, r("aws_instance.other"), nil, true); len(sgs) != 0 {
			t.Errorf("other instance got %v", addrsOf(sgs))
		}
	})
}

func TestEndpointAssociationsUnresolved(t *testing.T) {
	src := associations + `
variable "eni" { type = string }
resource "aws_vpc_endpoint_route_table_association" "other_stack" {
  vpc_endpoint_id = var.other_endpoint
  route_table_id  = aws_route_table.b[0].id
}
resource "aws_vpc_endpoint_subnet_association" "other_stack" {
  vpc_endpoint_id = var.other_endpoint
  subnet_id       = aws_subnet.a.id
}
resource "aws_network_interface_sg_attachment" "somewhere" {
  security_group_id    = aws_security_group.ep.id
  network_interface_id = var.eni
}
`
	withConfig(t, src, func(p *hclcheck.Pass) {
		c := p.Config
		r := c.Resource
		s3 := []endpoint{{r: r("aws_vpc_endpoint.s3")}}
		// Another stack's endpoint may be a gateway on b[0], not on a.
		if on, known := gatewayOnTables(c, nil, []*hclcheck.Resource{r("aws_route_table.b[0]")}); on || known {
			t.Errorf("b[0]: on %v known %v, want unknown", on, known)
		}
		if on, known := gatewayOnTables(c, nil, []*hclcheck.Resource{r("aws_route_table.a")}); on || !known {
			t.Errorf("a without gateways: on %v known %v, want a certain no", on, known)
		}
		if on, known := gatewayOnTables(c, s3, []*hclcheck.Resource{r("aws_route_table.a")}); !on || !known {
			t.Errorf("a: on %v known %v, want yes", on, known)
		}
		if _, known := associatedSubnets(c, r("aws_vpc_endpoint.ssm")); known {
			t.Error("subnets known despite an association whose endpoint cannot be told")
		}
		if _, known := withAttachedGroups(c, r("aws_instance.other"), nil, true); known {
			t.Error("groups known despite an attachment whose interface cannot be told")
		}
	})
}
