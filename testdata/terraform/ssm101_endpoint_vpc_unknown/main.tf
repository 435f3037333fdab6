# The workload stack creates its own isolated subnet and instance; the
# endpoints are created here too, but in a VPC given by variable (no value
# in the repository: the pipeline passes it). That VPC may well be this
# one, so nothing can be said about missing endpoints.

variable "shared_vpc_id" {
  type        = string
  description = "VPC that hosts the shared interface endpoints."
}

variable "endpoint_subnet_ids" {
  type = list(string)
}

variable "ami_id" {
  type = string
}

resource "aws_vpc" "workload" {
  cidr_block = "10.80.0.0/16"
}

resource "aws_subnet" "workload" {
  vpc_id     = aws_vpc.workload.id
  cidr_block = "10.80.1.0/24"
}

resource "aws_route_table" "workload" {
  vpc_id = aws_vpc.workload.id
}

resource "aws_route_table_association" "workload" {
  subnet_id      = aws_subnet.workload.id
  route_table_id = aws_route_table.workload.id
}

resource "aws_vpc_endpoint" "ssm" {
  for_each            = toset(["ssm", "ssmmessages"])
  vpc_id              = var.shared_vpc_id
  service_name        = "com.amazonaws.eu-north-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = var.endpoint_subnet_ids
}

resource "aws_security_group" "workload" {
  name   = "workload"
  vpc_id = aws_vpc.workload.id

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_iam_role" "workload" {
  name                = "workload"
  assume_role_policy  = "{}"
  managed_policy_arns = ["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"]
}

resource "aws_iam_instance_profile" "workload" {
  name = "workload"
  role = aws_iam_role.workload.name
}

resource "aws_instance" "workload" { # expect: SSM501
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.workload.id
  vpc_security_group_ids = [aws_security_group.workload.id]
  iam_instance_profile   = aws_iam_instance_profile.workload.name
}
