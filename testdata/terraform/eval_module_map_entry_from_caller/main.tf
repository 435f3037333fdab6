# The module creates one parameter per map entry; the map is written by the
# caller. Each finding points at the caller's entry that made the bad
# instance: a bad name, a secret name stored as String, a literal secret.

module "app_params" {
  source = "./modules/params"
  prefix = "/checkout"

  parameters = {
    db_host = {
      value = "checkout.cluster-abc.eu-west-1.rds.amazonaws.com"
    }
    "queue url" = { # expect: SSM203
      value = "https://sqs.eu-west-1.amazonaws.com/123456789012/checkout"
    }
    payment_api_key = { # expect: SSM201
      value = "pk_live_example"
    }
    payment_webhook_secret = { # expect: SSM202
      value  = "whsec_example"
      secure = true
    }
  }
}
