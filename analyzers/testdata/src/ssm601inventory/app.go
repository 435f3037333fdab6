package ssm601inventory

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

// Nothing in the name says secret: only the Terraform inventory knows
// /app/db/dsn is a SecureString.
func dsn(ctx context.Context, c *ssm.Client) {
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/db/dsn")}) // want `GetParameter reads "/app/db/dsn" without WithDecryption, so a SecureString comes back encrypted: declared SecureString by aws_ssm_parameter\.dsn at terraform/main\.tf:12`
}

// Declared in the inventory as a plain String.
func region(ctx context.Context, c *ssm.Client) {
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/region")})
}
