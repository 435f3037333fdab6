// Package ssm608 reads GetParameters results with the real SDK.
package ssm608

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

func ignored(ctx context.Context, c *ssm.Client) {
	out, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{"/app/a"}}) // want `InvalidParameters is never read`
	if err == nil {
		fmt.Println(len(out.Parameters))
	}
}
