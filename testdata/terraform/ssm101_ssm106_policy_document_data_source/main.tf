# Inline policies written with data "aws_iam_policy_document" (the most
# common way in platform code), read from the data block's statements:
#  - `collector` has the Session Manager actions through such a document,
#    so it is meant to be managed; isolated subnet, no endpoints: SSM101;
#  - `exporter` is targeted by an association (managed) and its document
#    only grants S3 writes: SSM106 at iam_instance_profile.

variable "ami_id" {
  type = string
}

data "aws_iam_policy_document" "assume_ec2" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "session_manager" {
  statement {
    sid = "SessionManager"
    actions = [
      "ssm:UpdateInstanceInformation",
      "ssmmessages:CreateControlChannel",
      "ssmmessages:CreateDataChannel",
      "ssmmessages:OpenControlChannel",
      "ssmmessages:OpenDataChannel",
    ]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "export" {
  statement {
    actions   = ["s3:PutObject"]
    resources = ["arn:aws:s3:::exports/*"]
  }
}

resource "aws_vpc" "this" {
  cidr_block = "10.181.0.0/16"
}

resource "aws_subnet" "isolated" {
  vpc_id     = aws_vpc.this.id
  cidr_block = "10.181.1.0/24"
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

resource "aws_iam_role" "collector" {
  name               = "collector"
  assume_role_policy = data.aws_iam_policy_document.assume_ec2.json
}

resource "aws_iam_role_policy" "collector" {
  name   = "session-manager"
  role   = aws_iam_role.collector.id
  policy = data.aws_iam_policy_document.session_manager.json
}

resource "aws_iam_instance_profile" "collector" {
  name = "collector"
  role = aws_iam_role.collector.name
}

resource "aws_instance" "collector" { # expect: SSM501
  ami                    = var.ami_id
  instance_type          = "t3.small"
  subnet_id              = aws_subnet.isolated.id # expect: SSM101:28
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.collector.name
}

resource "aws_iam_role" "exporter" {
  name               = "exporter"
  assume_role_policy = data.aws_iam_policy_document.assume_ec2.json
}

resource "aws_iam_role_policy" "exporter" {
  name   = "export"
  role   = aws_iam_role.exporter.id
  policy = data.aws_iam_policy_document.export.json
}

resource "aws_iam_instance_profile" "exporter" {
  name = "exporter"
  role = aws_iam_role.exporter.name
}

resource "aws_ssm_association" "exporter" { # expect: SSM503:1
  name = "AWS-RunShellScript"

  parameters = {
    commands = "systemctl restart exporter"
  }

  targets {
    key    = "tag:Role"
    values = ["exporter"]
  }
}

resource "aws_instance" "exporter" {
  ami                    = var.ami_id
  instance_type          = "t3.small"
  subnet_id              = aws_subnet.isolated.id # expect: SSM101:28
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.exporter.name # expect: SSM106:28
  tags                   = { Role = "exporter" }
}
