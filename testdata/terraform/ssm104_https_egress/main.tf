# Managed instances (core policy) in a public subnet: they reach Systems
# Manager over the internet, if their security groups let HTTPS out.

variable "ami_id" {
  type = string
}

# Egress rules are decided by the network team per environment.
variable "egress_rules" {
  type = list(object({
    port  = number
    cidrs = list(string)
  }))
}

locals {
  name = "storefront"

  proxy_egress = [
    { port = 3128, cidrs = ["10.100.0.0/16"] },
    { port = 80, cidrs = ["0.0.0.0/0"] },
  ]
  web_egress = [
    { port = 443, cidrs = ["0.0.0.0/0"] },
    { port = 80, cidrs = ["0.0.0.0/0"] },
  ]
}

resource "aws_vpc" "this" {
  cidr_block = "10.100.0.0/16"
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
}

resource "aws_subnet" "public" {
  vpc_id                  = aws_vpc.this.id
  cidr_block              = "10.100.0.0/24"
  map_public_ip_on_launch = true
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.this.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.this.id
  }
}

resource "aws_route_table_association" "public" {
  subnet_id      = aws_subnet.public.id
  route_table_id = aws_route_table.public.id
}

resource "aws_iam_role" "web" {
  name               = "${local.name}-web"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
}

resource "aws_iam_role_policy_attachment" "web_core" {
  role       = aws_iam_role.web.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "web" {
  name = "${local.name}-web"
  role = aws_iam_role.web.name
}

# --- groups ------------------------------------------------------------------

# Only ingress: Terraform removes AWS's default allow-all egress.
resource "aws_security_group" "ingress_only" {
  name   = "${local.name}-ingress-only"
  vpc_id = aws_vpc.this.id

  ingress {
    description = "HTTPS from the load balancer"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.100.0.0/16"]
  }
}

# Egress written as separate rules (the provider's recommended style).
resource "aws_security_group" "separate_rules" {
  name   = "${local.name}-separate-rules"
  vpc_id = aws_vpc.this.id
}

resource "aws_vpc_security_group_egress_rule" "separate_rules_https" {
  security_group_id = aws_security_group.separate_rules.id
  description       = "HTTPS anywhere"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_security_group" "legacy_rules" {
  name   = "${local.name}-legacy-rules"
  vpc_id = aws_vpc.this.id
}

resource "aws_security_group_rule" "legacy_rules_https" {
  type              = "egress"
  security_group_id = aws_security_group.legacy_rules.id
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

# All traffic out.
resource "aws_security_group" "all_out" {
  name   = "${local.name}-all-out"
  vpc_id = aws_vpc.this.id

  egress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }
}

# HTTP only (the package mirror): no HTTPS.
resource "aws_security_group" "http_only" {
  name   = "${local.name}-http-only"
  vpc_id = aws_vpc.this.id

  egress {
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# Egress generated from the caller's variable: unknown here.
resource "aws_security_group" "from_variable" {
  name   = "${local.name}-from-variable"
  vpc_id = aws_vpc.this.id

  dynamic "egress" {
    for_each = var.egress_rules
    content {
      from_port   = egress.value.port
      to_port     = egress.value.port
      protocol    = "tcp"
      cidr_blocks = egress.value.cidrs
    }
  }
}

# Egress generated from locals: known, and it includes 443.
resource "aws_security_group" "web_dynamic" {
  name   = "${local.name}-web-dynamic"
  vpc_id = aws_vpc.this.id

  dynamic "egress" {
    for_each = local.web_egress
    content {
      from_port   = egress.value.port
      to_port     = egress.value.port
      protocol    = "tcp"
      cidr_blocks = egress.value.cidrs
    }
  }
}

# Egress generated from locals: known, and only the proxy and HTTP.
resource "aws_security_group" "proxy_dynamic" {
  name   = "${local.name}-proxy-dynamic"
  vpc_id = aws_vpc.this.id

  dynamic "egress" {
    for_each = local.proxy_egress
    iterator = rule
    content {
      from_port   = rule.value.port
      to_port     = rule.value.port
      protocol    = "tcp"
      cidr_blocks = rule.value.cidrs
    }
  }
}

# Egress explicitly emptied with attribute syntax.
resource "aws_security_group" "emptied" {
  name   = "${local.name}-emptied"
  vpc_id = aws_vpc.this.id
  egress = []
}

# --- instances ---------------------------------------------------------------

resource "aws_instance" "ingress_only" { # expect: SSM501
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.public.id
  vpc_security_group_ids = [aws_security_group.ingress_only.id] # expect: SSM104:28
  iam_instance_profile   = aws_iam_instance_profile.web.name
}

# Two groups: the second one lets HTTPS out.
resource "aws_instance" "two_groups" {
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.public.id
  vpc_security_group_ids = [aws_security_group.ingress_only.id, aws_security_group.separate_rules.id]
  iam_instance_profile   = aws_iam_instance_profile.web.name
}

resource "aws_instance" "legacy_rules" {
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.public.id
  vpc_security_group_ids = [aws_security_group.legacy_rules.id]
  iam_instance_profile   = aws_iam_instance_profile.web.name
}

resource "aws_instance" "all_out" {
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.public.id
  vpc_security_group_ids = [aws_security_group.all_out.id]
  iam_instance_profile   = aws_iam_instance_profile.web.name
}

resource "aws_instance" "http_only" {
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.public.id
  vpc_security_group_ids = [aws_security_group.http_only.id] # expect: SSM104:28
  iam_instance_profile   = aws_iam_instance_profile.web.name
}

resource "aws_instance" "from_variable" {
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.public.id
  vpc_security_group_ids = [aws_security_group.from_variable.id]
  iam_instance_profile   = aws_iam_instance_profile.web.name
}

resource "aws_instance" "web_dynamic" {
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.public.id
  vpc_security_group_ids = [aws_security_group.web_dynamic.id]
  iam_instance_profile   = aws_iam_instance_profile.web.name
}

resource "aws_instance" "proxy_dynamic" {
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.public.id
  vpc_security_group_ids = [aws_security_group.proxy_dynamic.id] # expect: SSM104:28
  iam_instance_profile   = aws_iam_instance_profile.web.name
}

resource "aws_instance" "emptied" {
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.public.id
  vpc_security_group_ids = [aws_security_group.emptied.id] # expect: SSM104:28
  iam_instance_profile   = aws_iam_instance_profile.web.name
}
