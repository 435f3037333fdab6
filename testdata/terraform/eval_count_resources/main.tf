# count-based resources: every instance is evaluated with its own
# count.index. Instances made from a list by index are reported at the
# attribute (count gives no entry to point at).

variable "create_legacy_params" {
  type    = bool
  default = false
}

variable "replica_count" {
  type    = number
  default = 2
}

locals {
  queue_names = ["/jobs/queue/high", "jobs/queue/low", "/jobs/queue/dead letter"]
}

resource "aws_ssm_parameter" "queue" {
  count = length(local.queue_names)

  name  = local.queue_names[count.index] # expect: SSM203, SSM203
  type  = "String"
  value = "https://sqs.eu-west-1.amazonaws.com/123456789012/q${count.index}"
}

resource "aws_ssm_parameter" "replica_password" {
  count = var.replica_count

  name  = "/jobs/db/replica-${count.index}/password"
  type  = "String" # expect: SSM201, SSM201
  value = "changeme-${count.index}"
}

# count = 0: no instance, nothing to report even though the name is bad.
resource "aws_ssm_parameter" "legacy" {
  count = var.create_legacy_params ? 1 : 0

  name  = "/aws/legacy/jobs"
  type  = "String"
  value = "x"
}

# count = 1 through the same toggle pattern: checked.
resource "aws_ssm_parameter" "current" {
  count = var.create_legacy_params ? 0 : 1

  name  = "/jobs/settings"
  type  = "String"
  tier  = "Advanced" # expect: SSM301
  value = "{}"
}
