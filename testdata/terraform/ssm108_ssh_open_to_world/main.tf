variable "admin_cidr" {
  type = string
}

resource "aws_security_group" "bad_inline" {
  name = "bastion"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # expect: SSM108:19
  }
}

resource "aws_security_group" "app" {
  name = "app"
}

resource "aws_security_group_rule" "bad_range_covers_22" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 0
  to_port           = 1024
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/8", "0.0.0.0/0"] # expect: SSM108:23
}

resource "aws_vpc_security_group_ingress_rule" "bad_ipv6_all_traffic" {
  security_group_id = aws_security_group.app.id
  ip_protocol       = "-1"
  cidr_ipv6         = "::/0" # expect: SSM108:23
}

# A rule on a group outside the stack still opens the port.
resource "aws_vpc_security_group_ingress_rule" "bad_external_group" {
  security_group_id = "sg-0123456789abcdef0"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = "0.0.0.0/0" # expect: SSM108:23
}

resource "aws_security_group" "ok_ssh_from_office" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["203.0.113.0/24"]
  }
}

resource "aws_security_group" "ok_https_from_world" {
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "ok_udp_22" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 22
  to_port           = 22
  protocol          = "udp"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "ok_egress_22" {
  type              = "egress"
  security_group_id = aws_security_group.app.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "ok_unknown_cidr" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = [var.admin_cidr]
}
