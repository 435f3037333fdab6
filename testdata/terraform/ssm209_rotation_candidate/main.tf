resource "random_password" "db" {
  length  = 32
  special = false
}

resource "aws_ssm_parameter" "bad_db_password" {
  name  = "/orders/db/password"
  type  = "SecureString"
  value = random_password.db.result # expect: SSM209:11
}

resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
  username          = "orders"
  password          = random_password.db.result
}

# The cluster reads its password from the parameter.
resource "aws_ssm_parameter" "bad_read_by_cluster" {
  name  = "/reports/db/password"
  type  = "SecureString"
  value = random_password.reports.result # expect: SSM209:11
}

resource "random_password" "reports" {
  length = 32
}

resource "aws_rds_cluster" "reports" {
  cluster_identifier = "reports"
  engine             = "aurora-postgresql"
  master_username    = "reports"
  master_password    = aws_ssm_parameter.bad_read_by_cluster.value
}

# A password for something else: silent.
resource "random_password" "api" {
  length = 40
}

resource "aws_ssm_parameter" "ok_api_token" {
  name  = "/orders/api/token"
  type  = "SecureString"
  value = random_password.api.result
}

# RDS manages its own secret: silent.
resource "aws_db_instance" "ledger" {
  identifier                  = "ledger"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "ledger"
  manage_master_user_password = true
}
