# Names are usually "/${var.env}/.../password" with env passed by the
# pipeline (-var), so the whole name is unknown to the linter; its last
# segment, the only part SSM201 looks at, is a literal and decides.

variable "env" {
  type        = string
  description = "Passed with -var by the pipeline"
}

resource "random_id" "deploy" {
  byte_length = 4
}

resource "aws_ssm_parameter" "bad_env_prefixed_password" {
  name  = "/${var.env}/orders/db/password"
  type  = "String" # expect: SSM201
  value = "changeme"
}

resource "aws_ssm_parameter" "bad_resource_prefixed_api_key" {
  name  = "/deploy/${random_id.deploy.hex}/stripe_api_key"
  type  = "String" # expect: SSM201
  value = "sk_live_example"
}

# Guard that must stay silent: the unknown part IS the last segment.
resource "aws_ssm_parameter" "ok_unknown_last_segment" {
  name  = "/deploy/${random_id.deploy.hex}"
  type  = "String"
  value = "x"
}
