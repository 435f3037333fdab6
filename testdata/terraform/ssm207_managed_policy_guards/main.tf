# AWS managed policies attached by ARN are not policy text written in the
# stack. AmazonSSMManagedInstanceCore grants ssm:GetParameter(s) on "*"
# and CloudWatchAgentServerPolicy reads its own parameters: both are the
# recommended policies and must not be reported by SSM207. Customer
# policies next to them are checked as usual.

locals {
  aws_policy = "arn:aws:iam::aws:policy"
}

resource "aws_iam_role" "web" {
  name = "web"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })
  managed_policy_arns = [
    "${local.aws_policy}/AmazonSSMManagedInstanceCore",
    "${local.aws_policy}/CloudWatchAgentServerPolicy",
  ]
}

resource "aws_iam_role_policy_attachment" "web_patching" {
  role       = aws_iam_role.web.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMPatchAssociation"
}

resource "aws_iam_instance_profile" "web" {
  name = "web"
  role = aws_iam_role.web.name
}

resource "aws_iam_policy" "web_config" {
  name = "web-config"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ssm:GetParameter", "ssm:GetParametersByPath"]
        Resource = "*" # expect: SSM207:20
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "web_config" {
  role       = aws_iam_role.web.name
  policy_arn = aws_iam_policy.web_config.arn
}
