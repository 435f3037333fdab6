# aws_iam_role_policies_exclusive lists a role's inline policies by name:
# each one it lists is the role's, even an aws_iam_role_policy whose own
# `role` comes from a variable, and a name the stack does not declare is
# an inline policy written elsewhere (its grants are unknown).

variable "web_role_name" {
  type        = string
  description = "Set by the pipeline to aws_iam_role.web's name."
}

locals {
  ec2_assume = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
  core_actions = [
    "ssm:UpdateInstanceInformation",
    "ssmmessages:CreateControlChannel",
    "ssmmessages:CreateDataChannel",
    "ssmmessages:OpenControlChannel",
    "ssmmessages:OpenDataChannel",
    "ec2messages:GetMessages",
  ]
}

# A VPC with the three SSM endpoints: its instances are meant to be managed.
resource "aws_vpc" "main" {
  cidr_block = "10.20.0.0/16"
}

resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.20.1.0/24"
}

resource "aws_vpc_endpoint" "ssm" {
  for_each            = toset(["ssm", "ssmmessages", "ec2messages"])
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [aws_subnet.app.id]
}

# Guard: the core actions come from an inline policy attached through a
# variable, and the exclusive list says it is web's.
resource "aws_iam_role" "web" {
  name               = "web"
  assume_role_policy = local.ec2_assume
}

resource "aws_iam_role_policy" "web_core" {
  name = "ssm-core"
  role = var.web_role_name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = local.core_actions, Resource = "*" }]
  })
}

resource "aws_iam_role_policies_exclusive" "web" {
  role_name    = aws_iam_role.web.name
  policy_names = [aws_iam_role_policy.web_core.name]
}

resource "aws_iam_instance_profile" "web" {
  name = "web"
  role = aws_iam_role.web.name
}

resource "aws_instance" "web" { # expect: SSM501
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.app.id
  iam_instance_profile = aws_iam_instance_profile.web.name
}

# Guard: the list names a policy this stack does not declare (a baseline
# pipeline writes it): what it grants is unknown.
resource "aws_iam_role" "api" {
  name               = "api"
  assume_role_policy = local.ec2_assume
}

resource "aws_iam_role_policies_exclusive" "api" {
  role_name    = aws_iam_role.api.name
  policy_names = ["baseline-ssm-core"]
}

resource "aws_iam_instance_profile" "api" {
  name = "api"
  role = aws_iam_role.api.name
}

resource "aws_instance" "api" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.app.id
  iam_instance_profile = aws_iam_instance_profile.api.name
}

# Fires: every listed policy is declared here, by reference and by its
# literal name, and none grants the core actions.
resource "aws_iam_role" "batch" {
  name               = "batch"
  assume_role_policy = local.ec2_assume

  inline_policy {
    name = "metrics"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = "cloudwatch:PutMetricData", Resource = "*" }]
    })
  }
}

resource "aws_iam_role_policy" "batch_logs" {
  name = "logs"
  role = aws_iam_role.batch.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["logs:CreateLogStream", "logs:PutLogEvents"], Resource = "*" }]
  })
}

resource "aws_iam_role_policies_exclusive" "batch" {
  role_name    = aws_iam_role.batch.name
  policy_names = [aws_iam_role_policy.batch_logs.name, "metrics"]
}

resource "aws_iam_instance_profile" "batch" {
  name = "batch"
  role = aws_iam_role.batch.name
}

resource "aws_instance" "batch" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.app.id
  iam_instance_profile = aws_iam_instance_profile.batch.name # expect: SSM106
}

# Fires (SSM101): an isolated VPC with no endpoints. The worker is managed
# because the inline policy its exclusive list names grants the core
# actions, and nothing answers it.
resource "aws_vpc" "isolated" {
  cidr_block = "10.21.0.0/16"
}

resource "aws_subnet" "isolated" {
  vpc_id     = aws_vpc.isolated.id
  cidr_block = "10.21.1.0/24"
}

variable "worker_role_name" {
  type = string
}

resource "aws_iam_role" "worker" {
  name               = "worker"
  assume_role_policy = local.ec2_assume
}

resource "aws_iam_role_policy" "worker_core" {
  name = "ssm-core"
  role = var.worker_role_name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = local.core_actions, Resource = "*" }]
  })
}

resource "aws_iam_role_policies_exclusive" "worker" {
  role_name    = aws_iam_role.worker.name
  policy_names = [aws_iam_role_policy.worker_core.name]
}

resource "aws_iam_instance_profile" "worker" {
  name = "worker"
  role = aws_iam_role.worker.name
}

resource "aws_instance" "worker" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.isolated.id # expect: SSM101
  iam_instance_profile = aws_iam_instance_profile.worker.name
}
