variable "vpc_id" {
  type = string
}

variable "service" {
  type = string
}

variable "region" {
  type = string
}

variable "type" {
  type    = string
  default = "Interface"
}

variable "private_dns" {
  type    = bool
  default = false
}

resource "aws_vpc_endpoint" "this" {
  vpc_id              = var.vpc_id
  service_name        = "com.amazonaws.${var.region}.${var.service}"
  vpc_endpoint_type   = var.type        # expect: SSM105:25
  private_dns_enabled = var.private_dns # expect: SSM102:25
}

output "id" {
  value = aws_vpc_endpoint.this.id
}
