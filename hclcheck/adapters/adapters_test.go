// The tests are an external package so that they can evaluate the
// adapters with hclcheck, which itself uses this package.
package adapters_test

import (
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/ssmlint/ssmlint/hclcheck"
	"github.com/ssmlint/ssmlint/hclcheck/adapters"
	"github.com/ssmlint/ssmlint/rules"
)

const (
	srcVPC         = "terraform-aws-modules/vpc/aws"
	srcEndpoints   = "terraform-aws-modules/vpc/aws//modules/vpc-endpoints"
	srcEC2Instance = "terraform-aws-modules/ec2-instance/aws"
	srcAutoscaling = "terraform-aws-modules/autoscaling/aws"
)

var allSources = []string{srcVPC, srcEndpoints, srcEC2Instance, srcAutoscaling}

// parsed is an adapter's files, parsed.
type parsed struct {
	dir       string
	files     map[string]*hclsyntax.Body
	variables map[string]bool
	outputs   map[string]bool
	resources map[string]bool // "type.name" and "data.type.name"
}

func parseAdapter(t *testing.T, source string) parsed {
	t.Helper()
	dir, files, ok := adapters.Lookup(source)
	if !ok {
		t.Fatalf("Lookup(%q) found nothing", source)
	}
	p := parsed{dir: dir, files: map[string]*hclsyntax.Body{}, variables: map[string]bool{}, outputs: map[string]bool{}, resources: map[string]bool{}}
	for name, src := range files {
		f, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatalf("%s: %s", name, diags.Error())
		}
		body := f.Body.(*hclsyntax.Body)
		p.files[path.Base(name)] = body
		for _, b := range body.Blocks {
			switch b.Type {
			case "variable":
				p.variables[b.Labels[0]] = true
			case "output":
				p.outputs[b.Labels[0]] = true
			case "resource":
				p.resources[b.Labels[0]+"."+b.Labels[1]] = true
			case "data":
				p.resources["data."+b.Labels[0]+"."+b.Labels[1]] = true
			}
		}
	}
	return p
}

func TestAdaptersParse(t *testing.T) {
	dirs := map[string]bool{}
	for _, src := range allSources {
		t.Run(src, func(t *testing.T) {
			dir, files, _ := adapters.Lookup(src)
			if dirs[dir] {
				t.Errorf("dir %q is used by two adapters", dir)
			}
			dirs[dir] = true
			if !strings.HasPrefix(dir, "adapter:") || path.Clean(dir) != dir {
				t.Errorf("dir %q: want a clean pseudo path starting with adapter:", dir)
			}
			for name := range files {
				if path.Dir(name) != dir {
					t.Errorf("file %q is not directly under %q", name, dir)
				}
			}
			p := parseAdapter(t, src)
			for _, want := range []string{"main.tf", "variables.tf", "outputs.tf"} {
				if p.files[want] == nil {
					t.Errorf("no %s", want)
				}
			}
			_, files, _ = adapters.Lookup(src)
			// The header: the leading comment lines of main.tf, joined.
			var header []string
			for _, line := range strings.Split(string(files[dir+"/main.tf"]), "\n") {
				if !strings.HasPrefix(line, "#") {
					break
				}
				header = append(header, strings.TrimSpace(strings.TrimPrefix(line, "#")))
			}
			text := strings.Join(header, " ")
			for _, want := range []string{"ssmlint adapter for the registry module", "ssmlint's own model of", "written from its documentation", "none of the module's code", "Version line:", "Left out:"} {
				if !strings.Contains(text, want) {
					t.Errorf("main.tf header lacks %q", want)
				}
			}
			for name, src := range files {
				if !strings.HasPrefix(string(src), "#") {
					t.Errorf("%s does not start with a comment", name)
				}
			}
		})
	}
}

