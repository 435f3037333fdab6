# Other Parameter Store settings are not about throughput.
resource "aws_ssm_service_setting" "ok_default_tier" {
  setting_id    = "arn:aws:ssm:eu-west-1:123456789012:servicesetting/ssm/parameter-store/default-parameter-tier"
  setting_value = "Standard"
}
