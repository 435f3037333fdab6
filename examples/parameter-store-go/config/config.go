// Package config reads the shop's settings from Parameter Store.
package config

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

// get reads one parameter; decrypt is passed on to WithDecryption.
func get(ctx context.Context, c *ssm.Client, name string, decrypt bool) (string, error) {
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name), WithDecryption: aws.Bool(decrypt)})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}

// DSN is the database connection string. Only the Terraform says it is a
// SecureString: read without decryption, it is ciphertext.
func DSN(ctx context.Context, c *ssm.Client) (string, error) {
	return get(ctx, c, "/shop/prod/db/dsn", false)
}

// Currency is a plain String.
func Currency(ctx context.Context, c *ssm.Client) (string, error) {
	return get(ctx, c, "/shop/prod/currency", false)
}

// All reads the whole hierarchy, but only its first page.
func All(ctx context.Context, c *ssm.Client) (map[string]string, error) {
	settings := map[string]string{}
	out, err := c.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String("/shop/prod"), WithDecryption: aws.Bool(true)})
	if err != nil {
		return nil, err
	}
	for _, p := range out.Parameters {
		settings[aws.ToString(p.Name)] = aws.ToString(p.Value)
	}
	return settings, nil
}
