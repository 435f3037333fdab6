# Data sources are what their arguments fix, and nothing more. Every
# instance is managed (an association targets them all).

resource "aws_ssm_association" "agent_update" {
  name = "AWS-UpdateSSMAgent"

  targets {
    key    = "InstanceIds"
    values = ["*"]
  }

  output_location {
    s3_bucket_name = "ops-run-command-output"
  }
}

# AmazonSSMManagedInstanceCore looked up by name: the role has it.
data "aws_iam_policy" "core" {
  name = "AmazonSSMManagedInstanceCore"
}

resource "aws_iam_role" "core_by_data" {
  name               = "core-by-data"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy_attachment" "core_by_data" {
  role       = aws_iam_role.core_by_data.name
  policy_arn = data.aws_iam_policy.core.arn
}

resource "aws_iam_instance_profile" "core_by_data" {
  name = "core-by-data"
  role = aws_iam_role.core_by_data.name
}

resource "aws_instance" "ok_core_through_data_source" { # expect: SSM501
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.core_by_data.name
}

# A customer policy of another stack, looked up by name: it may grant the
# core actions.
data "aws_iam_policy" "baseline" {
  name = "team-instance-baseline"
}

resource "aws_iam_role" "baseline" {
  name               = "baseline"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy_attachment" "baseline" {
  role       = aws_iam_role.baseline.name
  policy_arn = data.aws_iam_policy.baseline.arn
}

resource "aws_iam_instance_profile" "baseline" {
  name = "baseline"
  role = aws_iam_role.baseline.name
}

resource "aws_instance" "ok_customer_policy_elsewhere" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.baseline.name
}

# A profile of another stack: its role is not known here.
data "aws_iam_instance_profile" "shared" {
  name = "shared-instances"
}

resource "aws_instance" "ok_profile_elsewhere" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  iam_instance_profile = data.aws_iam_instance_profile.shared.name
}

# An AWS managed policy known not to carry the core actions, looked up by
# name: the role lacks them.
data "aws_iam_policy" "s3_read" {
  name = "AmazonS3ReadOnlyAccess"
}

resource "aws_iam_role" "s3_only" {
  name               = "s3-only"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy_attachment" "s3_only" {
  role       = aws_iam_role.s3_only.name
  policy_arn = data.aws_iam_policy.s3_read.arn
}

resource "aws_iam_instance_profile" "s3_only" {
  name = "s3-only"
  role = aws_iam_role.s3_only.name
}

resource "aws_instance" "bad_s3_read_only" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.s3_only.name # expect: SSM106
}