// The inputs and outputs stacks commonly use, which each adapter must
// declare.
func TestAdaptersInterface(t *testing.T) {
	cases := []struct {
		source          string
		inputs, outputs []string
		resources       []string
		forbidResources []string
	}{
		{
			source: srcVPC,
			inputs: []string{"name", "cidr", "azs", "private_subnets", "public_subnets", "intra_subnets", "database_subnets",
				"enable_nat_gateway", "single_nat_gateway", "one_nat_gateway_per_az", "create_igw", "manage_default_security_group",
				"tags", "create_vpc", "enable_dns_hostnames", "enable_dns_support", "create_database_subnet_route_table"},
			outputs: []string{"vpc_id", "vpc_cidr_block", "private_subnets", "public_subnets", "intra_subnets", "database_subnets",
				"private_route_table_ids", "public_route_table_ids", "intra_route_table_ids", "database_route_table_ids",
				"natgw_ids", "igw_id", "default_security_group_id", "azs", "private_subnets_cidr_blocks", "public_subnets_cidr_blocks"},
			resources: []string{"aws_vpc.this", "aws_internet_gateway.this", "aws_subnet.public", "aws_subnet.private", "aws_subnet.intra",
				"aws_subnet.database", "aws_route_table.public", "aws_route_table.private", "aws_route_table.intra", "aws_nat_gateway.this",
				"aws_route.private_nat_gateway", "aws_route.public_internet_gateway", "aws_route_table_association.public",
				"aws_route_table_association.private", "aws_route_table_association.intra", "aws_route_table_association.database",
				"aws_default_security_group.this", "aws_default_route_table.default"},
		},
		{
			source: srcEndpoints,
			inputs: []string{"vpc_id", "endpoints", "security_group_ids", "subnet_ids", "create_security_group", "security_group_name",
				"security_group_rules", "create", "tags"},
			outputs:   []string{"endpoints", "security_group_id"},
			resources: []string{"aws_vpc_endpoint.this", "aws_security_group.this", "aws_security_group_rule.this", "data.aws_vpc_endpoint_service.this"},
		},
		{
			source: srcEC2Instance,
			inputs: []string{"name", "ami", "instance_type", "subnet_id", "vpc_security_group_ids", "iam_instance_profile",
				"create_iam_instance_profile", "iam_role_name", "iam_role_policies", "associate_public_ip_address", "availability_zone",
				"create", "tags", "create_security_group", "security_group_egress_rules"},
			outputs:   []string{"id", "arn", "private_ip", "iam_role_name", "iam_role_arn", "iam_instance_profile_id", "iam_instance_profile_arn", "security_group_id"},
			resources: []string{"aws_instance.this", "aws_iam_role.this", "aws_iam_role_policy_attachment.this", "aws_iam_instance_profile.this", "aws_security_group.this"},
		},
		{
			source: srcAutoscaling,
			inputs: []string{"name", "vpc_zone_identifier", "security_groups", "create_launch_template", "launch_template_id",
				"launch_template_name", "image_id", "instance_type", "iam_instance_profile_arn", "iam_instance_profile_name",
				"create_iam_instance_profile", "iam_role_policies", "iam_role_name", "tags", "create"},
			outputs: []string{"autoscaling_group_id", "autoscaling_group_name", "autoscaling_group_arn", "launch_template_id",
				"iam_role_name", "iam_role_arn", "iam_instance_profile_arn", "iam_instance_profile_id"},
			resources: []string{"aws_launch_template.this", "aws_autoscaling_group.this", "aws_iam_role.this", "aws_iam_role_policy_attachment.this", "aws_iam_instance_profile.this"},
		},
	}
	for _, c := range cases {
		t.Run(c.source, func(t *testing.T) {
			p := parseAdapter(t, c.source)
			for _, v := range c.inputs {
				if !p.variables[v] {
					t.Errorf("input %q is not declared", v)
				}
			}
			for _, o := range c.outputs {
				if !p.outputs[o] {
					t.Errorf("output %q is not declared", o)
				}
			}
			for _, r := range c.resources {
				if !p.resources[r] {
					t.Errorf("resource %q is not declared", r)
				}
			}
		})
	}
}

func TestLookup(t *testing.T) {
	match := map[string]string{
		"terraform-aws-modules/vpc/aws":                                              "adapter:terraform-aws-modules/vpc/aws",
		"registry.terraform.io/terraform-aws-modules/vpc/aws":                        "adapter:terraform-aws-modules/vpc/aws",
		"Registry.Terraform.io/Terraform-AWS-Modules/VPC/AWS":                        "adapter:terraform-aws-modules/vpc/aws",
		" terraform-aws-modules/vpc/aws ":                                            "adapter:terraform-aws-modules/vpc/aws",
		"terraform-aws-modules/vpc/aws//modules/vpc-endpoints":                       "adapter:terraform-aws-modules/vpc/aws/modules/vpc-endpoints",
		"terraform-aws-modules/vpc/aws//modules/vpc-endpoints/":                      "adapter:terraform-aws-modules/vpc/aws/modules/vpc-endpoints",
		"registry.terraform.io/terraform-aws-modules/vpc/aws//modules/vpc-endpoints": "adapter:terraform-aws-modules/vpc/aws/modules/vpc-endpoints",
		"terraform-aws-modules/ec2-instance/aws":                                     "adapter:terraform-aws-modules/ec2-instance/aws",
		"registry.terraform.io/terraform-aws-modules/ec2-instance/aws":               "adapter:terraform-aws-modules/ec2-instance/aws",
		"terraform-aws-modules/autoscaling/aws":                                      "adapter:terraform-aws-modules/autoscaling/aws",
		"registry.terraform.io/terraform-aws-modules/autoscaling/aws":                "adapter:terraform-aws-modules/autoscaling/aws",
	}
	for src, want := range match {
		dir, files, ok := adapters.Lookup(src)
		if !ok || dir != want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", src, dir, ok, want)
			continue
		}
		if len(files) == 0 {
			t.Errorf("Lookup(%q) gave no files", src)
		}
	}
	for _, src := range []string{
		"",
		"github.com/terraform-aws-modules/terraform-aws-vpc",
		"git::https://github.com/terraform-aws-modules/terraform-aws-vpc.git",
		"git::https://github.com/terraform-aws-modules/terraform-aws-vpc.git?ref=v5.8.1",
		"git::https://github.com/terraform-aws-modules/terraform-aws-vpc.git//modules/vpc-endpoints?ref=v5.8.1",
		"git@github.com:terraform-aws-modules/terraform-aws-vpc.git",
		"https://example.com/terraform-aws-vpc.zip",
		"s3::https://s3-eu-west-1.amazonaws.com/bucket/vpc.zip",
		"terraform-aws-modules/vpc/aws?ref=v5.8.1",
		"./modules/vpc",
		"../vpc",
		"./terraform-aws-modules/vpc/aws",
		"/abs/terraform-aws-modules/vpc/aws",
		"terraform-aws-modules/vpc",
		"terraform-aws-modules/vpc/google",
		"terraform-aws-modules/s3-bucket/aws",
		"terraform-aws-modules/vpc/aws//modules/flow-log",
		"terraform-aws-modules/vpc/aws//wrappers/vpc-endpoints",
		"terraform-aws-modules/vpc/aws//modules/vpc-endpoints//x",
		"terraform-aws-modules/ec2-instance/aws//wrappers",
		"app.terraform.io/terraform-aws-modules/vpc/aws",
		"registry.terraform.io:443/terraform-aws-modules/vpc/aws",
		"example.com/terraform-aws-modules/vpc/aws",
		"my-org/vpc/aws",
	} {
		if dir, _, ok := adapters.Lookup(src); ok {
			t.Errorf("Lookup(%q) = %q; want no match", src, dir)
		}
	}
}

