package ssm602

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmv1 "github.com/aws/aws-sdk-go/service/ssm"
)

func onePage(ctx context.Context, c *ssm.Client) {
	c.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String("/app"), Recursive: aws.Bool(true)}) // want `GetParametersByPath is called once and NextToken is never read`
}

func describeOnce(ctx context.Context, c *ssm.Client) {
	c.DescribeParameters(ctx, &ssm.DescribeParametersInput{}) // want `DescribeParameters is called once`
}

// A loop that follows NextToken.
func manualLoop(ctx context.Context, c *ssm.Client) {
	in := &ssm.GetParametersByPathInput{Path: aws.String("/app")}
	for {
		out, err := c.GetParametersByPath(ctx, in)
		if err != nil || out.NextToken == nil {
			return
		}
		in.NextToken = out.NextToken
	}
}

// The paginator does the paging.
func paginator(ctx context.Context, c *ssm.Client) {
	p := ssm.NewGetParametersByPathPaginator(c, &ssm.GetParametersByPathInput{Path: aws.String("/app")})
	for p.HasMorePages() {
		if _, err := p.NextPage(ctx); err != nil {
			return
		}
	}
}

// v1's …Pages method pages by itself.
func v1Pages(svc *ssmv1.SSM) {
	svc.GetParametersByPathPages(&ssmv1.GetParametersByPathInput{}, func(out *ssmv1.GetParametersByPathOutput, last bool) bool { return true })
}

// One page on purpose: the function checks that there is no other.
func deliberate(ctx context.Context, c *ssm.Client) bool {
	out, err := c.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String("/app")})
	return err == nil && out.NextToken == nil
}

func v1Once(svc *ssmv1.SSM) {
	svc.GetParametersByPath(&ssmv1.GetParametersByPathInput{}) // want `GetParametersByPath is called once`
}

// The mechanical shape: rewritten to the paginator by the suggested fix.
func loadConfig(ctx context.Context, c *ssm.Client) (map[string]string, error) {
	cfg := map[string]string{}
	out, err := c.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String("/app/config"), Recursive: aws.Bool(true)}) // want `GetParametersByPath is called once`
	if err != nil {
		return nil, err
	}
	for _, p := range out.Parameters {
		cfg[aws.ToString(p.Name)] = aws.ToString(p.Value)
	}
	return cfg, nil
}

// Returning the page itself: not mechanical, no fix.
func firstPage(ctx context.Context, c *ssm.Client) (*ssm.GetParametersByPathOutput, error) {
	out, err := c.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String("/app")}) // want `GetParametersByPath is called once`
	return out, err
}
