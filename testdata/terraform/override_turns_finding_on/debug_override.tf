# A local override someone committed: Terraform merges it into the block
# above, and the finding points here, at the argument that causes it.
resource "aws_ssm_parameter" "db_password" {
  type = "String" # expect: SSM201
}
