env = "prod west"
