# One local module called twice. Only the call whose inputs build a bad
# name is reported, at the name attribute in the module's file.

module "orders_db_host" {
  source      = "./modules/param"
  service     = "orders"
  key         = "db_host"
  value       = "orders.cluster-abc.eu-west-1.rds.amazonaws.com"
  description = "Writer endpoint of the orders database"
}

module "search_endpoint" {
  source      = "./modules/param"
  service     = "search"
  key         = "endpoint url" # the space ends up in the name
  value       = "https://search.internal"
  description = "Search cluster endpoint"
}
