# Someone added the ssm endpoint and stopped there. The VPC having an SSM
# endpoint makes its instances meant to be managed, whatever their role:
# all three are cut off (no ssmmessages, no ec2messages), and two of them
# also lack the permissions SSM Agent needs.

variable "ami_id" {
  type = string
}

variable "environment" {
  type    = string
  default = "prod"
}

locals {
  prefix = "${var.environment}-etl"
}

resource "aws_vpc" "etl" {
  cidr_block           = "10.60.0.0/16"
  enable_dns_hostnames = true
}

resource "aws_subnet" "etl" {
  vpc_id            = aws_vpc.etl.id
  cidr_block        = "10.60.1.0/24"
  availability_zone = "ap-northeast-1a"
}

resource "aws_route_table" "etl" {
  vpc_id = aws_vpc.etl.id
}

resource "aws_route_table_association" "etl" {
  subnet_id      = aws_subnet.etl.id
  route_table_id = aws_route_table.etl.id
}

resource "aws_security_group" "endpoint" {
  name   = "${local.prefix}-ssm-endpoint"
  vpc_id = aws_vpc.etl.id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [aws_subnet.etl.cidr_block]
  }
}

resource "aws_vpc_endpoint" "ssm" {
  vpc_id              = aws_vpc.etl.id
  service_name        = "com.amazonaws.ap-northeast-1.ssm"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [aws_subnet.etl.id]
  security_group_ids  = [aws_security_group.endpoint.id]
}

resource "aws_security_group" "etl" {
  name   = "${local.prefix}-workers"
  vpc_id = aws_vpc.etl.id

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# Role with the core policy: reachability is the only problem.
resource "aws_iam_role" "scheduler" {
  name               = "${local.prefix}-scheduler"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
}

resource "aws_iam_role_policy_attachment" "scheduler_core" {
  role       = aws_iam_role.scheduler.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "scheduler" {
  name = "${local.prefix}-scheduler"
  role = aws_iam_role.scheduler.name
}

# Role that only reads the data lake: no SSM permissions.
resource "aws_iam_role" "worker" {
  name               = "${local.prefix}-worker"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
}

resource "aws_iam_role_policy_attachment" "worker_s3" {
  role       = aws_iam_role.worker.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
}

resource "aws_iam_instance_profile" "worker" {
  name = "${local.prefix}-worker"
  role = aws_iam_role.worker.name
}

resource "aws_instance" "scheduler" { # expect: SSM501
  ami                    = var.ami_id
  instance_type          = "t3.small"
  subnet_id              = aws_subnet.etl.id # expect: SSM101:28
  vpc_security_group_ids = [aws_security_group.etl.id]
  iam_instance_profile   = aws_iam_instance_profile.scheduler.name
}

resource "aws_instance" "worker" {
  ami                    = var.ami_id
  instance_type          = "r6i.xlarge"
  subnet_id              = aws_subnet.etl.id # expect: SSM101:28
  vpc_security_group_ids = [aws_security_group.etl.id]
  iam_instance_profile   = aws_iam_instance_profile.worker.name # expect: SSM106:28
}

resource "aws_instance" "adhoc" { # expect: SSM106:1
  ami                    = var.ami_id
  instance_type          = "t3.small"
  subnet_id              = aws_subnet.etl.id # expect: SSM101:28
  vpc_security_group_ids = [aws_security_group.etl.id]
}
