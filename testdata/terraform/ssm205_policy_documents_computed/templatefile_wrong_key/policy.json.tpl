{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "ssm:GetParameter", "Resource": "${param}"},
    {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "${key}"}
  ]
}
