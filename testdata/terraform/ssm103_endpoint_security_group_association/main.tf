# Endpoint security groups given by aws_vpc_endpoint_security_group_association:
# they join security_group_ids, and with replace_default_association = true
# they take the place of the VPC's default group.

resource "aws_vpc" "main" {
  cidr_block = "10.70.0.0/16"
}

resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.70.1.0/24"
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.main.id

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "app" { # expect: SSM501
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.app.id
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = "app-profile"
}

# The VPC's default group, managed here with no rules.
resource "aws_default_security_group" "main" {
  vpc_id = aws_vpc.main.id
}

resource "aws_security_group" "endpoints_closed" {
  name   = "endpoints-closed"
  vpc_id = aws_vpc.main.id
}

resource "aws_security_group" "endpoints_https" {
  name   = "endpoints-https"
  vpc_id = aws_vpc.main.id
}

resource "aws_vpc_security_group_ingress_rule" "endpoints_https" {
  security_group_id = aws_security_group.endpoints_https.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = aws_vpc.main.cidr_block
}

# Guard: its own group admits nothing, the associated one admits 443.
resource "aws_vpc_endpoint" "ssm" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [aws_subnet.app.id]
  security_group_ids  = [aws_security_group.endpoints_closed.id]
}

resource "aws_vpc_endpoint_security_group_association" "ssm" {
  vpc_endpoint_id   = aws_vpc_endpoint.ssm.id
  security_group_id = aws_security_group.endpoints_https.id
}

# Guard: the default group (no rules) is replaced by one that admits 443.
resource "aws_vpc_endpoint" "ec2messages" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.ec2messages"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [aws_subnet.app.id]
}

resource "aws_vpc_endpoint_security_group_association" "ec2messages" {
  vpc_endpoint_id             = aws_vpc_endpoint.ec2messages.id
  security_group_id           = aws_security_group.endpoints_https.id
  replace_default_association = true
}

# Fires: the default group is replaced by one that admits nothing.
resource "aws_vpc_endpoint" "ssmmessages" { # expect: SSM103
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.ssmmessages"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [aws_subnet.app.id]
}

resource "aws_vpc_endpoint_security_group_association" "ssmmessages" {
  vpc_endpoint_id             = aws_vpc_endpoint.ssmmessages.id
  security_group_id           = aws_security_group.endpoints_closed.id
  replace_default_association = true
}

# Guard: a VPC where a group that admits 443 is associated with an
# endpoint whose ID comes from a variable: it may be one of these.
variable "endpoint_id" {
  type = string
}

resource "aws_vpc" "edge" {
  cidr_block = "10.71.0.0/16"
}

resource "aws_subnet" "edge" {
  vpc_id     = aws_vpc.edge.id
  cidr_block = "10.71.1.0/24"
}

resource "aws_security_group" "edge_closed" {
  name   = "edge-closed"
  vpc_id = aws_vpc.edge.id
}

resource "aws_security_group" "edge_https" {
  name   = "edge-https"
  vpc_id = aws_vpc.edge.id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.71.0.0/16"]
  }
}

resource "aws_vpc_endpoint" "edge" {
  for_each            = toset(["ssm", "ssmmessages", "ec2messages"])
  vpc_id              = aws_vpc.edge.id
  service_name        = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [aws_subnet.edge.id]
  security_group_ids  = [aws_security_group.edge_closed.id]
}

resource "aws_vpc_endpoint_security_group_association" "edge" {
  vpc_endpoint_id   = var.endpoint_id
  security_group_id = aws_security_group.edge_https.id
}

resource "aws_instance" "edge" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.edge.id
  vpc_security_group_ids = [aws_security_group.app_edge.id]
  iam_instance_profile   = "app-profile"
}

resource "aws_security_group" "app_edge" {
  name   = "app-edge"
  vpc_id = aws_vpc.edge.id

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# Fires: a VPC whose default group the stack does not manage; the
# associations replace it with a group that admits nothing.
resource "aws_vpc" "ops" {
  cidr_block = "10.72.0.0/16"
}

resource "aws_subnet" "ops" {
  vpc_id     = aws_vpc.ops.id
  cidr_block = "10.72.1.0/24"
}

resource "aws_security_group" "ops_closed" {
  name   = "ops-closed"
  vpc_id = aws_vpc.ops.id
}

resource "aws_security_group" "ops_app" {
  name   = "ops-app"
  vpc_id = aws_vpc.ops.id

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_vpc_endpoint" "ops" { # expect: SSM103, SSM103, SSM103
  for_each            = toset(["ssm", "ssmmessages", "ec2messages"])
  vpc_id              = aws_vpc.ops.id
  service_name        = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [aws_subnet.ops.id]
}

resource "aws_vpc_endpoint_security_group_association" "ops" {
  for_each                    = aws_vpc_endpoint.ops
  vpc_endpoint_id             = each.value.id
  security_group_id           = aws_security_group.ops_closed.id
  replace_default_association = true
}

resource "aws_instance" "ops" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.ops.id
  vpc_security_group_ids = [aws_security_group.ops_app.id]
  iam_instance_profile   = "app-profile"
}
