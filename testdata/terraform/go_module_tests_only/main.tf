# A terratest harness next to the Terraform: Go code with no SSM call in
# any non-test file, and a requirement that cannot be resolved offline.
# ssmlint does not build it (nothing to analyse), so the Terraform finding
# comes with no error and no download.
resource "aws_ssm_parameter" "bad_plain_password" {
  name  = "/app/db/password"
  type  = "String" # expect: SSM201
  value = "x"
}
