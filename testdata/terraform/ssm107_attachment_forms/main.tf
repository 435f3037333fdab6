# The deprecated AmazonEC2RoleforSSM reaches roles in many ways; each
# attachment is reported where the ARN is written.

locals {
  aws_policy = "arn:aws:iam::aws:policy"

  # One entry per managed policy the build agents need.
  build_agent_policies = {
    ssm        = "${local.aws_policy}/service-role/AmazonEC2RoleforSSM" # expect: SSM107:5
    cloudwatch = "${local.aws_policy}/CloudWatchAgentServerPolicy"
    ecr        = "${local.aws_policy}/AmazonEC2ContainerRegistryReadOnly"
  }
}

resource "aws_iam_role" "build_agent" {
  name               = "build-agent"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
}

resource "aws_iam_role_policy_attachment" "build_agent" {
  for_each   = local.build_agent_policies
  role       = aws_iam_role.build_agent.name
  policy_arn = each.value
}

resource "aws_iam_role" "bastion" {
  name               = "bastion"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
}

# Exclusive attachments: the whole set is managed here.
resource "aws_iam_role_policy_attachments_exclusive" "bastion" {
  role_name = aws_iam_role.bastion.name
  policy_arns = [
    "${local.aws_policy}/AmazonSSMManagedInstanceCore",
    "${local.aws_policy}/service-role/AmazonEC2RoleforSSM", # expect: SSM107:5
  ]
}

resource "aws_iam_role" "jenkins" {
  name               = "jenkins"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
}

# The old shared attachment resource.
resource "aws_iam_policy_attachment" "legacy_ssm" {
  name       = "legacy-ssm"
  roles      = [aws_iam_role.jenkins.name, "ops-admin"]
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM" # expect: SSM107:16
}

# Guards: the current policy, and another SSM managed policy.
resource "aws_iam_role" "ok_core" {
  name                = "ok-core"
  assume_role_policy  = "{}"
  managed_policy_arns = ["${local.aws_policy}/AmazonSSMManagedInstanceCore"]
}

resource "aws_iam_role_policy_attachment" "ok_patch" {
  role       = aws_iam_role.ok_core.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMPatchAssociation"
}
