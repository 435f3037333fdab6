// Package app, continued: copied into testdata/crosslang's app/ by the
// suppression tests of the three Go entry points (cmd/ssmlint's
// suppress_go_test.go, cmd/ssmvet's main_test.go, scripts/plugin-e2e.sh).
// Each function reads the SecureString /app/db/dsn without decryption, as
// DSN in config.go does, and each finding is suppressed: none may be
// reported, nor any fix applied.
package app

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

// DSNIgnored is suppressed for SSM601 alone, with a reason.
func DSNIgnored(ctx context.Context, c *ssm.Client) (string, error) {
	//ssmlint:ignore SSM601 -- decrypted by the sidecar
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{
		Name: aws.String("/app/db/dsn"),
	})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}

// DSNNolint is suppressed for every ssmlint rule, golangci-lint's way.
func DSNNolint(ctx context.Context, c *ssm.Client) (string, error) {
	//nolint:ssmlint // decrypted by the sidecar
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{
		Name: aws.String("/app/db/dsn"),
	})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}
