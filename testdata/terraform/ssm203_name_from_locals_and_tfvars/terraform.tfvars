# A space in the environment name: it is fine in tags, not in SSM names.
env = "prod west"
