// Package ssm601inventorybuilt reads /<env>/app/<key>: the Terraform
// inventory declares /prod/app/db_dsn a SecureString, though nothing in
// the name says so.
package ssm601inventorybuilt

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

var env = os.Getenv("ENVIRONMENT")

func appParameter(ctx context.Context, c *ssm.Client, key string) (string, error) { // want appParameter:`built by fmt\.Sprintf as "/…/app/\{2\}"`
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(fmt.Sprintf("/%s/app/%s", env, key))}) // want `GetParameter reads "/…/app/db_dsn" \(name built by fmt\.Sprintf from the argument "db_dsn" passed by ssm601inventorybuilt\.connect\) without WithDecryption, so a SecureString comes back encrypted: declared SecureString by aws_ssm_parameter\.db_dsn at terraform/params\.tf:3 \(as "/prod/app/db_dsn"\)`
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}

func connect(ctx context.Context, c *ssm.Client) {
	appParameter(ctx, c, "db_dsn")
	appParameter(ctx, c, "region")        // declared a String: silent
	appParameter(ctx, c, "feature_flags") // not declared: silent
}

// The known suffix in the code itself.
func cacheURL(ctx context.Context, c *ssm.Client) (string, error) {
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/" + env + "/app/cache_url")}) // want `GetParameter reads "/…/app/cache_url" \(name built by concatenation\) without WithDecryption, so a SecureString comes back encrypted: declared SecureString by aws_ssm_parameter\.cache_url at terraform/params\.tf:9 \(as "/prod/app/cache_url"\)`
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}

// Another hierarchy: the suffix matches, the constant prefix does not.
func otherHierarchy(ctx context.Context, c *ssm.Client) (string, error) {
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/legacy/" + env + "/cache_url")})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}
