# Variables set in terraform.tfvars.json (and *.auto.tfvars.json) count,
# as in Terraform: the name built from env breaks the naming rules.

variable "env" {
  type    = string
  default = "dev"
}

resource "aws_ssm_parameter" "db_host" {
  name  = "/orders/${var.env}/db/host" # expect: SSM203
  type  = "String"
  value = "db.internal"
}
