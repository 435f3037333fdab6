# A stack built from the registry modules most teams use, without
# `terraform init`: ssmlint follows its own models of the modules.
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"

  name            = "platform"
  cidr            = "10.40.0.0/16"
  azs             = ["eu-west-1a", "eu-west-1b"]
  private_subnets = ["10.40.1.0/24", "10.40.2.0/24"]
  public_subnets  = ["10.40.101.0/24", "10.40.102.0/24"]

  enable_nat_gateway = false
}

# Endpoints for ssm and ssmmessages only, private DNS left to the module
# default (unset: false).
module "endpoints" {
  source  = "terraform-aws-modules/vpc/aws//modules/vpc-endpoints"
  version = "~> 5.0"

  vpc_id = module.vpc.vpc_id

  endpoints = {
    ssm = { # expect: SSM102:5
      service    = "ssm"
      subnet_ids = module.vpc.private_subnets
    }
    ssmmessages = { # expect: SSM102:5
      service             = "ssmmessages"
      subnet_ids          = module.vpc.private_subnets
      private_dns_enabled = false
    }
  }
}

module "app" { # expect: SSM501
  source  = "terraform-aws-modules/ec2-instance/aws"
  version = "~> 5.0"

  name                        = "app"
  instance_type               = "t3.micro"
  subnet_id                   = module.vpc.private_subnets[0] # expect: SSM110:33
  create_iam_instance_profile = true
  iam_role_policies = {
    ssm = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
  }
}
