variable "alarm_thresholds" {
  description = "CloudWatch alarm thresholds published for the on-call tooling"
  type        = map(string)
  default = {
    cpu_high        = "80"
    memory_high     = "85"
    "disk free min" = "10" # expect: SSM203
  }
}
