# OpenTofu ignores this file: main.tofu stands in for it. The finding
# below would fire if it were read (and Terraform would read it).
resource "aws_ssm_parameter" "db_password" {
  name  = "/app/db/password"
  type  = "String"
  value = "x"
}
