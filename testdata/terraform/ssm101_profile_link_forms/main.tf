# Seen in public stacks: the instance profile reaches the instance in many
# shapes, and the profile's name is often built from a variable CI sets.
# Each instance below is SSM-managed through its profile's role (it
# attaches AmazonSSMManagedInstanceCore) and sits in a private subnet with
# no endpoints: SSM101 must follow every one of these links.

variable "env" {
  type = string # no default: set by CI
}

variable "use_blue" {
  type = bool # unknown
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "private" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route_table_association" "private" {
  subnet_id      = aws_subnet.private.id
  route_table_id = aws_route_table.private.id
}

resource "aws_security_group" "app" {
  vpc_id = aws_vpc.main.id

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
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

resource "aws_iam_instance_profile" "blue" {
  name = "${var.env}-blue"
  role = aws_iam_role.app.name
}

resource "aws_iam_instance_profile" "per_team" {
  for_each = toset(["a", "b"])
  name     = "${var.env}-${each.key}"
  role     = aws_iam_role.app.name
}

locals {
  profile = aws_iam_instance_profile.app.name
}

# A bare reference to a profile whose name is not known.
resource "aws_instance" "bare_reference" { # expect: SSM501
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.private.id # expect: SSM101
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.app.name
}

# Through a local.
resource "aws_instance" "through_local" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.private.id # expect: SSM101
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = local.profile
}

# A template that is one interpolation.
resource "aws_instance" "single_interpolation" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.private.id # expect: SSM101
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = "${aws_iam_instance_profile.app.name}"
}

# A conditional whose branches are two profiles with the same role: either
# way the role is the same, so the link to the role is certain.
resource "aws_instance" "conditional_same_role" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.private.id # expect: SSM101
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = var.use_blue ? aws_iam_instance_profile.blue.name : aws_iam_instance_profile.app.name
}

# One instance of a for_each profile.
resource "aws_instance" "for_each_instance" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.private.id # expect: SSM101
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.per_team["a"].name
}

# try() around the reference.
resource "aws_instance" "through_try" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.private.id # expect: SSM101
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = try(aws_iam_instance_profile.app.name, null)
}

# Through a module input.
module "app" {
  source    = "./modules/app"
  subnet_id = aws_subnet.private.id
  sg_id     = aws_security_group.app.id
  profile   = aws_iam_instance_profile.app.name
}

# The profile's name written as a string: its known parts around the same
# variable match aws_iam_instance_profile.app and nothing else.
resource "aws_instance" "name_with_same_parts" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.private.id # expect: SSM101
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = "${var.env}-app"
}

# The name of one instance of a for_each profile, written as a string.
resource "aws_instance" "name_of_for_each_instance" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.private.id # expect: SSM101
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = "${var.env}-a"
}

# Precision: branches whose profiles carry different roles, one without
# the core policy. Which one applies is not known, so neither is whether
# the instance is managed: silent.
resource "aws_iam_role" "bare" {
  name               = "${var.env}-bare"
  assume_role_policy = "{}"
}

resource "aws_iam_instance_profile" "bare" {
  name = "${var.env}-bare"
  role = aws_iam_role.bare.name
}

resource "aws_instance" "conditional_roles_disagree" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.private.id
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = var.use_blue ? aws_iam_instance_profile.bare.name : aws_iam_instance_profile.app.name
}

# Precision: a profile named by a value from outside (no reference): no
# link, silent.
resource "aws_instance" "profile_from_input" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.private.id
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = var.env
}
