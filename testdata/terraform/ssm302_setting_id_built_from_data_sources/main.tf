# Multi-account stacks build the setting ARN from the region and account
# data sources; its known tail names the setting, so SSM302 fires.

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

resource "aws_ssm_service_setting" "bad_high_throughput_arn_from_data" {
  setting_id    = "arn:aws:ssm:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:servicesetting/ssm/parameter-store/high-throughput-enabled"
  setting_value = "true" # expect: SSM302
}
