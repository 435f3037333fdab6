# A for_each map whose keys are known but some values are unknown (values
# from resources) expands normally, as in Terraform: each entry is checked
# and findings point at the entry.

resource "random_password" "api" {
  length = 40
}

resource "aws_db_instance" "main" {
  identifier     = "inventory"
  engine         = "postgres"
  instance_class = "db.t4g.micro"
}

locals {
  parameters = {
    db_host = {
      type  = "String"
      value = aws_db_instance.main.address
    }
    "cache host" = { # expect: SSM203
      type  = "String"
      value = "cache.internal"
    }
    api_token = { # expect: SSM201
      type  = "String"
      value = random_password.api.result
    }
    signing_key = { # expect: SSM202
      type  = "SecureString"
      value = "literal-signing-key"
    }
  }
}

resource "aws_ssm_parameter" "this" {
  for_each = local.parameters

  name  = "/inventory/${each.key}"
  type  = each.value.type
  value = each.value.value
}
