# An autoscaling group from the registry module (not installed: ssmlint's
# model stands in) in the private subnets of a VPC module that *is*
# installed under .terraform/modules (its real source is read).
module "vpc" {
  source  = "example-corp/network/aws"
  version = "2.1.0"

  cidr = "10.50.0.0/16"
}

module "workers" { # expect: SSM501
  source  = "terraform-aws-modules/autoscaling/aws"
  version = "~> 8.0"

  name                = "workers"
  vpc_zone_identifier = module.vpc.private_subnet_ids # expect: SSM101:25
  min_size            = 1
  max_size            = 3
  image_id            = "ami-0123456789abcdef0"
  instance_type       = "t3.small"
  security_groups     = [module.vpc.app_security_group_id]

  create_iam_instance_profile = true
  iam_role_name               = "workers"
  iam_role_policies = {
    ssm = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
  }
}