// The version constraint is an attribute of its own: a call that pins it
// still has the plain registry source.
func TestLookupWithPinnedVersion(t *testing.T) {
	src := `
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.8"
}
module "endpoints" {
  source  = "registry.terraform.io/terraform-aws-modules/vpc/aws//modules/vpc-endpoints"
  version = "5.8.1"
}
`
	f, diags := hclsyntax.ParseConfig([]byte(src), "main.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, b := range f.Body.(*hclsyntax.Body).Blocks {
		v, diags := b.Body.Attributes["source"].Expr.Value(nil)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		if _, _, ok := adapters.Lookup(v.AsString()); !ok {
			t.Errorf("module %s: source %q not matched", b.Labels[0], v.AsString())
		}
	}
}

// Callers get their own map each time.
func TestLookupFreshMaps(t *testing.T) {
	dir, a, _ := adapters.Lookup(srcVPC)
	delete(a, dir+"/main.tf")
	if _, b, _ := adapters.Lookup(srcVPC); b[dir+"/main.tf"] == nil {
		t.Fatal("deleting from one result changed the next")
	}
}

// stack writes the given adapters as local modules under a temporary
// root (modules/<name>, called as ./modules/<name>) next to main.tf,
// checks that a scan reports no errors, and runs fn on the evaluated
// configuration.
func stack(t *testing.T, modules map[string]string, mainTF string, fn func(t *testing.T, c *hclcheck.Config)) {
	t.Helper()
	root := t.TempDir()
	for name, source := range modules {
		_, files, ok := adapters.Lookup(source)
		if !ok {
			t.Fatalf("no adapter for %s", source)
		}
		d := filepath.Join(root, "modules", name)
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		for n, b := range files {
			if err := os.WriteFile(filepath.Join(d, path.Base(n)), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.WriteFile(filepath.Join(root, "main.tf"), []byte(mainTF), 0o644); err != nil {
		t.Fatal(err)
	}
	res := hclcheck.Scan(root, hclcheck.LoadOptions{}, hclcheck.EvalOptions{}, nil, hclcheck.Settings{})
	for _, e := range res.Errors {
		t.Errorf("scan error: %v", e)
	}
	if res.Configs != 1 {
		t.Errorf("scan checked %d configurations, want 1 (the adapters must be called, not roots)", res.Configs)
	}
	ran := false
	check := hclcheck.Check{
		Rule: &rules.Rule{ID: "SSM999", Name: "t", Severity: rules.Info},
		Run: func(p *hclcheck.Pass) {
			ran = true
			fn(t, p.Config)
		},
	}
	res = hclcheck.Scan(root, hclcheck.LoadOptions{}, hclcheck.EvalOptions{}, []hclcheck.Check{check}, hclcheck.Settings{Workers: 1})
	for _, e := range res.Errors {
		t.Errorf("scan error: %v", e)
	}
	if !ran {
		t.Fatal("the check did not run")
	}
}

// addrs lists the addresses of resources.
func addrs(rs []*hclcheck.Resource) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Addr)
	}
	slices.Sort(out)
	return out
}

// refs lists the addresses an attribute refers to.
func refs(t *testing.T, c *hclcheck.Config, r *hclcheck.Resource, attr string) []string {
	t.Helper()
	a := r.Body.Attr(attr)
	if a == nil {
		t.Fatalf("%s has no %s", r.Addr, attr)
	}
	return addrs(c.Referenced(a))
}

func resource(t *testing.T, c *hclcheck.Config, addr string) *hclcheck.Resource {
	t.Helper()
	r := c.Resource(addr)
	if r == nil {
		t.Fatalf("no resource %s; have %v", addr, addrs(c.Resources("")))
	}
	return r
}

func str(t *testing.T, r *hclcheck.Resource, attr string) string {
	t.Helper()
	s, _, ok := hclcheck.AttrString(r.Body, attr)
	if !ok {
		t.Fatalf("%s.%s is not a known string", r.Addr, attr)
	}
	return s
}

// routesTo counts the aws_route instances with a known destination and a
// target attribute that refers to something.
func routesTo(c *hclcheck.Config, target string) int {
	n := 0
	for _, r := range c.Resources("aws_route") {
		if a := r.Body.Attr(target); a != nil && len(a.Refs()) > 0 {
			n++
		}
	}
	return n
}

