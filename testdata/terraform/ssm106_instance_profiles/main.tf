# A private VPC with all three Session Manager endpoints: every instance in
# it is meant to be SSM-managed, so each needs an instance profile whose
# role lets SSM Agent register and open its message channels.

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "ami_id" {
  type = string
}

# Published by the security account's stack.
variable "baseline_instance_policy_arn" {
  type        = string
  description = "Customer managed policy every EC2 role attaches."
}

locals {
  name    = "orders"
  cidr    = "10.110.0.0/16"
  subnets = ["10.110.1.0/24", "10.110.2.0/24"]

  assume_ec2 = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })

  roles = toset(["s3_reader", "inline_core", "baseline", "guarded", "legacy", "custom_core", "params_only"])
}

resource "aws_vpc" "this" {
  cidr_block           = local.cidr
  enable_dns_support   = true
  enable_dns_hostnames = true
}

resource "aws_subnet" "private" {
  count      = length(local.subnets)
  vpc_id     = aws_vpc.this.id
  cidr_block = local.subnets[count.index]
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.this.id
}

resource "aws_route_table_association" "private" {
  count          = length(local.subnets)
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private.id
}

resource "aws_security_group" "vpce" {
  name   = "${local.name}-vpce"
  vpc_id = aws_vpc.this.id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [local.cidr]
  }
}

resource "aws_vpc_endpoint" "ssm" {
  for_each            = toset(["ssm", "ssmmessages", "ec2messages"])
  vpc_id              = aws_vpc.this.id
  service_name        = "com.amazonaws.${var.region}.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = aws_subnet.private[*].id
  security_group_ids  = [aws_security_group.vpce.id]
}

resource "aws_security_group" "app" {
  name   = "${local.name}-app"
  vpc_id = aws_vpc.this.id

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [local.cidr]
  }
}

# --- roles -------------------------------------------------------------------

resource "aws_iam_role" "app" {
  for_each           = local.roles
  name               = "${local.name}-${each.key}"
  assume_role_policy = local.assume_ec2
}

resource "aws_iam_instance_profile" "app" {
  for_each = local.roles
  name     = "${local.name}-${each.key}"
  role     = aws_iam_role.app[each.key].name
}

# s3_reader: only reads buckets.
resource "aws_iam_role_policy_attachment" "s3_reader" {
  role       = aws_iam_role.app["s3_reader"].name
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
}

# inline_core: an inline policy with exactly what Session Manager needs.
resource "aws_iam_role_policy" "inline_core" {
  name = "session-manager"
  role = aws_iam_role.app["inline_core"].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ssm:UpdateInstanceInformation", "ssmmessages:*"]
        Resource = "*"
      },
    ]
  })
}

# baseline: a customer policy of another stack, contents unknown here.
resource "aws_iam_role_policy_attachment" "baseline" {
  role       = aws_iam_role.app["baseline"].name
  policy_arn = var.baseline_instance_policy_arn
}

# guarded: everything in SSM, but a guardrail denies the message channels.
resource "aws_iam_role_policy" "guarded" {
  name = "ssm-without-sessions"
  role = aws_iam_role.app["guarded"].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["ssm:*", "ssmmessages:*", "ec2messages:*"], Resource = "*" }, # expect: SSM207:37
      { Effect = "Deny", Action = "ssmmessages:*", Resource = "*" },
    ]
  })
}

# legacy: the deprecated policy still grants the core actions.
resource "aws_iam_role_policy_attachment" "legacy" {
  role       = aws_iam_role.app["legacy"].name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM" # expect: SSM107:16
}

# custom_core: a customer managed policy declared here.
resource "aws_iam_policy" "session_manager" {
  name = "${local.name}-session-manager"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = [
        "ssm:UpdateInstanceInformation",
        "ssmmessages:CreateControlChannel",
        "ssmmessages:CreateDataChannel",
        "ssmmessages:OpenControlChannel",
        "ssmmessages:OpenDataChannel",
        "ec2messages:GetMessages",
      ]
      Resource = "*"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "custom_core" {
  role       = aws_iam_role.app["custom_core"].name
  policy_arn = aws_iam_policy.session_manager.arn
}

# params_only: reads its configuration, nothing else.
resource "aws_iam_role_policy" "params_only" {
  name = "read-config"
  role = aws_iam_role.app["params_only"].name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["ssm:GetParameter", "ssm:GetParametersByPath"], Resource = "arn:aws:ssm:*:*:parameter/orders/*" }]
  })
}

# --- instances ---------------------------------------------------------------

resource "aws_instance" "no_profile" { # expect: SSM106:1, SSM501
  ami                    = var.ami_id
  instance_type          = "t3.small"
  subnet_id              = aws_subnet.private[0].id
  vpc_security_group_ids = [aws_security_group.app.id]
}

resource "aws_instance" "s3_reader" {
  ami                    = var.ami_id
  instance_type          = "t3.small"
  subnet_id              = aws_subnet.private[0].id
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.app["s3_reader"].name # expect: SSM106:28
}

resource "aws_instance" "inline_core" {
  ami                    = var.ami_id
  instance_type          = "t3.small"
  subnet_id              = aws_subnet.private[1].id
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.app["inline_core"].name
}

resource "aws_instance" "baseline" {
  ami                    = var.ami_id
  instance_type          = "t3.small"
  subnet_id              = aws_subnet.private[1].id
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.app["baseline"].name
}

resource "aws_instance" "guarded" {
  ami                    = var.ami_id
  instance_type          = "t3.small"
  subnet_id              = aws_subnet.private[0].id
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.app["guarded"].name # expect: SSM106:28
}

resource "aws_instance" "legacy" {
  ami                    = var.ami_id
  instance_type          = "t3.small"
  subnet_id              = aws_subnet.private[0].id
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.app["legacy"].name
}

resource "aws_instance" "custom_core" {
  ami                    = var.ami_id
  instance_type          = "t3.small"
  subnet_id              = aws_subnet.private[1].id
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.app["custom_core"].name
}

resource "aws_instance" "params_only" {
  ami                    = var.ami_id
  instance_type          = "t3.small"
  subnet_id              = aws_subnet.private[1].id
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.app["params_only"].name # expect: SSM106:28
}

# A profile of the shared platform stack, known only by name.
resource "aws_instance" "platform_profile" {
  ami                    = var.ami_id
  instance_type          = "t3.small"
  subnet_id              = aws_subnet.private[0].id
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = "platform-ssm-instance"
}
