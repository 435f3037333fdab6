# Heredoc policies with interpolations known only at apply (the Region,
# the account ID). The JSON around them is known: an "ssm:*" action or a
# "parameter//" in the literal text is reported (at the heredoc marker);
# the unknown parts themselves match anything. Expectations sit in a block
# comment before the marker, as nothing may follow it on its line.

variable "region" {
  type = string
}

data "aws_caller_identity" "current" {}

resource "aws_iam_role" "queue_worker" {
  name = "queue-worker"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy" "bad_interpolated_ssm_star" {
  name   = "queue-parameters"
  role   = aws_iam_role.queue_worker.id
  policy = /* # expect: SSM207:38 */ <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["ssm:*"],
          "Resource": "arn:aws:ssm:${var.region}:${data.aws_caller_identity.current.account_id}:parameter/queue/*"
        }
      ]
    }
  EOT
}

resource "aws_iam_role_policy" "bad_interpolated_double_slash" {
  name   = "queue-db"
  role   = aws_iam_role.queue_worker.id
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "ssm:GetParameter",
          "Resource": "arn:aws:ssm:${var.region /* # expect: SSM208:38 */}:${data.aws_caller_identity.current.account_id}:parameter//queue/db/url"
        }
      ]
    }
  EOT
}

resource "aws_iam_role_policy" "ok_interpolated" {
  name   = "queue-read"
  role   = aws_iam_role.queue_worker.id
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "ssm:DescribeParameters",
          "Resource": "*"
        },
        {
          "Effect": "Allow",
          "Action": ["ssm:GetParameter", "ssm:GetParameters"],
          "Resource": "arn:aws:ssm:${var.region}:${data.aws_caller_identity.current.account_id}:parameter/queue/*"
        }
      ]
    }
  EOT
}
