package ssm602

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	ssmv1 "github.com/aws/aws-sdk-go/service/ssm"
)

// A credentials probe: one result asked for, only the error read.
func canListParameters(ctx context.Context, c *ssm.Client) error {
	_, err := c.DescribeParameters(ctx, &ssm.DescribeParametersInput{MaxResults: aws.Int32(1)})
	return err
}

func pathReadable(ctx context.Context, c *ssm.Client, path string) bool {
	if _, err := c.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String(path), MaxResults: aws.Int32(1)}); err != nil {
		return false
	}
	return true
}

func historyReadable(ctx context.Context, c *ssm.Client, name string) error {
	var _, err = c.GetParameterHistory(ctx, &ssm.GetParameterHistoryInput{Name: aws.String(name), MaxResults: aws.Int32(1)})
	return err
}

func v1PathReadable(svc *ssmv1.SSM) error {
	_, err := svc.GetParametersByPath(&ssmv1.GetParametersByPathInput{Path: awsv1.String("/app")})
	return err
}

// The page is read: a count of the first page only.
func countUnder(ctx context.Context, c *ssm.Client, path string) (int, error) {
	out, err := c.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String(path), Recursive: aws.Bool(true)}) // want `GetParametersByPath is called once and NextToken is never read`
	if err != nil {
		return 0, err
	}
	return len(out.Parameters), nil
}
