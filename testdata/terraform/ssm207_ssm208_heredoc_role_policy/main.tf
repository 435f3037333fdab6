# Inline role policies kept as raw JSON, as older stacks write them: a
# heredoc (<<EOF or the indented <<-EOT) or a one-line JSON string. Findings
# point at the start of the `policy` expression. Nothing may follow a
# heredoc marker on its line, so those expectations sit in a block comment
# just before the marker. Each bad policy here has exactly one offending
# element.

resource "aws_iam_role" "legacy_batch" {
  name = "legacy-batch"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy" "bad_heredoc_ssm_star" {
  name   = "batch-parameters"
  role   = aws_iam_role.legacy_batch.id
  policy = /* # expect: SSM207:38 */ <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "BatchParameters",
      "Effect": "Allow",
      "Action": "ssm:*",
      "Resource": "arn:aws:ssm:eu-west-1:123456789012:parameter/batch/*"
    }
  ]
}
EOF
}

resource "aws_iam_role_policy" "bad_heredoc_reads_on_star" {
  name   = "batch-config"
  role   = aws_iam_role.legacy_batch.id
  policy = /* # expect: SSM207:38 */ <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": [
            "ssm:GetParametersByPath",
            "ssm:DescribeParameters"
          ],
          "Resource": "*"
        }
      ]
    }
  EOT
}

# The name's leading slash kept after "parameter/".
resource "aws_iam_role_policy" "bad_heredoc_double_slash" {
  name   = "batch-db"
  role   = aws_iam_role.legacy_batch.id
  policy = /* # expect: SSM208:38 */ <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["ssm:GetParameter", "ssm:GetParameters"],
          "Resource": [
            "arn:aws:ssm:eu-west-1:123456789012:parameter/batch/queue_url",
            "arn:aws:ssm:eu-west-1:123456789012:parameter//batch/db/host"
          ]
        }
      ]
    }
  EOT
}

# One-line JSON string.
resource "aws_iam_role_policy" "bad_literal_json_reads_on_star" {
  name   = "batch-flags"
  role   = aws_iam_role.legacy_batch.id
  policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ssm:GetParameters\",\"ssm:GetParameterHistory\"],\"Resource\":\"*\"}]}" # expect: SSM207:12
}

resource "aws_iam_role_policy" "bad_literal_json_account" {
  name   = "batch-secrets"
  role   = aws_iam_role.legacy_batch.id
  policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ssm:GetParameter\",\"Resource\":\"arn:aws:ssm:eu-west-1:1234-5678-9012:parameter/batch/*\"}]}" # expect: SSM208:12
}

# Least privilege in a heredoc: describe on "*", reads on the path and on
# AWS public parameters (no account in their ARN), a Deny with "ssm:*".
resource "aws_iam_role_policy" "ok_heredoc_least_privilege" {
  name   = "batch-read"
  role   = aws_iam_role.legacy_batch.id
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Describe",
      "Effect": "Allow",
      "Action": "ssm:DescribeParameters",
      "Resource": "*"
    },
    {
      "Sid": "Read",
      "Effect": "Allow",
      "Action": ["ssm:GetParameter*"],
      "Resource": [
        "arn:aws:ssm:eu-west-1:123456789012:parameter/batch/*",
        "arn:aws:ssm:*::parameter/aws/service/ami-amazon-linux-latest/*"
      ]
    },
    {
      "Sid": "HandsOffPlatformParameters",
      "Effect": "Deny",
      "Action": "ssm:*",
      "Resource": "arn:aws:ssm:*:*:parameter/platform/*"
    }
  ]
}
EOF
}

resource "aws_iam_role_policy" "ok_literal_json" {
  name   = "batch-describe"
  role   = aws_iam_role.legacy_batch.id
  policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ssm:DescribeParameters\",\"Resource\":\"*\"}]}"
}
