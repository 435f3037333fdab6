# AWS managed policy ARNs written with the partition data source,
# "arn:${data.aws_partition.current.partition}:iam::aws:policy/…", also
# through a local prefix: the known tail names the policy. SSM107 sees the
# deprecated AmazonEC2RoleforSSM; the core policy makes `app` managed, so
# SSM101 and SSM104 fire.

data "aws_partition" "current" {}

variable "ami_id" {
  type = string
}

locals {
  aws_policy_prefix = "arn:${data.aws_partition.current.partition}:iam::aws:policy"
}

resource "aws_vpc" "this" {
  cidr_block = "10.171.0.0/16"
}

resource "aws_subnet" "isolated" {
  vpc_id     = aws_vpc.this.id
  cidr_block = "10.171.1.0/24"
}

resource "aws_route_table" "isolated" {
  vpc_id = aws_vpc.this.id
}

resource "aws_route_table_association" "isolated" {
  subnet_id      = aws_subnet.isolated.id
  route_table_id = aws_route_table.isolated.id
}

# No egress block: no egress at all.
resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.this.id
}

resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
}

resource "aws_iam_role_policy_attachment" "app_core" {
  role       = aws_iam_role.app.name
  policy_arn = "${local.aws_policy_prefix}/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "app" {
  name = "app"
  role = aws_iam_role.app.name
}

resource "aws_instance" "app" { # expect: SSM501
  ami                    = var.ami_id
  instance_type          = "t3.small"
  subnet_id              = aws_subnet.isolated.id      # expect: SSM101:28
  vpc_security_group_ids = [aws_security_group.app.id] # expect: SSM104:28
  iam_instance_profile   = aws_iam_instance_profile.app.name
}

resource "aws_iam_role" "legacy" {
  name               = "legacy"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
}

resource "aws_iam_role_policy_attachment" "legacy" {
  role       = aws_iam_role.legacy.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonEC2RoleforSSM" # expect: SSM107:16
}
