package ssm607

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

func read(ctx context.Context, c *ssm.Client) {
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/db/dsn")})
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/db/dns")})               // want `GetParameter reads "/app/db/dns", which no aws_ssm_parameter of the scanned Terraform declares, though it declares others under "/app": the read fails with ParameterNotFound; did you mean "/app/db/dsn"\?`
	c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{"/app/region", "/app/zone"}}) // want `GetParameters reads "/app/zone"`
	// Outside the hierarchies the Terraform manages: may exist elsewhere.
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/aws/service/global-infrastructure/regions")})
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/shared/team-b/endpoint")})
}
