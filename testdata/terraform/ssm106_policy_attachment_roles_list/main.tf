# aws_iam_policy_attachment attaches one policy to every role of its
# `roles` list. A list with a part that cannot be told (a variable the
# pipeline sets) may name any role: no role's grants are then known.

locals {
  ec2_assume = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

variable "extra_ssm_roles" {
  type        = list(string)
  description = "Roles of other teams that get the core policy."
}

# A VPC with the three SSM endpoints: its instances are meant to be managed.
resource "aws_vpc" "main" {
  cidr_block = "10.40.0.0/16"
}

resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.40.1.0/24"
}

resource "aws_vpc_endpoint" "ssm" {
  for_each            = toset(["ssm", "ssmmessages", "ec2messages"])
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [aws_subnet.app.id]
}

resource "aws_iam_role" "web" {
  name               = "web"
  assume_role_policy = local.ec2_assume
}

resource "aws_iam_role" "legacy" {
  name               = "legacy"
  assume_role_policy = local.ec2_assume
}

# The core policy for web and for the roles the pipeline passes in; the
# deprecated policy for legacy.
resource "aws_iam_policy_attachment" "core" {
  name       = "ssm-core"
  roles      = concat([aws_iam_role.web.name], var.extra_ssm_roles)
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_policy_attachment" "legacy" {
  name       = "legacy-ssm"
  roles      = [aws_iam_role.legacy.name]
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM" # expect: SSM107
}

resource "aws_iam_instance_profile" "web" {
  name = "web"
  role = aws_iam_role.web.name
}

resource "aws_iam_instance_profile" "legacy" {
  name = "legacy"
  role = aws_iam_role.legacy.name
}

resource "aws_instance" "web" { # expect: SSM501
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.app.id
  iam_instance_profile = aws_iam_instance_profile.web.name
}

resource "aws_instance" "legacy" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.app.id
  iam_instance_profile = aws_iam_instance_profile.legacy.name
}

# Guard: this role is in no list this stack can read, but the pipeline's
# roles may include it: it may have the core policy.
resource "aws_iam_role" "reports" {
  name               = "reports"
  assume_role_policy = local.ec2_assume
}

resource "aws_iam_instance_profile" "reports" {
  name = "reports"
  role = aws_iam_role.reports.name
}

resource "aws_instance" "reports" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.app.id
  iam_instance_profile = aws_iam_instance_profile.reports.name
}

# Fires: no instance profile at all.
resource "aws_instance" "scratch" { # expect: SSM106
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.app.id
}
