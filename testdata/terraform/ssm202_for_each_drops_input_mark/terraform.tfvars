service_secrets = {
  db_password    = "value-from-tfvars-1"
  webhook_secret = "value-from-tfvars-2"
}
