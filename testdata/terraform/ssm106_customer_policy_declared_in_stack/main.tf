# Customer managed policies declared in this stack and attached by
# reference (policy_arn = aws_iam_policy.x.arn): their documents are read.
# A role whose only policy grants the core actions makes `scheduler`
# managed (SSM101); a role whose only policy grants S3 reads gets SSM106
# (`exporter`).

variable "ami_id" {
  type = string
}

resource "aws_vpc" "this" {
  cidr_block = "10.170.0.0/16"
}

resource "aws_subnet" "isolated" {
  vpc_id     = aws_vpc.this.id
  cidr_block = "10.170.1.0/24"
}

resource "aws_route_table" "isolated" {
  vpc_id = aws_vpc.this.id
}

resource "aws_route_table_association" "isolated" {
  subnet_id      = aws_subnet.isolated.id
  route_table_id = aws_route_table.isolated.id
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.this.id

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

locals {
  assume_ec2 = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
}

resource "aws_iam_policy" "session_manager" {
  name = "session-manager-minimal"
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

resource "aws_iam_policy" "export_bucket" {
  name = "export-bucket-write"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:PutObject", "s3:ListBucket"], Resource = "*" }]
  })
}

# scheduler: managed because its role grants the core actions.
resource "aws_iam_role" "scheduler" {
  name               = "scheduler"
  assume_role_policy = local.assume_ec2
}

resource "aws_iam_role_policy_attachment" "scheduler" {
  role       = aws_iam_role.scheduler.name
  policy_arn = aws_iam_policy.session_manager.arn
}

resource "aws_iam_instance_profile" "scheduler" {
  name = "scheduler"
  role = aws_iam_role.scheduler.name
}

resource "aws_instance" "scheduler" { # expect: SSM501
  ami                    = var.ami_id
  instance_type          = "t3.small"
  subnet_id              = aws_subnet.isolated.id # expect: SSM101:28
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.scheduler.name
}

# exporter: managed because an association targets it; its role cannot
# register with Systems Manager.
resource "aws_iam_role" "exporter" {
  name               = "exporter"
  assume_role_policy = local.assume_ec2
}

resource "aws_iam_role_policy_attachment" "exporter" {
  role       = aws_iam_role.exporter.name
  policy_arn = aws_iam_policy.export_bucket.arn
}

resource "aws_iam_instance_profile" "exporter" {
  name = "exporter"
  role = aws_iam_role.exporter.name
}

resource "aws_ssm_association" "exporter_agent" { # expect: SSM503:1
  name = "AWS-UpdateSSMAgent"

  targets {
    key    = "tag:Component"
    values = ["exporter"]
  }
}

resource "aws_instance" "exporter" {
  ami                    = var.ami_id
  instance_type          = "t3.small"
  subnet_id              = aws_subnet.isolated.id # expect: SSM101:28
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.exporter.name # expect: SSM106:28
  tags                   = { Component = "exporter" }
}
