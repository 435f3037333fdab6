# Autoscaled fleets: the launch template says how instances are built, the
# group says where they run. No SSM endpoints in this VPC.

variable "ami_id" {
  type = string
}

variable "azs" {
  type    = list(string)
  default = ["us-west-2a", "us-west-2b", "us-west-2c"]
}

locals {
  name = "ingest"
  cidr = "10.130.0.0/16"

  common_tags = {
    Service = local.name
    Role    = "web"
  }
}

resource "aws_vpc" "this" {
  cidr_block = local.cidr
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
}

resource "aws_subnet" "public" {
  count             = length(var.azs)
  vpc_id            = aws_vpc.this.id
  availability_zone = var.azs[count.index]
  cidr_block        = cidrsubnet(local.cidr, 8, count.index)
}

resource "aws_eip" "nat" {
  domain = "vpc"
}

resource "aws_nat_gateway" "this" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.public[0].id
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.this.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.this.id
  }
}

resource "aws_route_table_association" "public" {
  count          = length(var.azs)
  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}

# Private subnets behind the single NAT gateway.
resource "aws_subnet" "private" {
  count             = length(var.azs)
  vpc_id            = aws_vpc.this.id
  availability_zone = var.azs[count.index]
  cidr_block        = cidrsubnet(local.cidr, 8, 10 + count.index)
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.this.id

  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.this.id
  }
}

resource "aws_route_table_association" "private" {
  count          = length(var.azs)
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private.id
}

# Isolated subnets: only the local route.
resource "aws_subnet" "isolated" {
  count             = length(var.azs)
  vpc_id            = aws_vpc.this.id
  availability_zone = var.azs[count.index]
  cidr_block        = cidrsubnet(local.cidr, 8, 20 + count.index)
}

resource "aws_route_table" "isolated" {
  vpc_id = aws_vpc.this.id
}

resource "aws_route_table_association" "isolated" {
  count          = length(var.azs)
  subnet_id      = aws_subnet.isolated[count.index].id
  route_table_id = aws_route_table.isolated.id
}

resource "aws_security_group" "fleet" {
  name   = "${local.name}-fleet"
  vpc_id = aws_vpc.this.id

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_iam_role" "consumer" {
  name                = "${local.name}-consumer"
  assume_role_policy  = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
  managed_policy_arns = ["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"]
}

resource "aws_iam_instance_profile" "consumer" {
  name = "${local.name}-consumer"
  role = aws_iam_role.consumer.name
}

# --- consumers: managed (core policy), autoscaled into isolated subnets --

resource "aws_launch_template" "consumer" {
  name_prefix            = "${local.name}-consumer-"
  image_id               = var.ami_id
  instance_type          = "c6i.xlarge"
  vpc_security_group_ids = [aws_security_group.fleet.id]

  iam_instance_profile {
    name = aws_iam_instance_profile.consumer.name
  }
}

resource "aws_autoscaling_group" "consumer" { # expect: SSM501
  name                = "${local.name}-consumer"
  min_size            = 2
  max_size            = 10
  vpc_zone_identifier = aws_subnet.isolated[*].id # expect: SSM101:25

  launch_template {
    id      = aws_launch_template.consumer.id
    version = aws_launch_template.consumer.latest_version
  }
}

# --- web: behind the NAT gateway, targeted by a State Manager association
# through the tag the group propagates, but built without a profile -------

resource "aws_ssm_association" "web_hardening" { # expect: SSM503:1
  name = "AWS-RunShellScript"

  parameters = {
    commands = "sysctl -w net.ipv4.tcp_syncookies=1"
  }

  targets {
    key    = "tag:Role"
    values = ["web"]
  }
}

resource "aws_launch_template" "web" { # expect: SSM106:1
  name_prefix            = "${local.name}-web-"
  image_id               = var.ami_id
  instance_type          = "t3.large"
  vpc_security_group_ids = [aws_security_group.fleet.id]

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}

resource "aws_autoscaling_group" "web" {
  name                = "${local.name}-web"
  min_size            = 2
  max_size            = 6
  vpc_zone_identifier = aws_subnet.private[*].id

  launch_template {
    id      = aws_launch_template.web.id
    version = "$Latest"
  }

  dynamic "tag" {
    for_each = local.common_tags
    content {
      key                 = tag.key
      value               = tag.value
      propagate_at_launch = true
    }
  }
}

# --- spot: mixed instances policy, tagged through the template ------------

resource "aws_launch_template" "spot" { # expect: SSM106:1
  name_prefix            = "${local.name}-spot-"
  image_id               = var.ami_id
  vpc_security_group_ids = [aws_security_group.fleet.id]

  tag_specifications {
    resource_type = "instance"
    tags          = local.common_tags
  }
}

resource "aws_autoscaling_group" "spot" {
  name                = "${local.name}-spot"
  min_size            = 0
  max_size            = 20
  vpc_zone_identifier = aws_subnet.private[*].id

  mixed_instances_policy {
    instances_distribution {
      on_demand_percentage_above_base_capacity = 0
      spot_allocation_strategy                 = "price-capacity-optimized"
    }

    launch_template {
      launch_template_specification {
        launch_template_id = aws_launch_template.spot.id
        version            = "$Latest"
      }

      override {
        instance_type = "c6i.large"
      }

      override {
        instance_type = "c5.large"
      }
    }
  }
}

# --- reports: not targeted by anything, no profile: not meant to be managed
resource "aws_launch_template" "reports" {
  name_prefix            = "${local.name}-reports-"
  image_id               = var.ami_id
  instance_type          = "t3.small"
  vpc_security_group_ids = [aws_security_group.fleet.id]
}

resource "aws_autoscaling_group" "reports" {
  name                = "${local.name}-reports"
  min_size            = 1
  max_size            = 1
  vpc_zone_identifier = aws_subnet.isolated[*].id

  launch_template {
    name    = aws_launch_template.reports.name
    version = "$Latest"
  }
}