func wantCount(t *testing.T, c *hclcheck.Config, typ string, want int) {
	t.Helper()
	if got := len(c.Resources(typ)); got != want {
		t.Errorf("%d %s, want %d: %v", got, typ, want, addrs(c.Resources(typ)))
	}
}

func wantRefs(t *testing.T, c *hclcheck.Config, addr, attr string, want ...string) {
	t.Helper()
	got := refs(t, c, resource(t, c, addr), attr)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("%s.%s refers to %v, want %v", addr, attr, got, want)
	}
}

const vpcCall = `
module "vpc" {
  source = "./modules/vpc"

  name            = "main"
  cidr            = "10.0.0.0/16"
  azs             = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  private_subnets = ["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"]
  public_subnets  = ["10.0.101.0/24", "10.0.102.0/24", "10.0.103.0/24"]
  intra_subnets   = ["10.0.51.0/24", "10.0.52.0/24"]
  database_subnets = ["10.0.21.0/24", "10.0.22.0/24"]
%s
}

resource "aws_instance" "app" {
  ami       = "ami-12345678"
  subnet_id = module.vpc.private_subnets[1]
}
`

func TestVPCAdapter(t *testing.T) {
	cases := []struct {
		name   string
		args   string
		nat    int // NAT gateways, private route tables, routes to NAT
		tables int // private route tables
		check  func(t *testing.T, c *hclcheck.Config)
	}{
		{
			name: "no NAT", args: `enable_nat_gateway = false`, nat: 0, tables: 3,
			check: func(t *testing.T, c *hclcheck.Config) {
				// Intra subnets share one table with no route at all.
				wantRefs(t, c, "module.vpc.aws_route_table_association.intra[1]", "route_table_id", "module.vpc.aws_route_table.intra[0]")
				// Database subnets use the private tables.
				wantRefs(t, c, "module.vpc.aws_route_table_association.database[1]", "route_table_id", "module.vpc.aws_route_table.private[1]")
			},
		},
		{
			name: "NAT per subnet", args: `enable_nat_gateway = true`, nat: 3, tables: 3,
			check: func(t *testing.T, c *hclcheck.Config) {
				wantRefs(t, c, "module.vpc.aws_route_table_association.private[2]", "route_table_id", "module.vpc.aws_route_table.private[2]")
				wantRefs(t, c, "module.vpc.aws_route.private_nat_gateway[2]", "route_table_id", "module.vpc.aws_route_table.private[2]")
				wantRefs(t, c, "module.vpc.aws_route.private_nat_gateway[2]", "nat_gateway_id", "module.vpc.aws_nat_gateway.this[2]")
				wantRefs(t, c, "module.vpc.aws_nat_gateway.this[2]", "subnet_id", "module.vpc.aws_subnet.public[2]")
				if s := str(t, resource(t, c, "module.vpc.aws_route.private_nat_gateway[0]"), "destination_cidr_block"); s != "0.0.0.0/0" {
					t.Errorf("NAT route destination %q", s)
				}
			},
		},
		{
			name: "single NAT", args: "enable_nat_gateway = true\nsingle_nat_gateway = true", nat: 1, tables: 1,
			check: func(t *testing.T, c *hclcheck.Config) {
				for i := range 3 {
					wantRefs(t, c, "module.vpc.aws_route_table_association.private["+string(rune('0'+i))+"]", "route_table_id", "module.vpc.aws_route_table.private[0]")
				}
				wantRefs(t, c, "module.vpc.aws_nat_gateway.this[0]", "subnet_id", "module.vpc.aws_subnet.public[0]")
			},
		},
		{
			name: "one NAT per AZ", args: "enable_nat_gateway = true\none_nat_gateway_per_az = true", nat: 3, tables: 3,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			stack(t, map[string]string{"vpc": srcVPC}, strings.Replace(vpcCall, "%s", tc.args, 1), func(t *testing.T, c *hclcheck.Config) {
				wantCount(t, c, "aws_vpc", 1)
				wantCount(t, c, "aws_subnet", 10)
				wantCount(t, c, "aws_internet_gateway", 1)
				wantCount(t, c, "aws_nat_gateway", tc.nat)
				wantCount(t, c, "aws_eip", tc.nat)
				wantCount(t, c, "aws_route_table", 1+tc.tables+1) // public, private, intra
				wantCount(t, c, "aws_route_table_association", 10)
				if n := routesTo(c, "nat_gateway_id"); n != tc.nat {
					t.Errorf("%d routes to a NAT gateway, want %d", n, tc.nat)
				}
				if n := routesTo(c, "gateway_id"); n != 1 {
					t.Errorf("%d routes to the internet gateway, want 1", n)
				}
				wantRefs(t, c, "module.vpc.aws_route.public_internet_gateway[0]", "gateway_id", "module.vpc.aws_internet_gateway.this[0]")
				wantRefs(t, c, "module.vpc.aws_route_table_association.public[2]", "route_table_id", "module.vpc.aws_route_table.public[0]")

				// The root's instance sits in the second private subnet,
				// whose address and AZ are known.
				app := resource(t, c, "aws_instance.app")
				wantRefs(t, c, "aws_instance.app", "subnet_id", "module.vpc.aws_subnet.private[1]")
				sub := c.Referenced(app.Body.Attr("subnet_id"))[0]
				if got := str(t, sub, "cidr_block"); got != "10.0.2.0/24" {
					t.Errorf("subnet CIDR %q", got)
				}
				if got := str(t, sub, "availability_zone"); got != "eu-west-1b" {
					t.Errorf("subnet AZ %q", got)
				}
				wantRefs(t, c, "module.vpc.aws_route_table_association.private[1]", "subnet_id", "module.vpc.aws_subnet.private[1]")

				// The adopted default security group has no rule.
				sg := resource(t, c, "module.vpc.aws_default_security_group.this[0]")
				if n := len(sg.Body.Blocks("ingress")) + len(sg.Body.Blocks("egress")); n != 0 {
					t.Errorf("default security group has %d rules", n)
				}
				if tc.check != nil {
					tc.check(t, c)
				}
			})
		})
	}
}

