# (The instance's own tags are literal: a machine tag set at apply makes
# the fleet unknown, and then nothing is said.)
#
# Resource groups whose query has computed parts, named by reference from
# window targets (the group's name is built from a variable with no
# value, so only the reference links them). A tag filter whose value is
# set at apply still needs its key: a key no machine carries selects
# nothing (fires); a key the instances carry may match (silent). The
# forms: jsonencode with a variable, a heredoc with an interpolation.
variable "env" {
  type = string
}

resource "aws_instance" "web" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  tags = {
    Role        = "web"
    Environment = "production"
  }
}

resource "aws_resourcegroups_group" "by_env" {
  name = "${var.env}-web"
  resource_query {
    query = jsonencode({
      ResourceTypeFilters = ["AWS::EC2::Instance"]
      TagFilters = [
        { Key = "Role", Values = ["web"] },
        { Key = "Environment", Values = [var.env] },
      ]
    })
  }
}

resource "aws_resourcegroups_group" "wrong_key" {
  name = "${var.env}-wrong"
  resource_query {
    query = <<-JSON
      {
        "ResourceTypeFilters": ["AWS::EC2::Instance"],
        "TagFilters": [{"Key": "Stage", "Values": ["${var.env}"]}]
      }
    JSON
  }
}

resource "aws_resourcegroups_group" "heredoc_ok" {
  name = "${var.env}-heredoc"
  resource_query {
    query = <<-JSON
      {
        "ResourceTypeFilters": ["AWS::EC2::Instance"],
        "TagFilters": [{"Key": "Environment", "Values": ["${var.env}"]}]
      }
    JSON
  }
}

# Which types it selects is not known: silent.
resource "aws_resourcegroups_group" "types_unknown" {
  name = "${var.env}-types"
  resource_query {
    query = jsonencode({
      ResourceTypeFilters = [var.env]
      TagFilters          = [{ Key = "Stage", Values = ["x"] }]
    })
  }
}

resource "aws_ssm_maintenance_window" "w" {
  name     = "w"
  schedule = "cron(0 3 ? * SUN *)"
  duration = 3
  cutoff   = 1
}

resource "aws_ssm_maintenance_window_target" "by_env" {
  window_id     = aws_ssm_maintenance_window.w.id
  resource_type = "RESOURCE_GROUP"
  targets {
    key    = "resource-groups:Name"
    values = [aws_resourcegroups_group.by_env.name]
  }
}

resource "aws_ssm_maintenance_window_target" "wrong_key" {
  window_id     = aws_ssm_maintenance_window.w.id
  resource_type = "RESOURCE_GROUP"
  targets {
    key    = "resource-groups:Name"
    values = [aws_resourcegroups_group.wrong_key.name] # expect: SSM404:14
  }
}

resource "aws_ssm_maintenance_window_target" "heredoc_ok" {
  window_id     = aws_ssm_maintenance_window.w.id
  resource_type = "RESOURCE_GROUP"
  targets {
    key    = "resource-groups:Name"
    values = [aws_resourcegroups_group.heredoc_ok.name]
  }
}

resource "aws_ssm_maintenance_window_target" "types_unknown" {
  window_id     = aws_ssm_maintenance_window.w.id
  resource_type = "RESOURCE_GROUP"
  targets {
    key    = "resource-groups:Name"
    values = [aws_resourcegroups_group.types_unknown.name]
  }
}
