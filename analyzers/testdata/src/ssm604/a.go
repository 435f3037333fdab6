package ssm604

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
)

const base = "/app"

func names(ctx context.Context, c *ssm.Client, v string) {
	c.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String("app/config")})                                           // want `GetParametersByPath "app/config": a GetParametersByPath path must start with "/"`
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(base + "/db password")})                                                // want `GetParameter "/app/db password": character ' ' is not allowed`
	c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{"/app/ok", "/app/bad*name"}})                                          // want `GetParameters "/app/bad\*name": character '\*' is not allowed`
	c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/ssm/custom"), Value: aws.String(v), Type: types.ParameterTypeString}) // want `PutParameter "/ssm/custom": parameter names must not begin with "ssm"`
}

func valid(ctx context.Context, c *ssm.Client, name string) {
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/db/password")})
	// AWS's public parameters may be read.
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64")})
	// An ARN names a parameter too.
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("arn:aws:ssm:eu-west-1:111122223333:parameter/app/db")})
	// Not a constant.
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name)})
}
