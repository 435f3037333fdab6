package ssm608

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmv1 "github.com/aws/aws-sdk-go/service/ssm"
)

// An existence check that never fails: a missing name is no error.
func parameterExists(ctx context.Context, c *ssm.Client, name string) bool {
	_, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{name}}) // want `the result of GetParameters is discarded and only its error is checked, but GetParameters returns no error for names that do not exist: it lists them in InvalidParameters`
	return err == nil
}

func requireParameters(ctx context.Context, c *ssm.Client, names []string) error {
	if _, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: names}); err != nil { // want `GetParameters returns no error for names that do not exist`
		return fmt.Errorf("required parameters: %w", err)
	}
	return nil
}

func v1Exists(svc *ssmv1.SSM, name string) bool {
	_, err := svc.GetParameters(&ssmv1.GetParametersInput{Names: []*string{&name}}) // want `GetParameters returns no error for names that do not exist`
	return err == nil
}

// Names just listed do exist: what the error can still say (access
// denied, a key that cannot decrypt) is what this check is after.
func canDecryptAll(ctx context.Context, c *ssm.Client, path string) error {
	var names []string
	pages := ssm.NewGetParametersByPathPaginator(c, &ssm.GetParametersByPathInput{Path: aws.String(path)})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, p := range page.Parameters {
			names = append(names, aws.ToString(p.Name))
		}
	}
	for start := 0; start < len(names); start += 10 {
		_, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: names[start:min(start+10, len(names))], WithDecryption: aws.Bool(true)})
		if err != nil {
			return fmt.Errorf("cannot decrypt under %s: %w", path, err)
		}
	}
	return nil
}
