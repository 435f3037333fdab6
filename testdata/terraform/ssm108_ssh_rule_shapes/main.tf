# SSH open to the world, written the ways platform code writes rules.

variable "ssh_cidrs" {
  type    = list(string)
  default = ["0.0.0.0/0"] # "temporary"
}

variable "office_prefix_list_id" {
  type = string
}

locals {
  ingress_ports = {
    https = { port = 443, cidrs = ["0.0.0.0/0"] }
    ssh   = { port = 22, cidrs = ["0.0.0.0/0", "::/0"] }
  }
}

resource "aws_vpc" "this" {
  cidr_block = "10.150.0.0/16"
}

# Rules generated from a map of ports.
resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = aws_vpc.this.id

  dynamic "ingress" {
    for_each = local.ingress_ports
    content {
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = ingress.value.cidrs # expect: SSM108:21
    }
  }
}

# The VPC's default group, managed in place.
resource "aws_default_security_group" "this" {
  vpc_id = aws_vpc.this.id

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "6"
    cidr_blocks = var.ssh_cidrs # expect: SSM108:19
  }
}

resource "aws_security_group" "jump" {
  name   = "jump"
  vpc_id = aws_vpc.this.id
}

# A port range that happens to include 22.
resource "aws_vpc_security_group_ingress_rule" "jump_admin_ports" {
  security_group_id = aws_security_group.jump.id
  ip_protocol       = "tcp"
  from_port         = 20
  to_port           = 25
  cidr_ipv4         = "0.0.0.0/0" # expect: SSM108:23
}

# Guards: SSH from a prefix list, from a single IPv6 range, to the world
# but over UDP (mosh), and port 2222.
resource "aws_vpc_security_group_ingress_rule" "jump_office" {
  security_group_id = aws_security_group.jump.id
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  prefix_list_id    = var.office_prefix_list_id
}

resource "aws_vpc_security_group_ingress_rule" "jump_office_v6" {
  security_group_id = aws_security_group.jump.id
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv6         = "2001:db8:1234::/48"
}

resource "aws_vpc_security_group_ingress_rule" "jump_mosh" {
  security_group_id = aws_security_group.jump.id
  ip_protocol       = "udp"
  from_port         = 60000
  to_port           = 61000
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_security_group_rule" "jump_alt_ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.jump.id
  protocol          = "tcp"
  from_port         = 2222
  to_port           = 2222
  cidr_blocks       = ["0.0.0.0/0"]
}
