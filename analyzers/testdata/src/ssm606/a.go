package ssm606

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	ssmv1 "github.com/aws/aws-sdk-go/service/ssm"
)

func store(ctx context.Context, c *ssm.Client, svc *ssmv1.SSM, v string) {
	c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/app/stripe/api_key"), Value: aws.String(v), Type: types.ParameterTypeString})                  // want `PutParameter stores "/app/stripe/api_key" as a plain String, but its name marks a secret \("api_key"\)`
	svc.PutParameter(&ssmv1.PutParameterInput{Name: awsv1.String("/legacy/db_password"), Value: awsv1.String(v), Type: awsv1.String(ssmv1.ParameterTypeString)}) // want `"/legacy/db_password" as a plain String`
	// Encrypted, or not a secret.
	c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/app/stripe/api_key"), Value: aws.String(v), Type: types.ParameterTypeSecureString})
	c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/app/password_policy"), Value: aws.String(v), Type: types.ParameterTypeString})
}