func TestVPCAdapterOneNATPerAZ(t *testing.T) {
	// Four private subnets over two AZs: subnets 2 and 3 wrap around to
	// the tables of AZ a and b.
	main := `
module "vpc" {
  source = "./modules/vpc"

  azs                    = ["eu-west-1a", "eu-west-1b"]
  private_subnets        = ["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24", "10.0.4.0/24"]
  public_subnets         = ["10.0.101.0/24", "10.0.102.0/24"]
  enable_nat_gateway     = true
  one_nat_gateway_per_az = true
}
`
	stack(t, map[string]string{"vpc": srcVPC}, main, func(t *testing.T, c *hclcheck.Config) {
		wantCount(t, c, "aws_nat_gateway", 2)
		wantCount(t, c, "aws_subnet", 6)
		if n := routesTo(c, "nat_gateway_id"); n != 2 {
			t.Errorf("%d routes to a NAT gateway, want 2", n)
		}
		wantRefs(t, c, "module.vpc.aws_route_table_association.private[3]", "route_table_id", "module.vpc.aws_route_table.private[1]")
		sub := resource(t, c, "module.vpc.aws_subnet.private[2]")
		if got := str(t, sub, "availability_zone"); got != "eu-west-1a" {
			t.Errorf("subnet AZ %q", got)
		}
	})
}

func TestVPCAdapterNothing(t *testing.T) {
	// Public subnets fewer than AZs with one NAT per AZ: the module creates
	// no public subnet; create_vpc = false creates nothing at all.
	main := `
module "few_public" {
  source = "./modules/vpc"

  azs                    = ["eu-west-1a", "eu-west-1b"]
  public_subnets         = ["10.0.101.0/24"]
  one_nat_gateway_per_az = true
}

module "off" {
  source = "./modules/vpc"

  create_vpc      = false
  azs             = ["eu-west-1a"]
  private_subnets = ["10.0.1.0/24"]
}
`
	stack(t, map[string]string{"vpc": srcVPC}, main, func(t *testing.T, c *hclcheck.Config) {
		wantCount(t, c, "aws_vpc", 1)
		wantCount(t, c, "aws_subnet", 0)
		wantCount(t, c, "aws_default_security_group", 1)
	})
}

