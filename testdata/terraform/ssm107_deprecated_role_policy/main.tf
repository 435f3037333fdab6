resource "aws_iam_role" "legacy" {
  name = "legacy-ec2"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachment" "bad_deprecated" {
  role       = aws_iam_role.legacy.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM" # expect: SSM107:16
}

resource "aws_iam_role_policy_attachment" "ok_core" {
  role       = aws_iam_role.legacy.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_role" "inline_list" {
  name                = "inline-list"
  assume_role_policy  = "{}"
  managed_policy_arns = ["arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM"] # expect: SSM107:26
}

# A role of another stack, named by a variable: still an attachment.
variable "role_name" {
  type = string
}

resource "aws_iam_role_policy_attachment" "bad_external_role" {
  role       = var.role_name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM" # expect: SSM107:16
}

# A customer policy that happens to share the name is not the AWS one.
resource "aws_iam_role_policy_attachment" "ok_customer_policy_same_name" {
  role       = aws_iam_role.legacy.name
  policy_arn = "arn:aws:iam::123456789012:policy/AmazonEC2RoleforSSM"
}
