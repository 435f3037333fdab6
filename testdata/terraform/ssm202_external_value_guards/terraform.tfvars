smtp_password  = "from-tfvars-not-the-repo"
webhook_secret = "whsec_from_tfvars"
