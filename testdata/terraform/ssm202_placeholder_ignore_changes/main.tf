# The placeholder pattern: Terraform creates the parameter with a dummy
# value and the real one is put by an operator or a pipeline; ignore_changes
# keeps Terraform from resetting it. A placeholder word (CHANGE_ME,
# placeholder) is no secret: silent. Another literal under ignore_changes
# is reported as info only (it still sits in state; value_wo is better).

resource "aws_ssm_parameter" "placeholder_ignore_value" {
  name  = "/payments/stripe/secret_key"
  type  = "SecureString"
  value = "CHANGE_ME"

  lifecycle {
    ignore_changes = [value]
  }
}

resource "aws_ssm_parameter" "placeholder_ignore_value_and_tags" {
  name  = "/payments/adyen/api_key"
  type  = "SecureString"
  value = "placeholder"

  tags = {
    owner = "payments"
  }

  lifecycle {
    prevent_destroy = true
    ignore_changes  = [tags, value]
  }
}

resource "aws_ssm_parameter" "placeholder_ignore_all" {
  name  = "/payments/paypal/client_secret"
  type  = "SecureString"
  value = "set-by-ops" # expect: SSM202

  lifecycle {
    ignore_changes = all
  }
}

# ignore_changes that does not cover value: a plain literal, error.
resource "aws_ssm_parameter" "bad_ignore_changes_tags_only" {
  name  = "/payments/braintree/private_key"
  type  = "SecureString"
  value = "bt_private_literal" # expect: SSM202

  tags = {
    owner = "payments"
  }

  lifecycle {
    ignore_changes = [tags]
  }
}
