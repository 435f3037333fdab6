variable "subnet_id" {
  type = string
}

variable "sg_id" {
  type = string
}

variable "profile" {
  type = string
}

resource "aws_instance" "this" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  subnet_id              = var.subnet_id # expect: SSM101
  vpc_security_group_ids = [var.sg_id]
  iam_instance_profile   = var.profile
}
