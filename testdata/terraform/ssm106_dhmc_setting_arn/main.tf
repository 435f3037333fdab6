# DHMC turned on with the full service-setting ARN (the form the provider
# documentation uses), built from data sources: instances without an
# instance profile are still managed.

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

variable "region" {
  type    = string
  default = "eu-north-1"
}

variable "ami_id" {
  type = string
}

variable "dhmc_role_name" {
  type    = string
  default = "service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole"
}

resource "aws_ssm_service_setting" "default_host_management" {
  setting_id    = "arn:aws:ssm:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:servicesetting/ssm/managed-instance/default-ec2-instance-management-role"
  setting_value = var.dhmc_role_name
}

resource "aws_vpc" "this" {
  cidr_block = "10.121.0.0/16"
}

resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.this.id
  cidr_block = "10.121.1.0/24"
}

resource "aws_vpc_endpoint" "ssm" {
  for_each            = toset(["ssm", "ssmmessages", "ec2messages"])
  vpc_id              = aws_vpc.this.id
  service_name        = "com.amazonaws.${var.region}.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [aws_subnet.app.id]
}

resource "aws_security_group" "app" {
  vpc_id = aws_vpc.this.id

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "app" { # expect: SSM501
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.app.id
  vpc_security_group_ids = [aws_security_group.app.id]
}
