package app // want package:"puts 1 SecureStrings"

// app reads Parameter Store through the real aws-sdk-go-v2 and
// aws-sdk-go (v1) packages, so that the analyzers' matching is proven
// against the SDKs' own types, not only the stubs.

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	ssmv1 "github.com/aws/aws-sdk-go/service/ssm"
	"github.com/aws/aws-sdk-go/service/ssm/ssmiface"
	"github.com/aws/smithy-go/ptr"
)

func v2(ctx context.Context, c *ssm.Client) {
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/db/password")}) // want `GetParameter reads "/app/db/password" without WithDecryption`
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/db/password"), WithDecryption: aws.Bool(true)})
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: ptr.String("/app/api/token"), WithDecryption: ptr.Bool(false)}) // want `with WithDecryption false`
	c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{"/app/region", "/app/api_key"}})                    // want `GetParameters reads "/app/api_key"`
}

func v2Put(ctx context.Context, c *ssm.Client, v string) {
	c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/app/db/dsn"), Value: aws.String(v), Type: types.ParameterTypeSecureString})
	c.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String("/app/db")}) // want `put as SecureString`
}

func v1(ctx context.Context, svc *ssmv1.SSM, api ssmiface.SSMAPI) {
	svc.GetParameter(&ssmv1.GetParameterInput{Name: awsv1.String("/legacy/db_password")})                                    // want `GetParameter reads "/legacy/db_password"`
	svc.GetParameterWithContext(ctx, (&ssmv1.GetParameterInput{}).SetName("/legacy/client_secret").SetWithDecryption(false)) // want `with WithDecryption false`
	api.GetParameter(&ssmv1.GetParameterInput{Name: awsv1.String("/legacy/db_password"), WithDecryption: awsv1.Bool(true)})
	api.GetParameter(&ssmv1.GetParameterInput{Name: awsv1.String("/legacy/private_key")}) // want `reads "/legacy/private_key"`
}
