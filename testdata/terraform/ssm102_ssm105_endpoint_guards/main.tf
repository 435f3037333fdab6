# More endpoint shapes: services that only look like SSM, and a wrapper
# module whose private DNS default is off.

variable "region" {
  type    = string
  default = "eu-west-1"
}

resource "aws_vpc" "this" {
  cidr_block           = "10.140.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
}

# Incident Manager endpoints: not Session Manager, whatever the prefix.
resource "aws_vpc_endpoint" "incident_manager" {
  for_each          = toset(["ssm-incidents", "ssm-contacts"])
  vpc_id            = aws_vpc.this.id
  service_name      = "com.amazonaws.${var.region}.${each.key}"
  vpc_endpoint_type = "Interface"
}

# CloudWatch Logs and KMS without a type: not SSM102/SSM105's business.
resource "aws_vpc_endpoint" "logs" {
  vpc_id       = aws_vpc.this.id
  service_name = "com.amazonaws.${var.region}.logs"
}

resource "aws_vpc_endpoint" "kms" {
  vpc_id              = aws_vpc.this.id
  service_name        = "com.amazonaws.${var.region}.kms"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = false
}

# A PrivateLink service of another account.
resource "aws_vpc_endpoint" "partner" {
  vpc_id            = aws_vpc.this.id
  service_name      = "com.amazonaws.vpce.${var.region}.vpce-svc-0a1b2c3d4e5f60718"
  vpc_endpoint_type = "Interface"
}

# The wrapper module: prod turns private DNS on, the sandbox call relies
# on the module's default (off).
module "prod_ssm_endpoint" {
  source      = "./modules/interface_endpoint"
  vpc_id      = aws_vpc.this.id
  service     = "ssm"
  region      = var.region
  private_dns = true
}

module "sandbox_ssm_endpoint" {
  source  = "./modules/interface_endpoint"
  vpc_id  = aws_vpc.this.id
  service = "ssm"
  region  = var.region
}

# A Gateway endpoint asked for by a caller that copied the S3 block.
module "ssmmessages_gateway" {
  source      = "./modules/interface_endpoint"
  vpc_id      = aws_vpc.this.id
  service     = "ssmmessages"
  region      = var.region
  type        = "Gateway"
  private_dns = true
}
