# aws_network_interface_sg_attachment adds a security group to an
# instance's primary network interface: its egress rules count for the
# instance as much as those of vpc_security_group_ids.

resource "aws_vpc" "main" {
  cidr_block = "10.80.0.0/16"
}

resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.80.1.0/24"
}

resource "aws_vpc_endpoint" "ssm" {
  for_each            = toset(["ssm", "ssmmessages", "ec2messages"])
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [aws_subnet.app.id]
}

# No egress block: no egress at all.
resource "aws_security_group" "base" {
  name   = "base"
  vpc_id = aws_vpc.main.id
}

resource "aws_security_group" "https_out" {
  name   = "https-out"
  vpc_id = aws_vpc.main.id

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "syslog_out" {
  name   = "syslog-out"
  vpc_id = aws_vpc.main.id

  egress {
    from_port   = 514
    to_port     = 514
    protocol    = "udp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}

# Guard: HTTPS out through the attached group.
resource "aws_instance" "web" { # expect: SSM501
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.app.id
  vpc_security_group_ids = [aws_security_group.base.id]
  iam_instance_profile   = "app-profile"
}

resource "aws_network_interface_sg_attachment" "web_https" {
  security_group_id    = aws_security_group.https_out.id
  network_interface_id = aws_instance.web.primary_network_interface_id
}

# Guard: the same, one attachment per instance of a count.
resource "aws_instance" "worker" {
  count                  = 2
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.app.id
  vpc_security_group_ids = [aws_security_group.base.id]
  iam_instance_profile   = "app-profile"
}

resource "aws_network_interface_sg_attachment" "worker_https" {
  count                = 2
  security_group_id    = aws_security_group.https_out.id
  network_interface_id = aws_instance.worker[count.index].primary_network_interface_id
}

# Fires: the attached group lets only syslog out.
resource "aws_instance" "batch" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.app.id
  vpc_security_group_ids = [aws_security_group.base.id] # expect: SSM104
  iam_instance_profile   = "app-profile"
}

resource "aws_network_interface_sg_attachment" "batch_syslog" {
  security_group_id    = aws_security_group.syslog_out.id
  network_interface_id = aws_instance.batch.primary_network_interface_id
}

# Fires: HTTPS out is attached to another stack's interface (a literal
# ID), not to this instance.
resource "aws_instance" "legacy" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.app.id
  vpc_security_group_ids = [aws_security_group.base.id] # expect: SSM104
  iam_instance_profile   = "app-profile"
}

resource "aws_network_interface_sg_attachment" "elsewhere" {
  security_group_id    = aws_security_group.https_out.id
  network_interface_id = "eni-0123456789abcdef0"
}
