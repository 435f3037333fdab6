# Shared by every stack through a symbolic link (stacks/prod/params.tf ->
# ../../shared/params.tf): Terraform reads the link as a file of the stack,
# so ssmlint does, and reports at the link's path.
resource "aws_ssm_parameter" "bad_shared_token" {
  name  = "/${var.env}/shared/token"
  type  = "String" # expect: SSM201
  value = "x"
}
