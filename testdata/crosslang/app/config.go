// Package app reads its configuration from Parameter Store.
package app

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

// DSN returns the database DSN; without WithDecryption it is ciphertext.
func DSN(ctx context.Context, c *ssm.Client) (string, error) {
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{
		Name: aws.String("/app/db/dsn"),
	})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}

// Region is a plain String: no decryption needed.
func Region(ctx context.Context, c *ssm.Client) (string, error) {
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/region")})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}
