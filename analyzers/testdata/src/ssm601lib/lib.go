// Package ssm601lib wraps Parameter Store the way applications do. // want package:"puts 1 SecureStrings"
package ssm601lib

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

// Get reads a parameter; decrypt reaches WithDecryption.
func Get(ctx context.Context, c *ssm.Client, name string, decrypt bool) (string, error) { // want Get:`reads Name via GetParameter \(name param 2 "", decrypt param 3 false\)`
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name), WithDecryption: aws.Bool(decrypt)})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}

// Plain reads without decryption, whatever it is given.
func Plain(ctx context.Context, c *ssm.Client, name string) (string, error) { // want Plain:`reads Name via GetParameter \(name param 2 "", decrypt param -1 false\)`
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name), WithDecryption: aws.Bool(false)})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}

// Secret always decrypts: not a reader the callers need checking for.
func Secret(ctx context.Context, c *ssm.Client, name string) (string, error) {
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name), WithDecryption: aws.Bool(true)})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}

// Config is a wrapper of a wrapper: the flag still comes from its caller.
func Config(ctx context.Context, c *ssm.Client, key string, decrypt bool) (string, error) { // want Config:`reads Name via GetParameter \(name param 2 "", decrypt param 3 false\)`
	return Get(ctx, c, key, decrypt)
}

// Rotate stores the session key, encrypted.
func Rotate(ctx context.Context, c *ssm.Client, key string) error {
	_, err := c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/myapp/prod/session/key"), Value: aws.String(key), Type: "SecureString"})
	return err
}
