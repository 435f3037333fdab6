# A private subnet whose instance Session Manager cannot reach: the
# mistakes of "We couldn't start the session", all in one stack.
# Its fixed twin is ../session-manager-private-fixed.

variable "region" {
  type    = string
  default = "eu-west-1"
}

resource "aws_vpc" "main" {
  cidr_block           = "10.20.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
}

resource "aws_subnet" "private" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.20.1.0/24"
  availability_zone = "${var.region}a"
}

# No NAT gateway and no default route: the subnet is fully private.
resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route_table_association" "private" {
  subnet_id      = aws_subnet.private.id
  route_table_id = aws_route_table.private.id
}

resource "aws_security_group" "endpoints" {
  name   = "ssm-endpoints"
  vpc_id = aws_vpc.main.id

  # HTTPS only from the old office network, not from the VPC.
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["192.168.0.0/16"]
  }
}

# Private DNS is left at the provider default (false).
resource "aws_vpc_endpoint" "ssm" {
  vpc_id             = aws_vpc.main.id
  service_name       = "com.amazonaws.${var.region}.ssm"
  vpc_endpoint_type  = "Interface"
  subnet_ids         = [aws_subnet.private.id]
  security_group_ids = [aws_security_group.endpoints.id]
}

# No vpc_endpoint_type: the provider makes a Gateway endpoint, which
# ssmmessages does not offer. And there is no ec2messages endpoint.
resource "aws_vpc_endpoint" "ssmmessages" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.${var.region}.ssmmessages"
}

# No egress block: Terraform removes AWS's default allow-all egress.
resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.main.id
}

# SSH open to the world, "just in case".
resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# No instance profile.
resource "aws_instance" "app" {
  ami                    = "ami-0123456789abcdef0"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.private.id
  vpc_security_group_ids = [aws_security_group.app.id]
}
