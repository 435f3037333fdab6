# A profile named by a string ("${var.env}-app") matches the profile of
# that name only when no other profile could have it: here another
# profile's name comes from a variable, so it could be "prod-app" too.
# The link stays unknown, and so does whether the instance is managed:
# silent.

variable "env" {
  type = string
}

variable "legacy_profile_name" {
  type = string
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route_table_association" "private" {
  subnet_id      = aws_subnet.private.id
  route_table_id = aws_route_table.private.id
}

resource "aws_iam_role" "app" {
  name               = "${var.env}-app"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy_attachment" "core" {
  role       = aws_iam_role.app.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "app" {
  name = "${var.env}-app"
  role = aws_iam_role.app.name
}

resource "aws_iam_role" "legacy" {
  name               = "legacy"
  assume_role_policy = "{}"
}

resource "aws_iam_instance_profile" "legacy" {
  name = var.legacy_profile_name
  role = aws_iam_role.legacy.name
}

resource "aws_instance" "ok_name_could_be_either" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.private.id
  iam_instance_profile = "${var.env}-app"
}
