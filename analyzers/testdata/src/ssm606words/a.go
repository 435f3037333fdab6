package ssm606words

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
)

// "pin" marks a secret only through the configured extra words.
func store(ctx context.Context, c *ssm.Client, v string) {
	c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/app/card/pin"), Value: aws.String(v), Type: types.ParameterTypeString}) // want `"/app/card/pin" as a plain String, but its name marks a secret \("pin"\)`
}
