// Package ssm602 pages (or not) with the real SDKs.
package ssm602

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

func onePage(ctx context.Context, c *ssm.Client) {
	c.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String("/app")}) // want `GetParametersByPath is called once`
}

func paged(ctx context.Context, c *ssm.Client) {
	p := ssm.NewGetParametersByPathPaginator(c, &ssm.GetParametersByPathInput{Path: aws.String("/app")})
	for p.HasMorePages() {
		if _, err := p.NextPage(ctx); err != nil {
			return
		}
	}
}
