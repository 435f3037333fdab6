# aws_iam_role_policy_attachments_exclusive lists the managed policies of
# a role. Lists that mix ARNs with references to customer policies or to
# attachment resources are read element by element: the core policy
# listed there makes the instance SSM-managed.

locals {
  ec2_assume = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
  core = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

variable "app_role_name" {
  type        = string
  description = "Set by the pipeline."
}

# A private subnet with no way out and no endpoints.
resource "aws_vpc" "main" {
  cidr_block = "10.30.0.0/16"
}

resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.30.1.0/24"
}

resource "aws_iam_policy" "artifacts" {
  name = "artifacts-read"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::artifacts/*" }]
  })
}

# Fires (SSM101): a customer policy and the core policy in one list.
resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = local.ec2_assume
}

resource "aws_iam_role_policy_attachments_exclusive" "app" {
  role_name   = aws_iam_role.app.name
  policy_arns = [aws_iam_policy.artifacts.arn, local.core]
}

resource "aws_iam_instance_profile" "app" {
  name = "app"
  role = aws_iam_role.app.name
}

resource "aws_instance" "app" { # expect: SSM501
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.private.id # expect: SSM101
  iam_instance_profile = aws_iam_instance_profile.app.name
}

# Fires (SSM101): the list names the attachment that attaches the core
# policy (whose own role comes from a variable).
resource "aws_iam_role" "jobs" {
  name               = "jobs"
  assume_role_policy = local.ec2_assume
}

resource "aws_iam_role_policy_attachment" "jobs_core" {
  role       = var.app_role_name
  policy_arn = local.core
}

resource "aws_iam_role_policy_attachments_exclusive" "jobs" {
  role_name   = aws_iam_role.jobs.name
  policy_arns = [aws_iam_role_policy_attachment.jobs_core.policy_arn, aws_iam_policy.artifacts.arn]
}

resource "aws_iam_instance_profile" "jobs" {
  name = "jobs"
  role = aws_iam_role.jobs.name
}

resource "aws_instance" "jobs" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.private.id # expect: SSM101
  iam_instance_profile = aws_iam_instance_profile.jobs.name
}

# Fires (SSM106): everything listed is known, and none of it is the core
# policy. The instance is managed through an association that targets it.
resource "aws_iam_role" "reports" {
  name               = "reports"
  assume_role_policy = local.ec2_assume
}

resource "aws_iam_role_policy_attachments_exclusive" "reports" {
  role_name = aws_iam_role.reports.name
  policy_arns = [
    aws_iam_policy.artifacts.arn,
    "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy",
  ]
}

resource "aws_iam_instance_profile" "reports" {
  name = "reports"
  role = aws_iam_role.reports.name
}

resource "aws_instance" "reports" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.private.id # expect: SSM101
  iam_instance_profile = aws_iam_instance_profile.reports.name # expect: SSM106
}

resource "aws_ssm_association" "reports_inventory" {
  name        = "AWS-GatherSoftwareInventory"
  instance_id = aws_instance.reports.id
}

# Guard (SSM106): a list element that is neither an ARN nor a policy of
# the stack may be the core policy. The association still makes the
# instance managed, so SSM101 fires.
variable "extra_policy_arn" {
  type = string
}

resource "aws_iam_role" "cache" {
  name               = "cache"
  assume_role_policy = local.ec2_assume
}

resource "aws_iam_role_policy_attachments_exclusive" "cache" {
  role_name   = aws_iam_role.cache.name
  policy_arns = [aws_iam_policy.artifacts.arn, var.extra_policy_arn]
}

resource "aws_iam_instance_profile" "cache" {
  name = "cache"
  role = aws_iam_role.cache.name
}

resource "aws_instance" "cache" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.private.id # expect: SSM101
  iam_instance_profile = aws_iam_instance_profile.cache.name
}

resource "aws_ssm_association" "cache_inventory" {
  name        = "AWS-GatherSoftwareInventory"
  instance_id = aws_instance.cache.id
}
