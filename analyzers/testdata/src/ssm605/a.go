package ssm605

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
)

const adminPassword = "hunter2"

func seed(ctx context.Context, c *ssm.Client, generated string) {
	c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/app/admin/password"), Value: aws.String(adminPassword), Type: types.ParameterTypeSecureString}) // want `PutParameter stores "/app/admin/password" as a SecureString with a value written in the code`
	// A value computed at run time: fine.
	c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/app/admin/password"), Value: aws.String(generated), Type: types.ParameterTypeSecureString})
	// A constant String is not a secret by type.
	c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/app/region"), Value: aws.String("eu-west-1"), Type: types.ParameterTypeString})
}
