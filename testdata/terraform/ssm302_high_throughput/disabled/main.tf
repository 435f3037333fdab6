# Explicitly off: the free default.
resource "aws_ssm_service_setting" "ok_high_throughput_off" {
  setting_id    = "/ssm/parameter-store/high-throughput-enabled"
  setting_value = "false"
}
