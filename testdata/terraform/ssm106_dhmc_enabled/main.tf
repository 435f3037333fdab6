# The account turns on Default Host Management Configuration: SSM Agent
# registers with the DHMC role, so instances need no instance profile.

variable "region" {
  type    = string
  default = "ca-central-1"
}

variable "ami_id" {
  type = string
}

locals {
  name = "fleet"
  cidr = "10.120.0.0/16"
}

resource "aws_iam_role" "dhmc" {
  name = "AWSSystemsManagerDefaultEC2InstanceManagementRole"
  path = "/service-role/"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ssm.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachment" "dhmc" {
  role       = aws_iam_role.dhmc.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedEC2InstanceDefaultPolicy"
}

resource "aws_ssm_service_setting" "dhmc" {
  setting_id    = "/ssm/managed-instance/default-ec2-instance-management-role"
  setting_value = "service-role/${aws_iam_role.dhmc.name}"
}

resource "aws_vpc" "this" {
  cidr_block           = local.cidr
  enable_dns_support   = true
  enable_dns_hostnames = true
}

resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.this.id
  cidr_block = cidrsubnet(local.cidr, 8, 0)
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.this.id
}

resource "aws_route_table_association" "private" {
  subnet_id      = aws_subnet.private.id
  route_table_id = aws_route_table.private.id
}

resource "aws_security_group" "vpce" {
  name   = "${local.name}-vpce"
  vpc_id = aws_vpc.this.id
}

resource "aws_vpc_security_group_ingress_rule" "vpce_https" {
  security_group_id            = aws_security_group.vpce.id
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = aws_security_group.fleet.id
}

resource "aws_vpc_endpoint" "ssm" {
  for_each            = toset(["ssm", "ssmmessages", "ec2messages"])
  vpc_id              = aws_vpc.this.id
  service_name        = "com.amazonaws.${var.region}.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [aws_subnet.private.id]
  security_group_ids  = [aws_security_group.vpce.id]
}

resource "aws_security_group" "fleet" {
  name   = "${local.name}-instances"
  vpc_id = aws_vpc.this.id
}

resource "aws_vpc_security_group_egress_rule" "fleet_https" {
  security_group_id            = aws_security_group.fleet.id
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = aws_security_group.vpce.id
}

# No instance profile: DHMC manages it.
resource "aws_instance" "runner" { # expect: SSM501
  count                  = 2
  ami                    = var.ami_id
  instance_type          = "c7g.large"
  subnet_id              = aws_subnet.private.id
  vpc_security_group_ids = [aws_security_group.fleet.id]
}

# Launch template without an iam_instance_profile block, autoscaled.
resource "aws_launch_template" "worker" {
  name_prefix            = "${local.name}-worker-"
  image_id               = var.ami_id
  instance_type          = "m7g.large"
  vpc_security_group_ids = [aws_security_group.fleet.id]

  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_autoscaling_group" "worker" {
  name_prefix         = "${local.name}-worker-"
  min_size            = 1
  max_size            = 4
  vpc_zone_identifier = [aws_subnet.private.id]

  launch_template {
    id      = aws_launch_template.worker.id
    version = "$Latest"
  }
}
