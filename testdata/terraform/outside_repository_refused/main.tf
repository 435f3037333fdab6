# Reading stops at the repository: a module source or a symbolic link that
# leads out of it is refused with an error naming the path, and the rest
# is still checked.
module "elsewhere" {
  source = "../../../../elsewhere/modules/app" # expect-error: outside the repository
}

resource "aws_ssm_parameter" "bad_plain_password" {
  name  = "/app/db/password"
  type  = "String" # expect: SSM201
  value = "x"
}
