# An autoscaling group built from a launch configuration (the older form
# of a launch template) in a private subnet with no NAT and no endpoints:
# its instances are SSM-managed and cannot reach Systems Manager.
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
  name               = "app"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy_attachment" "core" {
  role       = aws_iam_role.app.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "app" {
  name = "app"
  role = aws_iam_role.app.name
}

resource "aws_launch_configuration" "app" {
  name                 = "app-v1"
  image_id             = "ami-12345678"
  instance_type        = "t3.micro"
  security_groups      = [aws_security_group.app.id]
  iam_instance_profile = aws_iam_instance_profile.app.name
}

resource "aws_autoscaling_group" "app" { # expect: SSM501
  min_size             = 1
  max_size             = 2
  launch_configuration = aws_launch_configuration.app.name
  vpc_zone_identifier  = [aws_subnet.private.id] # expect: SSM101
}

# The same configuration named literally: the group still gets it.
resource "aws_autoscaling_group" "by_name" {
  min_size             = 1
  max_size             = 2
  launch_configuration = "app-v1"
  vpc_zone_identifier  = [aws_subnet.private.id] # expect: SSM101
}