func TestEndpointsAdapter(t *testing.T) {
	main := `
module "vpc" {
  source = "./modules/vpc"

  cidr            = "10.0.0.0/16"
  azs             = ["eu-west-1a", "eu-west-1b"]
  private_subnets = ["10.0.1.0/24", "10.0.2.0/24"]
}

resource "aws_security_group" "app" {
  vpc_id = module.vpc.vpc_id
}

locals {
  ssm_services = toset(["ssm", "ssmmessages", "ec2messages"])
}

module "endpoints" {
  source = "./modules/endpoints"

  vpc_id                = module.vpc.vpc_id
  create_security_group = true
  security_group_rules = {
    https = { description = "HTTPS from the VPC", cidr_blocks = [module.vpc.vpc_cidr_block] }
  }

  endpoints = merge(
    { for s in local.ssm_services : s => {
      service             = s
      private_dns_enabled = s != "ec2messages"
      subnet_ids          = module.vpc.private_subnets
    } },
    {
      s3     = { service = "s3", service_type = "Gateway", route_table_ids = module.vpc.private_route_table_ids }
      logs   = { service = "logs", subnet_ids = [module.vpc.private_subnets[0]], security_group_ids = [aws_security_group.app.id] }
      kms    = { service = "kms", create = false }
      custom = { service_endpoint = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0" }
    },
  )
}
`
	stack(t, map[string]string{"vpc": srcVPC, "endpoints": srcEndpoints}, main, func(t *testing.T, c *hclcheck.Config) {
		got := addrs(c.Resources("aws_vpc_endpoint"))
		want := []string{
			`module.endpoints.aws_vpc_endpoint.this["custom"]`,
			`module.endpoints.aws_vpc_endpoint.this["ec2messages"]`,
			`module.endpoints.aws_vpc_endpoint.this["logs"]`,
			`module.endpoints.aws_vpc_endpoint.this["s3"]`,
			`module.endpoints.aws_vpc_endpoint.this["ssm"]`,
			`module.endpoints.aws_vpc_endpoint.this["ssmmessages"]`,
		}
		if !slices.Equal(got, want) {
			t.Fatalf("endpoints %v, want %v", got, want)
		}
		sg := "module.endpoints.aws_security_group.this[0]"
		subnets := []string{"module.vpc.aws_subnet.private[0]", "module.vpc.aws_subnet.private[1]"}
		for _, svc := range []string{"ssm", "ssmmessages", "ec2messages", "logs"} {
			addr := `module.endpoints.aws_vpc_endpoint.this["` + svc + `"]`
			ep := resource(t, c, addr)
			if got := str(t, ep, "vpc_endpoint_type"); got != "Interface" {
				t.Errorf("%s type %q, want the module's default Interface", svc, got)
			}
			// The service is looked up from the entry's `service`.
			var service string
			for _, d := range c.Referenced(ep.Body.Attr("service_name")) {
				if d.IsData() && d.Type() == "aws_vpc_endpoint_service" {
					service = str(t, d, "service")
				}
			}
			if service != svc {
				t.Errorf("%s: service_name resolves to service %q", addr, service)
			}
			wantRefs(t, c, addr, "vpc_id", "module.vpc.aws_vpc.this[0]")
			if svc == "logs" {
				wantRefs(t, c, addr, "subnet_ids", subnets[0])
				wantRefs(t, c, addr, "security_group_ids", sg, "aws_security_group.app")
			} else {
				wantRefs(t, c, addr, "subnet_ids", subnets...)
				wantRefs(t, c, addr, "security_group_ids", sg)
			}
		}
		// private_dns_enabled: the entry's value; unset (null, the
		// provider's default false) when the entry does not give it.
		for svc, want := range map[string]cty.Value{"ssm": cty.True, "ssmmessages": cty.True, "ec2messages": cty.False, "logs": cty.NullVal(cty.DynamicPseudoType)} {
			ep := resource(t, c, `module.endpoints.aws_vpc_endpoint.this["`+svc+`"]`)
			got, _ := ep.Body.Attr("private_dns_enabled").Value().UnmarkDeep()
			if got.IsNull() != want.IsNull() || !got.IsNull() && !got.RawEquals(want) {
				t.Errorf("%s private_dns_enabled = %#v, want %#v", svc, got, want)
			}
		}
		s3 := resource(t, c, `module.endpoints.aws_vpc_endpoint.this["s3"]`)
		if got := str(t, s3, "vpc_endpoint_type"); got != "Gateway" {
			t.Errorf("s3 type %q", got)
		}
		wantRefs(t, c, `module.endpoints.aws_vpc_endpoint.this["s3"]`, "route_table_ids", "module.vpc.aws_route_table.private[0]", "module.vpc.aws_route_table.private[1]")
		for _, a := range []string{"subnet_ids", "security_group_ids", "private_dns_enabled"} {
			if v := s3.Body.Attr(a).Value(); !v.IsNull() {
				t.Errorf("s3 gateway endpoint has %s = %#v", a, v)
			}
		}
		custom := resource(t, c, `module.endpoints.aws_vpc_endpoint.this["custom"]`)
		if got := str(t, custom, "service_name"); got != "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0" {
			t.Errorf("custom service_name %q", got)
		}

		// The created group admits 443 from the VPC CIDR.
		wantCount(t, c, "aws_security_group", 2)
		rules := c.Resources("aws_security_group_rule")
		if len(rules) != 1 {
			t.Fatalf("%d security group rules", len(rules))
		}
		r := rules[0]
		for attr, want := range map[string]string{"type": "ingress", "protocol": "tcp", "from_port": "443", "to_port": "443", "description": "HTTPS from the VPC"} {
			if got := str(t, r, attr); got != want {
				t.Errorf("rule %s = %q, want %q", attr, got, want)
			}
		}
		cidrs, _ := r.Body.Attr("cidr_blocks").Value().UnmarkDeep()
		if !cidrs.IsWhollyKnown() || cidrs.LengthInt() != 1 || cidrs.Index(cty.NumberIntVal(0)).AsString() != "10.0.0.0/16" {
			t.Errorf("rule cidr_blocks = %#v", cidrs)
		}
		wantRefs(t, c, r.Addr, "security_group_id", sg)
	})
}

func TestEndpointsAdapterDefaults(t *testing.T) {
	// No security group of its own unless asked; module-wide lists apply to
	// Interface endpoints only; create = false creates nothing.
	main := `
resource "aws_subnet" "a" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.1.0/24"
}

module "endpoints" {
  source = "./modules/endpoints"

  vpc_id     = "vpc-1"
  subnet_ids = [aws_subnet.a.id]
  endpoints = {
    for s in ["ssm", "ssmmessages", "ec2messages"] : s => { service = s }
  }
}

module "off" {
  source = "./modules/endpoints"

  create    = false
  endpoints = { ssm = { service = "ssm" } }
}
`
	stack(t, map[string]string{"endpoints": srcEndpoints}, main, func(t *testing.T, c *hclcheck.Config) {
		wantCount(t, c, "aws_vpc_endpoint", 3)
		wantCount(t, c, "aws_security_group", 0)
		wantCount(t, c, "aws_security_group_rule", 0)
		for _, ep := range c.Resources("aws_vpc_endpoint") {
			if !strings.HasPrefix(ep.Addr, "module.endpoints.") {
				t.Errorf("unexpected %s", ep.Addr)
			}
			wantRefs(t, c, ep.Addr, "subnet_ids", "aws_subnet.a")
			if v := ep.Body.Attr("security_group_ids").Value(); !v.IsKnown() || !v.IsNull() {
				t.Errorf("%s security_group_ids = %#v, want null (the VPC default group)", ep.Addr, v)
			}
			if v := ep.Body.Attr("private_dns_enabled").Value(); !v.IsKnown() || !v.IsNull() {
				t.Errorf("%s private_dns_enabled = %#v, want null", ep.Addr, v)
			}
		}
	})
}

