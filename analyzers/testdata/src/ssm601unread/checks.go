// Package ssm601unread checks that parameters exist, or which version is
// live, without reading their values: no value comes back, encrypted or
// not, so decryption does not matter.
package ssm601unread

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	ssmv1 "github.com/aws/aws-sdk-go/service/ssm"
)

// Startup check: is the password there? Only the error is used.
func passwordExists(ctx context.Context, c *ssm.Client) error {
	_, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/db_password"), WithDecryption: aws.Bool(false)})
	return err
}

// The same check in an if statement, WithDecryption absent.
func requireToken(ctx context.Context, c *ssm.Client) error {
	if _, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/api_token")}); err != nil {
		return fmt.Errorf("api token missing: %w", err)
	}
	return nil
}

// The output is read, but only for what the parameter is, not its value.
func describePassword(ctx context.Context, c *ssm.Client) (string, error) {
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/db_password")})
	if err != nil {
		return "", err
	}
	if out == nil || out.Parameter == nil {
		return "", errors.New("no parameter")
	}
	if out.Parameter.Type != types.ParameterTypeSecureString {
		log.Printf("%s is not a SecureString", aws.ToString(out.Parameter.Name))
	}
	return aws.ToString(out.Parameter.Name), nil
}

// Which of the secrets exist: names only.
func presentSecrets(ctx context.Context, c *ssm.Client) ([]string, int, error) {
	out, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{"/app/db_password", "/app/api_token"}})
	if err != nil {
		return nil, 0, err
	}
	var names []string
	for _, p := range out.Parameters {
		names = append(names, aws.ToString(p.Name))
	}
	return names, len(out.InvalidParameters), nil
}

// SDK v1: the existence check.
func legacyExists(svc *ssmv1.SSM) bool {
	_, err := svc.GetParameter(&ssmv1.GetParameterInput{Name: awsv1.String("/legacy/db_password")})
	return err == nil
}

// A helper that only checks: its callers pass secret names, but no value
// is read anywhere.
func exists(ctx context.Context, c *ssm.Client, name string) bool {
	_, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name)})
	return err == nil
}

func preflight(ctx context.Context, c *ssm.Client) bool {
	return exists(ctx, c, "/app/db_password") && exists(ctx, c, "/app/client_secret")
}

// Everything dropped, the error too: not a check but a read left
// unfinished, reported as before.
func warmCache(ctx context.Context, c *ssm.Client) {
	_, _ = c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/api_token")}) // want `GetParameter reads "/app/api_token" without WithDecryption`
}

// The value is read: reported as before.
func password(ctx context.Context, c *ssm.Client) (string, error) {
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/db_password")}) // want `GetParameter reads "/app/db_password" without WithDecryption`
	if err != nil {
		return "", err
	}
	log.Printf("read version of %s", aws.ToString(out.Parameter.Name))
	return aws.ToString(out.Parameter.Value), nil
}

// The output is handed back: the caller may read the value.
func passwordOutput(ctx context.Context, c *ssm.Client) (*ssm.GetParameterOutput, error) {
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/db_password")}) // want `GetParameter reads "/app/db_password" without WithDecryption`
	return out, err
}

// The parameter is handed to another function.
func logParameter(ctx context.Context, c *ssm.Client) error {
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/api_token")}) // want `GetParameter reads "/app/api_token" without WithDecryption`
	if err != nil {
		return err
	}
	p := out.Parameter
	log.Printf("loaded %v", p)
	return nil
}

// Values read in a loop over the parameters.
func loadSecrets(ctx context.Context, c *ssm.Client) (map[string]string, error) {
	out, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{"/app/db_password", "/app/api_token"}}) // want `GetParameters reads "/app/db_password" without WithDecryption`
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	for _, p := range out.Parameters {
		m[aws.ToString(p.Name)] = aws.ToString(p.Value)
	}
	return m, nil
}

// SDK v1, the whole parameter printed, value included.
func legacyDump(svc *ssmv1.SSM) string {
	out, err := svc.GetParameter(&ssmv1.GetParameterInput{Name: awsv1.String("/legacy/db_password")}) // want `GetParameter reads "/legacy/db_password" without WithDecryption`
	if err != nil {
		return ""
	}
	return fmt.Sprint(*out.Parameter)
}
