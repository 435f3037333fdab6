# An isolated subnet with no SSM endpoints. Which instances are meant to be
# SSM-managed decides who gets findings: the role is not the only sign.

variable "ami_id" {
  type = string
}

locals {
  app  = "billing"
  tags = { Application = local.app, Owner = "platform" }

  # Instances carrying this tag get the CloudWatch agent through State Manager.
  cw_agent_tag = { key = "CloudWatchAgent", value = "enabled" }
}

resource "aws_vpc" "main" {
  cidr_block = "10.90.0.0/16"
}

resource "aws_subnet" "isolated" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.90.10.0/24"
}

resource "aws_route_table" "isolated" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route_table_association" "isolated" {
  subnet_id      = aws_subnet.isolated.id
  route_table_id = aws_route_table.isolated.id
}

resource "aws_security_group" "https_out" {
  name   = "${local.app}-https-out"
  vpc_id = aws_vpc.main.id

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# No egress block: Terraform leaves this group with no egress at all.
resource "aws_security_group" "locked" {
  name   = "${local.app}-locked"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.90.0.0/16"]
  }
}

resource "aws_iam_role" "reader" {
  name               = "${local.app}-reader"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
}

resource "aws_iam_role_policy_attachment" "reader" {
  role       = aws_iam_role.reader.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
}

resource "aws_iam_instance_profile" "reader" {
  name = "${local.app}-reader"
  role = aws_iam_role.reader.name
}

# State Manager association that targets instances by tag.
resource "aws_ssm_association" "cw_agent" { # expect: SSM503:1
  name             = "AWS-ConfigureAWSPackage"
  association_name = "${local.app}-cloudwatch-agent"

  parameters = {
    action = "Install"
    name   = "AmazonCloudWatchAgent"
  }

  targets {
    key    = "tag:${local.cw_agent_tag.key}"
    values = [local.cw_agent_tag.value]
  }
}

# Targeted by the association: meant to be managed. It cannot reach
# Systems Manager and its role has no SSM permissions.
resource "aws_instance" "api" { # expect: SSM501
  ami                    = var.ami_id
  instance_type          = "t3.medium"
  subnet_id              = aws_subnet.isolated.id # expect: SSM101:28
  vpc_security_group_ids = [aws_security_group.https_out.id]
  iam_instance_profile   = aws_iam_instance_profile.reader.name # expect: SSM106:28
  tags                   = merge(local.tags, { Name = "${local.app}-api", (local.cw_agent_tag.key) = local.cw_agent_tag.value })
}

# Same profile, same subnet, but nothing in the stack manages it through
# SSM: not meant to be managed, so no reachability findings either.
resource "aws_instance" "db_proxy" {
  ami                    = var.ami_id
  instance_type          = "t3.medium"
  subnet_id              = aws_subnet.isolated.id
  vpc_security_group_ids = [aws_security_group.locked.id]
  iam_instance_profile   = aws_iam_instance_profile.reader.name
  tags                   = merge(local.tags, { Name = "${local.app}-db-proxy" })
}

# No profile, no tags that SSM targets, locked-down group: also not managed.
resource "aws_instance" "appliance" {
  ami                    = var.ami_id
  instance_type          = "c6i.large"
  subnet_id              = aws_subnet.isolated.id
  vpc_security_group_ids = [aws_security_group.locked.id]
  tags                   = merge(local.tags, { Name = "${local.app}-appliance", CloudWatchAgent = "disabled" })
}

# Patched through a patch group: meant to be managed. It has no instance
# profile and its group allows no egress.
resource "aws_ssm_patch_baseline" "al2023" {
  name             = "${local.app}-al2023"
  operating_system = "AMAZON_LINUX_2023"

  approval_rule {
    approve_after_days = 7

    patch_filter {
      key    = "CLASSIFICATION"
      values = ["Security", "Bugfix"]
    }
  }
}

resource "aws_ssm_patch_group" "billing" {
  baseline_id = aws_ssm_patch_baseline.al2023.id
  patch_group = local.app
}

resource "aws_instance" "batch" { # expect: SSM106:1
  ami                    = var.ami_id
  instance_type          = "t3.medium"
  subnet_id              = aws_subnet.isolated.id         # expect: SSM101:28
  vpc_security_group_ids = [aws_security_group.locked.id] # expect: SSM104:28
  tags                   = merge(local.tags, { Name = "${local.app}-batch", "Patch Group" = local.app })
}
