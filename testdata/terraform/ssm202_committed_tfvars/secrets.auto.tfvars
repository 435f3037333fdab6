webhook_secret = "whsec_9f8e7d6c5b4a" # expect: SSM202:18
stripe_key     = "sk_live_51HxYzAbCdEf" # expect: SSM202:18
