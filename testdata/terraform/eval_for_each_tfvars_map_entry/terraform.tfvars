environment = "staging"

parameters = {
  db_host = {
    value = "staging-db.internal"
  }
  "smtp:host" = { # expect: SSM203
    value = "smtp.example.com"
  }
  banner = { # expect: SSM301
    value = "Staging - data is reset nightly"
    tier  = "Advanced"
  }
}
