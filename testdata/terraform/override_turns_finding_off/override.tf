# Terraform merges override files into the blocks they name: the type
# here replaces the one in main.tf, so nothing is stored in plain text.
resource "aws_ssm_parameter" "db_password" {
  type = "SecureString"
}