func TestEC2InstanceAdapter(t *testing.T) {
	main := `
resource "aws_subnet" "a" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.1.0/24"
}

resource "aws_security_group" "app" {
  vpc_id = "vpc-1"
}

resource "aws_iam_policy" "extra" {
  policy = "{}"
}

module "managed" {
  source = "./modules/ec2"

  name                        = "app"
  ami                         = "ami-12345678"
  subnet_id                   = aws_subnet.a.id
  vpc_security_group_ids      = [aws_security_group.app.id]
  create_iam_instance_profile = true
  iam_role_policies = {
    core  = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
    extra = aws_iam_policy.extra.arn
  }
}

module "plain" {
  source = "./modules/ec2"

  name                   = "plain"
  subnet_id              = aws_subnet.a.id
  vpc_security_group_ids = [aws_security_group.app.id]
  create_security_group  = false
  iam_instance_profile   = "existing-profile"
}
`
	stack(t, map[string]string{"ec2": srcEC2Instance}, main, func(t *testing.T, c *hclcheck.Config) {
		wantCount(t, c, "aws_instance", 2)
		wantCount(t, c, "aws_iam_role", 1)
		wantCount(t, c, "aws_iam_instance_profile", 1)
		wantCount(t, c, "aws_iam_role_policy_attachment", 2)
		wantCount(t, c, "aws_security_group", 2) // app, and the module's own for "managed"
		wantCount(t, c, "aws_vpc_security_group_egress_rule", 2)

		inst := "module.managed.aws_instance.this[0]"
		wantRefs(t, c, inst, "subnet_id", "aws_subnet.a")
		wantRefs(t, c, inst, "vpc_security_group_ids", "aws_security_group.app", "module.managed.aws_security_group.this[0]")
		wantRefs(t, c, inst, "iam_instance_profile", "module.managed.aws_iam_instance_profile.this[0]")
		wantRefs(t, c, "module.managed.aws_iam_instance_profile.this[0]", "role", "module.managed.aws_iam_role.this[0]")
		core := `module.managed.aws_iam_role_policy_attachment.this["core"]`
		wantRefs(t, c, core, "role", "module.managed.aws_iam_role.this[0]")
		if got := str(t, resource(t, c, core), "policy_arn"); got != "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore" {
			t.Errorf("policy_arn %q", got)
		}
		wantRefs(t, c, `module.managed.aws_iam_role_policy_attachment.this["extra"]`, "policy_arn", "aws_iam_policy.extra")

		// The module's group lets everything out.
		for _, r := range c.Resources("aws_vpc_security_group_egress_rule") {
			if got := str(t, r, "ip_protocol"); got != "-1" {
				t.Errorf("%s ip_protocol %q", r.Addr, got)
			}
			wantRefs(t, c, r.Addr, "security_group_id", "module.managed.aws_security_group.this[0]")
		}

		plain := resource(t, c, "module.plain.aws_instance.this[0]")
		if got := str(t, plain, "iam_instance_profile"); got != "existing-profile" {
			t.Errorf("plain profile %q", got)
		}
		wantRefs(t, c, plain.Addr, "vpc_security_group_ids", "aws_security_group.app")
	})
}

