region = "eu-central-1"
ami_id = "ami-0a1b2c3d4e5f60718"
