# The name says nothing, the description says it is a secret.

resource "aws_ssm_parameter" "bad_described_as_password" {
  name        = "/app/db/main"
  description = "The database password"
  type        = "String" # expect: SSM201
  value       = "changeme"
}

resource "aws_ssm_parameter" "bad_described_as_token" {
  name        = "/billing/upstream"
  description = "API token for the billing service"
  type        = "StringList" # expect: SSM201
  value       = "a,b"
}

# Descriptions that speak about a secret without being one.
resource "aws_ssm_parameter" "ok_description_names_the_secret" {
  name        = "/app/db/secret-ref"
  description = "ARN of the secret holding the password"
  type        = "String"
  value       = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf"
}

resource "aws_ssm_parameter" "ok_neutral_description" {
  name        = "/app/db/endpoint"
  description = "Database host name"
  type        = "String"
  value       = "db.internal"
}
