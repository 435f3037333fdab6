// Package ssm603 asks for too many names with the real SDK.
package ssm603

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

func eleven(ctx context.Context, c *ssm.Client) {
	c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"}}) // want `given 11 names`
}
