package bench

import (
	"fmt"
	"strings"
)

// example writes examples/NAME: a root calling the shared module at the
// corpus root, as module repositories ship them by the hundred.
func (g *gen) example(i int) {
	app, variant := g.pickOf(apps), g.pickOf(variants)
	dir := fmt.Sprintf("examples/%s-%s-%d", app, variant, i)
	name := fmt.Sprintf("%s-%s", app, strings.SplitN(variant, "-", 2)[0])
	region := g.pickOf(regions)
	azs := []string{region + "a", region + "b", region + "c"}
	cidr := fmt.Sprintf("10.%d.0.0/16", g.intn(250))
	withTFVars := g.chance(0.4)
	advanced := g.chance(0.06)

	c := &mctx{
		prefix:      "${var.name}",
		paramPrefix: "/examples/${var.name}",
		tags:        "var.tags",
		region:      "var.region",
		vpcID:       "module.platform.vpc_id",
		vpcCIDR:     q(cidr),
		subnets:     "module.platform.private_subnet_ids",
		sg:          "module.platform.security_group_id",
		profile:     "module.platform.instance_profile_name",
		role:        "module.platform.instance_role_name",
		roleARN:     "module.platform.instance_role_arn",
		kms:         "module.platform.kms_key_arn",
		ami:         q("ami-0c02fb55956c7d316"),
		itype:       q(g.pickOf(instanceTypes)),
		logGroup:    `module.platform.log_group_names["run_command"]`,
	}

	// main.tf
	w := &hw{}
	w.l("terraform {")
	w.l(`  required_version = ">= 1.5.0"`)
	w.blank()
	w.l("  required_providers {")
	w.l("    aws = {")
	w.group(3, kv{"source", q("hashicorp/aws")}, kv{"version", q(g.pick("~> 5.0", ">= 5.40", "~> 5.60"))})
	w.l("    }")
	w.l("  }")
	w.l("}")
	w.blank()
	w.l(`provider "aws" {`)
	w.l("  region = var.region")
	w.blank()
	w.l("  default_tags {")
	w.l("    tags = {")
	w.group(3, kv{"Example", q(dir)}, kv{"Owner", "var.owner"})
	w.l("    }")
	w.l("  }")
	w.l("}")
	w.blank()
	w.l(`module "platform" {`)
	w.l(`  source = "../../"`)
	w.blank()
	args := []kv{
		{"name", "var.name"},
		{"environment", q(g.pickOf(envs))},
		{"region", "var.region"},
		{"vpc_cidr", q(cidr)},
		{"azs", fmtList(azs)},
	}
	opt := []kv{
		{"az_count", fmt.Sprint(g.between(1, 3))},
		{"single_nat_gateway", fmt.Sprint(g.chance(0.7))},
		{"enable_vpc_endpoints", fmt.Sprint(g.chance(0.8))},
		{"instance_count", fmt.Sprint(g.between(0, 3))},
		{"instance_type", c.itype},
		{"enable_asg", fmt.Sprint(g.chance(0.3))},
		{"create_parameter_kms_key", fmt.Sprint(g.chance(0.6))},
		{"log_retention_in_days", g.pick("7", "14", "30", "90")},
		{"patch_approval_days", g.pick("0", "3", "7")},
		{"maintenance_window_schedule", q(g.pick("cron(0 3 ? * SUN *)", "cron(0 4 ? * SAT *)", "rate(7 days)"))},
	}
	for _, p := range opt {
		if g.chance(0.5) {
			args = append(args, p)
		}
	}
	if advanced {
		args = append(args, kv{"parameter_tier", q("Advanced")})
	}
	w.group(1, args...)
	w.blank()
	w.l("  parameters = {")
	for j, k := range g.subset(configWords, g.between(2, 8)) {
		if j > 0 && g.chance(0.3) {
			w.blank()
		}
		val := q(g.pick("info", "30", "true", "https://api.example.com/v1", "primary", "4"))
		if g.chance(0.25) {
			val = fmt.Sprintf("jsonencode({ enabled = true, owner = %q, limit = %d })", g.pickOf(teams), g.between(1, 500))
		}
		if g.chance(0.5) {
			w.l("    %s = { type = %q, value = %s }", k, "String", val)
		} else {
			w.l("    %s = {", k)
			w.group(3, kv{"type", q("String")}, kv{"value", val}, kv{"description", q("Example setting " + k)})
			w.l("    }")
		}
	}
	switch {
	case g.chance(0.10): // SSM201
		w.l("    %s = { type = %q, value = %q }", g.pickOf(secretWords), "String", "example-only")
	case g.chance(0.05): // SSM202
		w.l("    %s = { type = %q, value = %q }", g.pickOf(secretWords), "SecureString", "changeme")
	case g.chance(0.04): // SSM203
		w.l("    %q = { type = %q, value = %q }", g.pick("db host", "feature flags", "api:version"), "String", "x")
	}
	w.l("  }")
	w.blank()
	w.l("  secure_parameters = {")
	w.l("    db_password = var.db_password")
	w.l("  }")
	if g.chance(0.5) {
		w.blank()
		w.l("  ingress_rules = {")
		for _, p := range g.subset([]string{"ssh:22", "http:80", "app:8080", "metrics:9100"}, g.between(1, 2)) {
			n, port, _ := strings.Cut(p, ":")
			w.l("    %s = {", n)
			w.group(3, kv{"from_port", port}, kv{"to_port", port}, kv{"protocol", q("tcp")}, kv{"cidr_blocks", fmtList([]string{cidr})})
			w.l("    }")
		}
		w.l("  }")
	}
	w.blank()
	w.l("  tags = var.tags")
	w.l("}")
	if g.chance(0.5) {
		w.blank()
		w.l(`resource "aws_ssm_parameter" "example_vpc_id" {`)
		w.group(1,
			kv{"name", `"/examples/${var.name}/vpc_id"`},
			kv{"type", q("String")},
			kv{"value", "module.platform.vpc_id"},
		)
		w.l("}")
	}
	if g.chance(0.3) {
		w.blank()
		w.l(`resource "aws_ssm_parameter" "example_endpoints" {`)
		w.group(1,
			kv{"name", `"/examples/${var.name}/endpoints"`},
			kv{"type", q("String")},
			kv{"value", "jsonencode(module.platform.endpoint_ids)"},
		)
		w.l("}")
	}
	g.fill(w, c, g.between(50, 110), g.securityGroup, g.ssmAssociation, g.alarm, g.ssmDocument)
	g.file(dir+"/main.tf", w)

	// variables.tf
	w = &hw{}
	own := []tfvar{
		{name: "region", typ: "string", def: q(region), desc: "AWS region."},
		{name: "name", typ: "string", def: q(name), desc: "Name of the example deployment."},
		{name: "db_password", typ: "string", desc: "Database password (from the environment: TF_VAR_db_password).", sensitive: true},
		{name: "tags", typ: "map(string)", def: fmt.Sprintf(`{ Project = %q, Team = %q }`, app, g.pickOf(teams)), desc: "Tags."},
		{name: "owner", typ: "string", def: q(g.pickOf(teams)), desc: "Owner, for tags."},
	}
	skip := map[string]bool{}
	for _, v := range own {
		writeVar(w, v)
		skip[v.name] = true
	}
	extra := g.padVars(w, g.between(40, 90), skip)
	g.file(dir+"/variables.tf", w)

	// outputs.tf
	w = &hw{}
	outs := []string{
		"vpc_id", "private_subnet_ids", "public_subnet_ids", "security_group_id", "instance_ids",
		"instance_profile_name", "instance_role_arn", "kms_key_arn", "parameter_names", "parameter_prefix",
		"endpoint_ids", "log_group_names", "maintenance_window_id", "patch_baseline_id", "session_document_name",
		"autoscaling_group_name", "nat_gateway_ids",
	}
	for _, o := range g.subset(outs, g.between(10, len(outs))) {
		writeOutput(w, o, "module.platform."+o, strings.ReplaceAll(o, "_", " ")+" of the example.")
	}
	g.file(dir+"/outputs.tf", w)

	if withTFVars {
		w = &hw{}
		w.l("# Values for %s.", dir)
		w.blank()
		w.group(0, kv{"region", q(region)}, kv{"name", q(name)}, kv{"owner", q(g.pickOf(teams))})
		w.blank()
		w.l("tags = {")
		w.group(1,
			kv{"Project", q(app)},
			kv{"Environment", q("example")},
			kv{"CostCenter", q(fmt.Sprintf("cc-%04d", g.intn(10000)))},
			kv{"Repository", q("github.com/example/terraform-aws-ssm-platform")},
		)
		w.l("}")
		for _, v := range extra {
			if v.def != "" && g.chance(0.5) {
				w.blank()
				w.l("%s = %s", v.name, v.def)
			}
		}
		g.file(dir+"/terraform.tfvars", w)
	}
}

