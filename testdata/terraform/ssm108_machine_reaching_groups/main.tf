# SSH open to the world matters where an SSH server can listen: a group on
# an instance, a launch template, or a group whose attachments are not all
# known here (unused in this stack, passed to a module). A group attached
# only to VPC endpoints, load balancers, databases, Lambda or EFS exposes
# no SSH server: silent, even with all traffic from 0.0.0.0/0.
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

# All traffic from anywhere, on the endpoints' group only: silent.
resource "aws_security_group" "endpoints" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_vpc_endpoint" "ssm" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.a.id]
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true
}

# A standalone rule on a group used by a load balancer and a database:
# silent.
resource "aws_security_group" "frontdoor" {
  vpc_id = aws_vpc.main.id
}

resource "aws_security_group_rule" "frontdoor_all" {
  type              = "ingress"
  security_group_id = aws_security_group.frontdoor.id
  from_port         = 0
  to_port           = 65535
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_lb" "web" {
  subnets         = [aws_subnet.a.id]
  security_groups = [aws_security_group.frontdoor.id]
}

resource "aws_db_instance" "db" {
  instance_class         = "db.t3.micro"
  engine                 = "postgres"
  vpc_security_group_ids = [aws_security_group.frontdoor.id]
}

# All traffic from anywhere on a network interface's group (an instance
# may use it): fires.
resource "aws_security_group" "app" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"] # expect: SSM108:19
  }
}

resource "aws_network_interface" "app" {
  subnet_id       = aws_subnet.a.id
  security_groups = [aws_security_group.app.id]
}

# On a launch template and a load balancer: fires.
resource "aws_security_group" "workers" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # expect: SSM108:19
  }
}

resource "aws_launch_template" "workers" {
  image_id = "ami-12345678"
  network_interfaces {
    security_groups = [aws_security_group.workers.id]
  }
}

resource "aws_lb" "workers" {
  subnets         = [aws_subnet.a.id]
  security_groups = [aws_security_group.workers.id]
}

# Attached to nothing in this stack: used elsewhere, may reach a machine.
resource "aws_security_group" "unused" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port        = 22
    to_port          = 22
    protocol         = "tcp"
    ipv6_cidr_blocks = ["::/0"] # expect: SSM108:24
  }
}

# Passed out of the module: who uses it is not known here.
resource "aws_security_group" "exported" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # expect: SSM108:19
  }
}

output "exported_sg" {
  value = aws_security_group.exported.id
}
