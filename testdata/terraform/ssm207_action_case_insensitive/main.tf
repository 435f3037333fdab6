# IAM action names are case-insensitive: "SSM:*" is "ssm:*", and
# "ssm:getparameters" is a parameter read. Describe on "*" stays silent
# in any case.

resource "aws_iam_policy" "bad_upper_case_service" {
  name = "legacy-ops"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "SSM:*" # expect: SSM207:18
      Resource = "arn:aws:ssm:eu-west-1:123456789012:parameter/ops/*"
    }]
  })
}

resource "aws_iam_policy" "bad_lower_case_read_on_star" {
  name = "legacy-reader"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["ssm:getparameters", "ssm:getParametersByPath"]
      Resource = "*" # expect: SSM207:18
    }]
  })
}

resource "aws_iam_policy" "ok_lower_case_describe" {
  name = "legacy-describe"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "ssm:describeparameters"
      Resource = "*"
    }]
  })
}
