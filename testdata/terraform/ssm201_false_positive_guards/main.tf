# Names that mention a secret word without holding a secret, secrets that
# are already SecureString, and names that cannot be known before apply.
# None of these may be reported.

variable "parameter_name" {
  type        = string
  description = "Full name of the parameter, set by the pipeline"
}

resource "random_pet" "suffix" {
  length = 2
}

resource "aws_ssm_parameter" "ok_token_url" {
  name  = "/app/auth/token_url"
  type  = "String"
  value = "https://auth.example.com/oauth2/token"
}

resource "aws_ssm_parameter" "ok_password_policy" {
  name  = "/app/iam/password_policy"
  type  = "String"
  value = jsonencode({ minimum_length = 14, require_symbols = true })
}

resource "aws_ssm_parameter" "ok_secret_arn" {
  name  = "/app/db/secret_arn"
  type  = "String"
  value = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf"
}

resource "aws_ssm_parameter" "ok_key_name" {
  name  = "/app/ec2/key_name"
  type  = "String"
  value = "deployer"
}

resource "aws_ssm_parameter" "ok_password_length" {
  name  = "/app/users/password_length"
  type  = "String"
  value = "16"
}

resource "aws_ssm_parameter" "ok_secure_string_secret_name" {
  name  = "/app/db/password"
  type  = "SecureString"
  value = random_password.db.result
}

resource "random_password" "db" {
  length = 32
}

# The name is known only after apply (a resource attribute).
resource "aws_ssm_parameter" "ok_unknown_name_from_resource" {
  name  = "/app/generated/${random_pet.suffix.id}"
  type  = "String"
  value = "x"
}

# The name comes from a variable nobody set in the scanned files.
resource "aws_ssm_parameter" "ok_unknown_name_from_unset_variable" {
  name  = var.parameter_name
  type  = "String"
  value = "x"
}

resource "aws_ssm_parameter" "ok_stringlist_of_hosts" {
  name  = "/app/db/hosts"
  type  = "StringList"
  value = join(",", ["db-1.internal", "db-2.internal"])
}