// stack writes stacks/ENV/APP-N: a root with its own resources and tfvars
// that calls the local modules (and, sometimes, a registry module, which is
// not followed).
func (g *gen) stack(i int) {
	env, app := g.pickOf(envs), g.pickOf(apps)
	dir := fmt.Sprintf("stacks/%s/%s-%d", env, app, i)
	region := g.pickOf(regions)
	team := g.pickOf(teams)
	cidr := fmt.Sprintf("10.%d.0.0/16", g.intn(250))
	forced := i == 0 // the first stack holds one of every finding
	has := map[string]bool{
		"tfvars":      g.chance(0.85),
		"compute":     g.chance(0.7),
		"kms":         g.chance(0.6),
		"logs":        g.chance(0.55),
		"maintenance": g.chance(0.5),
		"documents":   g.chance(0.4),
		"endpoints":   g.chance(0.3),
		"alarms":      g.chance(0.4),
		"registry":    g.chance(0.2),
		"bastion":     g.chance(0.5),
	}
	c := &mctx{
		prefix:      "${local.name}",
		paramPrefix: "${local.param_prefix}",
		tags:        "local.tags",
		region:      "var.region",
		vpcID:       "module.network.vpc_id",
		vpcCIDR:     "var.vpc_cidr",
		subnets:     "module.network.private_subnet_ids",
		sg:          "aws_security_group.app.id",
		profile:     "aws_iam_instance_profile.app.name",
		role:        "aws_iam_role.app.name",
		roleARN:     "aws_iam_role.app.arn",
		kms:         q("alias/aws/ssm"),
		ami:         "var.ami_id",
		itype:       "var.instance_type",
		logGroup:    q("/aws/ssm/run-command"),
	}
	if has["kms"] {
		c.kms = "aws_kms_key.app.arn"
	}
	if has["logs"] {
		c.logGroup = `aws_cloudwatch_log_group.app["run_command"].name`
	}

	// main.tf
	w := &hw{}
	w.l("terraform {")
	w.l(`  required_version = ">= 1.6.0"`)
	w.blank()
	w.l(`  backend "s3" {`)
	w.group(2,
		kv{"bucket", q("acme-terraform-state-" + env)},
		kv{"key", q(dir + "/terraform.tfstate")},
		kv{"region", q(region)},
		kv{"dynamodb_table", q("terraform-locks")},
		kv{"encrypt", "true"},
	)
	w.l("  }")
	w.blank()
	w.l("  required_providers {")
	w.l("    aws = {")
	w.group(3, kv{"source", q("hashicorp/aws")}, kv{"version", q("~> 5.50")})
	w.l("    }")
	w.l("  }")
	w.l("}")
	w.blank()
	w.l(`provider "aws" {`)
	w.l("  region = var.region")
	w.blank()
	w.l("  default_tags {")
	w.l("    tags = local.tags")
	w.l("  }")
	w.l("}")
	w.blank()
	w.l(`module "network" {`)
	w.l(`  source = "../../../modules/network"`)
	w.blank()
	w.group(1,
		kv{"name", "local.name"},
		kv{"cidr", "var.vpc_cidr"},
		kv{"azs", "var.azs"},
		kv{"enable_flow_logs", `var.environment == "prod"`},
		kv{"tags", "local.tags"},
	)
	w.l("}")
	w.blank()
	w.l(`module "parameters" {`)
	w.l(`  source = "../../../modules/ssm-parameters"`)
	w.blank()
	w.group(1,
		kv{"prefix", "local.param_prefix"},
		kv{"parameters", "local.app_parameters"},
		kv{"kms_key_id", c.kms},
		kv{"tags", "local.tags"},
	)
	w.l("}")
	if has["bastion"] {
		w.blank()
		w.l(`module "bastion" {`)
		w.l(`  source = "../../../modules/bastion"`)
		w.l("  count  = var.enable_bastion ? 1 : 0")
		w.blank()
		w.group(1,
			kv{"name", "local.name"},
			kv{"vpc_id", "module.network.vpc_id"},
			kv{"subnet_id", "module.network.private_subnet_ids[0]"},
			kv{"instance_type", q("t3.nano")},
			kv{"tags", "local.tags"},
		)
		w.l("}")
	}
	w.blank()
	w.l(`module "patching" {`)
	w.l(`  source   = "../../../modules/patching"`)
	w.l("  for_each = var.patch_groups")
	w.blank()
	w.group(1,
		kv{"name", `"${local.name}-${each.key}"`},
		kv{"patch_group", `"${local.name}-${each.key}"`},
		kv{"operating_system", "each.value.operating_system"},
		kv{"schedule", "each.value.schedule"},
		kv{"service_role_arn", "aws_iam_role.app.arn"},
		kv{"tags", "local.tags"},
	)
	w.l("}")
	if has["endpoints"] {
		w.blank()
		w.l(`module "endpoints" {`)
		w.l(`  source = "../../../modules/endpoints"`)
		w.blank()
		w.group(1,
			kv{"name", "local.name"},
			kv{"vpc_id", "module.network.vpc_id"},
			kv{"subnet_ids", "module.network.private_subnet_ids"},
			kv{"vpc_cidr", "var.vpc_cidr"},
			kv{"tags", "local.tags"},
		)
		w.l("}")
	}
	if has["registry"] {
		w.blank()
		w.l(`module "s3_artifacts" {`)
		w.l(`  source  = "terraform-aws-modules/s3-bucket/aws"`)
		w.l(`  version = "4.1.2"`)
		w.blank()
		w.group(1,
			kv{"bucket", `"${local.name}-artifacts"`},
			kv{"force_destroy", "false"},
		)
		w.blank()
		w.l("  versioning = {")
		w.l("    enabled = true")
		w.l("  }")
		w.l("}")
	}
	g.file(dir+"/main.tf", w)

	// variables.tf
	w = &hw{}
	own := []tfvar{
		{name: "region", typ: "string", def: q(region), desc: "AWS region."},
		{name: "environment", typ: "string", desc: "Environment.", validation: `contains(["dev", "staging", "prod", "qa", "sandbox", "perf"], var.environment)`},
		{name: "app", typ: "string", desc: "Application name."},
		{name: "vpc_cidr", typ: "string", desc: "VPC CIDR."},
		{name: "azs", typ: "list(string)", def: fmtList([]string{region + "a", region + "b"}), desc: "Availability zones."},
		{name: "instance_type", typ: "string", def: q("t3.small"), desc: "Instance type."},
		{name: "ami_id", typ: "string", def: q("ami-0c02fb55956c7d316"), desc: "AMI."},
		{name: "enable_bastion", typ: "bool", def: "false", desc: "Create a bastion."},
		{name: "db_password", typ: "string", desc: "Database password.", sensitive: true},
		{name: "api_token", typ: "string", desc: "Token of the upstream API.", sensitive: true},
		{name: "tags", typ: "map(string)", def: "{}", desc: "Tags."},
		{name: "patch_groups", typ: "map(object({\n    operating_system = string\n    schedule         = string\n  }))", def: "{}", desc: "Patch groups of the stack."},
		{name: "app_settings", typ: "map(string)", def: "{}", desc: "Runtime settings published as parameters."},
	}
	skip := map[string]bool{}
	for _, v := range own {
		writeVar(w, v)
		skip[v.name] = true
	}
	extra := g.padVars(w, g.between(90, 170), skip)
	g.file(dir+"/variables.tf", w)

	// locals.tf
	w = &hw{}
	w.l("locals {")
	w.group(1,
		kv{"name", `"${var.app}-${var.environment}"`},
		kv{"param_prefix", `"/${var.app}/${var.environment}"`},
		kv{"is_prod", `var.environment == "prod"`},
	)
	w.blank()
	w.l("  team_tags = {")
	w.group(2, kv{"Team", q(team)}, kv{"Application", "var.app"}, kv{"Environment", "var.environment"})
	w.l("  }")
	w.l(`  tags = merge(var.tags, local.team_tags, { Stack = %q })`, dir)
	w.blank()
	w.l("  app_settings = merge({")
	w.group(2, kv{"log_level", `local.is_prod ? "warn" : "debug"`}, kv{"region", "var.region"})
	w.l("  }, var.app_settings)")
	w.blank()
	w.l("  app_parameters = {")
	for _, k := range g.subset(configWords, g.between(3, 9)) {
		val := g.pick(`"db.${local.name}.internal"`, `"${var.region}"`, `tostring(local.is_prod ? 50 : 5)`, `"https://${var.app}.example.com"`, `"true"`, `jsonencode(local.app_settings)`)
		w.l("    %s = {", k)
		w.group(3, kv{"type", q("String")}, kv{"value", val})
		if g.chance(0.2) {
			w.l(`      tier  = "Standard"`)
		}
		w.l("    }")
	}
	if forced || g.chance(0.06) { // SSM201 through the module
		w.l("    %s = {", g.pickOf(secretWords))
		w.group(3, kv{"type", q("String")}, kv{"value", q("from-locals")})
		w.l("    }")
	}
	if forced || g.chance(0.05) { // SSM301 through the module
		w.l("    release_channel = {")
		w.group(3, kv{"type", q("String")}, kv{"value", q("stable")}, kv{"tier", q("Advanced")})
		w.l("    }")
	}
	w.l("    api_token = {")
	w.group(3, kv{"type", q("SecureString")}, kv{"value", "var.api_token"})
	w.l("    }")
	w.l("  }")
	w.blank()
	w.l("  log_groups = { for k in [%q, %q, %q] : k => \"/aws/ssm/${local.name}/${k}\" }", "sessions", "run_command", "patching")
	w.blank()
	w.l("  instance_count = local.is_prod ? 3 : 1")
	w.l("  alarm_actions  = local.is_prod ? [\"arn:aws:sns:${var.region}:123456789012:oncall\"] : []")
	w.l("}")
	g.file(dir+"/locals.tf", w)

	// ssm.tf
	w = &hw{}
	w.text(`resource "aws_ssm_parameter" "app_settings" {
  for_each = local.app_settings

  name  = "${local.param_prefix}/app/${each.key}"
  type  = "String"
  value = tostring(each.value)
  tags  = local.tags
}

resource "aws_ssm_parameter" "db_password" {
  name   = "${local.param_prefix}/db/password"
  type   = "SecureString"
  value  = var.db_password
  key_id = ` + c.kms + `
  tags   = local.tags
}`)
	refs := []string{
		"module.network.vpc_id",
		"jsonencode(module.network.private_subnet_ids)",
		"aws_security_group.app.id",
		"aws_iam_role.app.arn",
		"module.parameters.index_name",
		`jsonencode(module.parameters.names)`,
	}
	if forced {
		for _, k := range []int{pSecretName, pSecureLiteral, pBadName, pAdvanced, pTooLarge, pPlaceholder} {
			g.ssmParameter(w, c, k, refs, "var.api_token")
		}
	}
	target := g.target()
	for w.lines < target {
		k := g.paramKind()
		g.ssmParameter(w, c, k, refs, "var.api_token")
	}
	if forced || g.chance(0.03) { // SSM302
		w.blank()
		w.l(`resource "aws_ssm_service_setting" "high_throughput" {`)
		w.l(`  setting_id    = "arn:aws:ssm:${var.region}:123456789012:servicesetting/ssm/parameter-store/high-throughput-enabled"`)
		w.l(`  setting_value = "true"`)
		w.l("}")
	}
	g.file(dir+"/ssm.tf", w)

	// security.tf
	w = &hw{}
	w.l(`resource "aws_security_group" "app" {`)
	w.group(1,
		kv{"name_prefix", `"${local.name}-app-"`},
		kv{"description", q("Application instances of " + app)},
		kv{"vpc_id", "module.network.vpc_id"},
	)
	w.blank()
	w.l("  ingress {")
	w.group(2, kv{"from_port", "443"}, kv{"to_port", "443"}, kv{"protocol", q("tcp")}, kv{"cidr_blocks", "[var.vpc_cidr]"})
	w.l("  }")
	w.blank()
	w.l("  egress {")
	w.group(2, kv{"from_port", "0"}, kv{"to_port", "0"}, kv{"protocol", q("-1")}, kv{"cidr_blocks", `["0.0.0.0/0"]`})
	w.l("  }")
	w.blank()
	w.l("  tags = local.tags")
	w.l("}")
	g.fill(w, c, g.target(), g.securityGroup, g.securityGroupRules)
	g.file(dir+"/security.tf", w)

	// iam.tf
	w = &hw{}
	w.text(`resource "aws_iam_role" "app" {
  name_prefix = "${local.name}-"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = ["ec2.amazonaws.com", "ssm.amazonaws.com"] }
    }]
  })

  tags = local.tags
}

resource "aws_iam_role_policy_attachment" "app_ssm" {
  role       = aws_iam_role.app.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "app" {
  name_prefix = "${local.name}-"
  role        = aws_iam_role.app.name
}`)
	g.fill(w, c, g.target(), g.iamRole)
	g.file(dir+"/iam.tf", w)

	if has["compute"] {
		w = &hw{}
		g.fill(w, c, g.target(), g.instance, g.launchTemplateASG)
		g.file(dir+"/compute.tf", w)
	}
	if has["kms"] {
		w = &hw{}
		w.text(`resource "aws_kms_key" "app" {
  description             = "${local.name} parameters and logs"
  deletion_window_in_days = local.is_prod ? 30 : 7
  enable_key_rotation     = true
  tags                    = local.tags
}

resource "aws_kms_alias" "app" {
  name          = "alias/${local.name}"
  target_key_id = aws_kms_key.app.key_id
}`)
		g.fill(w, c, g.between(40, 100), g.kmsKey)
		g.file(dir+"/kms.tf", w)
	}
	if has["logs"] {
		w = &hw{}
		w.text(`resource "aws_cloudwatch_log_group" "app" {
  for_each = local.log_groups

  name              = each.value
  retention_in_days = local.is_prod ? 365 : 30
  tags              = local.tags
}`)
		g.fill(w, c, g.between(40, 100), g.logGroups)
		g.file(dir+"/logs.tf", w)
	}
	if has["maintenance"] {
		w = &hw{}
		g.fill(w, c, g.target(), g.maintenanceWindow, g.patchBaseline, g.ssmAssociation)
		g.file(dir+"/maintenance.tf", w)
	}
	if has["documents"] {
		w = &hw{}
		g.fill(w, c, g.target(), g.ssmDocument)
		g.file(dir+"/documents.tf", w)
	}
	if has["endpoints"] {
		w = &hw{}
		g.fill(w, c, g.between(40, 90), g.vpcEndpoints)
		g.file(dir+"/endpoints.tf", w)
	}
	if has["alarms"] {
		w = &hw{}
		g.fill(w, c, g.between(40, 120), g.alarm)
		g.file(dir+"/alarms.tf", w)
	}

	// outputs.tf
	w = &hw{}
	outs := [][2]string{
		{"vpc_id", "module.network.vpc_id"},
		{"private_subnet_ids", "module.network.private_subnet_ids"},
		{"app_security_group_id", "aws_security_group.app.id"},
		{"app_role_arn", "aws_iam_role.app.arn"},
		{"instance_profile", "aws_iam_instance_profile.app.name"},
		{"parameter_names", "module.parameters.names"},
		{"parameter_arns", "module.parameters.arns"},
		{"settings_parameters", "{ for k, p in aws_ssm_parameter.app_settings : k => p.name }"},
		{"db_password_parameter", "aws_ssm_parameter.db_password.name"},
		{"patch_windows", "{ for k, m in module.patching : k => m.window_id }"},
		{"patch_baselines", "{ for k, m in module.patching : k => m.baseline_id }"},
		{"nat_gateway_ids", "module.network.nat_gateway_ids"},
		{"parameter_prefix", "local.param_prefix"},
	}
	if has["bastion"] {
		outs = append(outs, [2]string{"bastion_instance_id", "one(module.bastion[*].instance_id)"})
	}
	if has["kms"] {
		outs = append(outs, [2]string{"kms_key_arn", "aws_kms_key.app.arn"})
	}
	if has["endpoints"] {
		outs = append(outs, [2]string{"endpoint_ids", "module.endpoints.endpoint_ids"})
	}
	for _, o := range outs {
		writeOutput(w, o[0], o[1], strings.ReplaceAll(o[0], "_", " ")+".")
	}
	g.file(dir+"/outputs.tf", w)

	if has["tfvars"] {
		w = &hw{}
		w.group(0,
			kv{"region", q(region)},
			kv{"environment", q(env)},
			kv{"app", q(app)},
			kv{"vpc_cidr", q(cidr)},
			kv{"instance_type", q(g.pickOf(instanceTypes))},
			kv{"enable_bastion", fmt.Sprint(g.chance(0.5))},
		)
		w.blank()
		w.l("tags = {")
		w.group(1, kv{"Owner", q(team)}, kv{"CostCenter", q(fmt.Sprintf("cc-%04d", g.intn(10000)))}, kv{"DataClass", q(g.pick("internal", "confidential", "public"))})
		w.l("}")
		w.blank()
		w.l("patch_groups = {")
		for _, pg := range g.subset([]string{"linux", "windows", "critical", "batch"}, g.between(1, 3)) {
			osName := "AMAZON_LINUX_2023"
			if pg == "windows" {
				osName = "WINDOWS"
			}
			w.l("  %s = {", pg)
			w.group(2, kv{"operating_system", q(osName)}, kv{"schedule", q(g.pick("cron(0 3 ? * SUN *)", "cron(0 2 ? * WED *)", "cron(30 1 ? * SAT *)"))})
			w.l("  }")
		}
		w.l("}")
		w.blank()
		w.l("app_settings = {")
		var sets []kv
		for _, k := range g.subset(configWords, g.between(2, 8)) {
			sets = append(sets, kv{k, q(g.pick("1", "true", "info", "https://upstream.example.com", "25", "eu-west-1"))})
		}
		w.group(1, sets...)
		w.l("}")
		for _, v := range extra {
			if v.def != "" && g.chance(0.4) {
				w.blank()
				w.l("%s = %s", v.name, v.def)
			}
		}
		g.file(dir+"/terraform.tfvars", w)
	}
}

// paramKind picks the kind of a stack's parameter: mostly good ones, a few
// that make findings.
func (g *gen) paramKind() int {
	r := g.intn(1000)
	switch {
	case r < 250:
		return pConfig
	case r < 400:
		return pJSON
	case r < 480:
		return pList
	case r < 620:
		return pRef
	case r < 720:
		return pSecureVar
	case r < 820:
		return pForEach
	case r < 880:
		return pCount
	case r < 900:
		return pPlaceholder
	case r < 930:
		return pSecretName
	case r < 950:
		return pSecureLiteral
	case r < 970:
		return pBadName
	case r < 995:
		return pAdvanced
	}
	return pTooLarge
}
