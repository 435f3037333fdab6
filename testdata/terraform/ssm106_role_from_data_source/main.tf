# Seen in a public stack: the instance profile wraps a role that another
# stack owns, looked up with a data source. Its policy attachments live
# there, so whether it carries AmazonSSMManagedInstanceCore is not known
# here: SSM106 stays silent. The instance is still SSM-managed (the
# profile says so), so the missing Session Manager logging stands.
data "aws_iam_role" "ssm" {
  name = "MyInstanceSSMRole"
}

resource "aws_iam_instance_profile" "ssm" {
  name = "MyInstanceSSMProfile"
  role = data.aws_iam_role.ssm.name
}

resource "aws_instance" "private" { # expect: SSM501
  ami                  = "ami-0f310fced6141e627"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.ssm.name
}

# The same with a role of this stack that attaches nothing: SSM106 fires.
resource "aws_iam_role" "bare" {
  name               = "bare"
  assume_role_policy = "{}"
}

resource "aws_iam_instance_profile" "bare" {
  name = "bare"
  role = aws_iam_role.bare.name
}

resource "aws_instance" "bad_bare_role" {
  ami                  = "ami-0f310fced6141e627"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.bare.name # expect: SSM106
}

# Every instance is meant to be managed: an association targets them all.
resource "aws_ssm_association" "agent_update" {
  name = "AWS-UpdateSSMAgent"

  output_location {
    s3_bucket_name = "ops-run-command-output"
  }

  targets {
    key    = "InstanceIds"
    values = ["*"]
  }
}
