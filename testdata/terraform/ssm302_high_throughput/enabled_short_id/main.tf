# Higher throughput makes every Parameter Store API call billable.
resource "aws_ssm_service_setting" "bad_high_throughput_short_id" {
  setting_id    = "/ssm/parameter-store/high-throughput-enabled"
  setting_value = "true" # expect: SSM302
}
