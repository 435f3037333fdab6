smtp_password = "Sm7p-pa55-prod" # expect: SSM202:17
api_token     = "REPLACE_ME"
