# The account keeps SSM Agent up to date with an association that targets
# every instance (targets { key = "InstanceIds", values = ["*"] }, AWS's
# way to target all managed nodes): `app` is targeted, so it is meant to
# be managed (SSM101, SSM106).

variable "ami_id" {
  type = string
}

resource "aws_ssm_association" "update_agent" { # expect: SSM503:1
  name                = "AWS-UpdateSSMAgent"
  association_name    = "keep-ssm-agent-current"
  schedule_expression = "rate(14 days)"

  targets {
    key    = "InstanceIds"
    values = ["*"]
  }
}

resource "aws_vpc" "this" {
  cidr_block = "10.180.0.0/16"
}

resource "aws_subnet" "isolated" {
  vpc_id     = aws_vpc.this.id
  cidr_block = "10.180.1.0/24"
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

resource "aws_instance" "app" { # expect: SSM106:1, SSM501
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.isolated.id # expect: SSM101:28
  vpc_security_group_ids = [aws_security_group.app.id]
}
