module example.com/infra/test

go 1.22

require example.invalid/terratest-helpers v1.0.0
