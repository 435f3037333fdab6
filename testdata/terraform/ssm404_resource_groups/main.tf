# Window targets by resource group: matched through the group's tag
# filters when the group is declared in the stack.
resource "aws_instance" "web" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  tags = {
    Role        = "web"
    Environment = "production"
  }
}

resource "aws_resourcegroups_group" "web" {
  name = "web-servers"
  resource_query {
    query = jsonencode({
      ResourceTypeFilters = ["AWS::EC2::Instance"]
      TagFilters = [
        { Key = "Role", Values = ["web"] },
        { Key = "Environment", Values = ["production", "staging"] },
      ]
    })
  }
}

resource "aws_resourcegroups_group" "typo" {
  name = "web-typo"
  resource_query {
    query = jsonencode({
      ResourceTypeFilters = ["AWS::EC2::Instance"]
      TagFilters          = [{ Key = "Role", Values = ["wbe"] }]
    })
  }
}

resource "aws_resourcegroups_group" "buckets" {
  name = "buckets"
  resource_query {
    query = jsonencode({
      ResourceTypeFilters = ["AWS::S3::Bucket"]
      TagFilters          = [{ Key = "Role", Values = ["web"] }]
    })
  }
}

resource "aws_ssm_maintenance_window" "w" {
  name     = "w"
  schedule = "cron(0 3 ? * SUN *)"
  duration = 3
  cutoff   = 1
}

# Matches aws_instance.web: silent.
resource "aws_ssm_maintenance_window_target" "web" {
  window_id     = aws_ssm_maintenance_window.w.id
  resource_type = "RESOURCE_GROUP"
  targets {
    key    = "resource-groups:Name"
    values = ["web-servers"]
  }
}

resource "aws_ssm_maintenance_window_target" "typo" {
  window_id     = aws_ssm_maintenance_window.w.id
  resource_type = "RESOURCE_GROUP"
  targets {
    key    = "resource-groups:Name"
    values = ["web-typo"] # expect: SSM404:14
  }
}

resource "aws_ssm_maintenance_window_target" "buckets" {
  window_id     = aws_ssm_maintenance_window.w.id
  resource_type = "RESOURCE_GROUP"
  targets {
    key    = "resource-groups:Name"
    values = ["buckets"] # expect: SSM404:14
  }
}

# A group not declared in this stack: nothing can be said.
resource "aws_ssm_maintenance_window_target" "elsewhere" {
  window_id     = aws_ssm_maintenance_window.w.id
  resource_type = "RESOURCE_GROUP"
  targets {
    key    = "resource-groups:Name"
    values = ["defined-in-another-stack"]
  }
}
