# The same setting named by its full service-setting ARN.
provider "aws" {
  region = "us-east-1"
}

resource "aws_ssm_service_setting" "bad_high_throughput_arn" {
  setting_id    = "arn:aws:ssm:us-east-1:123456789012:servicesetting/ssm/parameter-store/high-throughput-enabled"
  setting_value = "true" # expect: SSM302
}
