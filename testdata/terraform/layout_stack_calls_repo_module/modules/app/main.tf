variable "env" {
  type = string
}

resource "aws_ssm_parameter" "bad_db_password" {
  name  = "/${var.env}/app/db/password"
  type  = "String" # expect: SSM201
  value = "x"
}

resource "aws_ssm_parameter" "ok_db_host" {
  name  = "/${var.env}/app/db/host"
  type  = "String"
  value = "db.internal"
}