func TestAutoscalingAdapter(t *testing.T) {
	main := `
resource "aws_subnet" "a" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.1.0/24"
}

resource "aws_subnet" "b" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.2.0/24"
}

resource "aws_security_group" "app" {
  vpc_id = "vpc-1"
}

module "asg" {
  source = "./modules/asg"

  name                        = "web"
  vpc_zone_identifier         = [aws_subnet.a.id, aws_subnet.b.id]
  security_groups             = [aws_security_group.app.id]
  image_id                    = "ami-12345678"
  instance_type               = "t3.micro"
  create_iam_instance_profile = true
  iam_role_name               = "web"
  iam_role_policies           = { core = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore" }
  tags                        = { "Patch Group" = "web" }
}

module "by_name" {
  source = "./modules/asg"

  name                      = "worker"
  vpc_zone_identifier       = [aws_subnet.a.id]
  iam_instance_profile_name = "existing"
  use_mixed_instances_policy = true
}
`
	stack(t, map[string]string{"asg": srcAutoscaling}, main, func(t *testing.T, c *hclcheck.Config) {
		wantCount(t, c, "aws_autoscaling_group", 2)
		wantCount(t, c, "aws_launch_template", 2)
		wantCount(t, c, "aws_iam_role", 1)
		wantCount(t, c, "aws_iam_role_policy_attachment", 1)

		asg := resource(t, c, "module.asg.aws_autoscaling_group.this[0]")
		wantRefs(t, c, asg.Addr, "vpc_zone_identifier", "aws_subnet.a", "aws_subnet.b")
		lts := asg.Body.Blocks("launch_template")
		if len(lts) != 1 || lts[0].Uncertain {
			t.Fatalf("%d launch_template blocks", len(lts))
		}
		if got := addrs(c.Referenced(lts[0].Attr("id"))); !slices.Equal(got, []string{"module.asg.aws_launch_template.this[0]"}) {
			t.Errorf("launch_template id refers to %v", got)
		}
		tagged := false
		for _, tag := range asg.Body.Blocks("tag") {
			k, _, _ := hclcheck.AttrString(tag, "key")
			v, _, _ := hclcheck.AttrString(tag, "value")
			p, _, _ := hclcheck.AttrString(tag, "propagate_at_launch")
			if k == "Patch Group" && v == "web" && p == "true" {
				tagged = true
			}
		}
		if !tagged {
			t.Error("the Patch Group tag is not propagated at launch")
		}

		lt := resource(t, c, "module.asg.aws_launch_template.this[0]")
		wantRefs(t, c, lt.Addr, "vpc_security_group_ids", "aws_security_group.app")
		profiles := lt.Body.Blocks("iam_instance_profile")
		if len(profiles) != 1 || profiles[0].Uncertain || profiles[0].Attr("name") != nil {
			t.Fatalf("launch template profile blocks: %d", len(profiles))
		}
		if got := addrs(c.Referenced(profiles[0].Attr("arn"))); !slices.Equal(got, []string{"module.asg.aws_iam_instance_profile.this[0]"}) {
			t.Errorf("profile arn refers to %v", got)
		}
		wantRefs(t, c, "module.asg.aws_iam_instance_profile.this[0]", "role", "module.asg.aws_iam_role.this[0]")
		wantRefs(t, c, `module.asg.aws_iam_role_policy_attachment.this["core"]`, "role", "module.asg.aws_iam_role.this[0]")

		// A profile given by name, and the template in a mixed instances
		// policy.
		w := resource(t, c, "module.by_name.aws_autoscaling_group.this[0]")
		if n := len(w.Body.Blocks("launch_template")); n != 0 {
			t.Errorf("%d launch_template blocks with a mixed instances policy", n)
		}
		var specs []string
		for _, m := range w.Body.Blocks("mixed_instances_policy") {
			for _, l := range m.Blocks("launch_template") {
				for _, s := range l.Blocks("launch_template_specification") {
					specs = append(specs, addrs(c.Referenced(s.Attr("launch_template_id")))...)
				}
			}
		}
		if !slices.Equal(specs, []string{"module.by_name.aws_launch_template.this[0]"}) {
			t.Errorf("mixed instances policy uses %v", specs)
		}
		profiles = resource(t, c, "module.by_name.aws_launch_template.this[0]").Body.Blocks("iam_instance_profile")
		if len(profiles) != 1 || profiles[0].Attr("arn") != nil {
			t.Fatalf("by_name profile blocks: %d", len(profiles))
		}
		if got, _, _ := hclcheck.AttrString(profiles[0], "name"); got != "existing" {
			t.Errorf("profile name %q", got)
		}
	})
}

func TestVPCAdapterDatabaseTablesIPv6VPN(t *testing.T) {
	main := `
module "vpc" {
  source = "./modules/vpc"

  azs                                = ["eu-west-1a", "eu-west-1b"]
  private_subnets                    = ["10.0.1.0/24", "10.0.2.0/24"]
  public_subnets                     = ["10.0.101.0/24", "10.0.102.0/24"]
  database_subnets                   = ["10.0.21.0/24", "10.0.22.0/24"]
  enable_nat_gateway                 = true
  create_database_subnet_route_table = true
  create_database_nat_gateway_route  = true
  enable_ipv6                        = true
  enable_vpn_gateway                 = true
  propagate_private_route_tables_vgw = true
}
`
	stack(t, map[string]string{"vpc": srcVPC}, main, func(t *testing.T, c *hclcheck.Config) {
		wantCount(t, c, "aws_route_table", 1+2+2) // public, private, database
		wantRefs(t, c, "module.vpc.aws_route_table_association.database[1]", "route_table_id", "module.vpc.aws_route_table.database[1]")
		wantRefs(t, c, "module.vpc.aws_route.database_nat_gateway[1]", "route_table_id", "module.vpc.aws_route_table.database[1]")
		wantRefs(t, c, "module.vpc.aws_route.database_nat_gateway[1]", "nat_gateway_id", "module.vpc.aws_nat_gateway.this[1]")
		if n := routesTo(c, "nat_gateway_id"); n != 4 {
			t.Errorf("%d routes to a NAT gateway, want 4 (2 private, 2 database)", n)
		}
		if n := routesTo(c, "egress_only_gateway_id"); n != 2 {
			t.Errorf("%d IPv6 egress-only routes, want 2", n)
		}
		wantCount(t, c, "aws_vpn_gateway", 1)
		wantCount(t, c, "aws_vpn_gateway_route_propagation", 2)
		wantRefs(t, c, "module.vpc.aws_vpn_gateway_route_propagation.private[1]", "route_table_id", "module.vpc.aws_route_table.private[1]")
	})
}
