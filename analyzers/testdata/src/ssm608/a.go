package ssm608

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

func ignored(ctx context.Context, c *ssm.Client) {
	out, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{"/app/a", "/app/b"}}) // want `the result of GetParameters is used but its InvalidParameters is never read`
	if err != nil {
		return
	}
	fmt.Println(len(out.Parameters))
}

func checked(ctx context.Context, c *ssm.Client) error {
	out, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{"/app/a", "/app/b"}})
	if err != nil {
		return err
	}
	if len(out.InvalidParameters) > 0 {
		return fmt.Errorf("missing parameters: %v", out.InvalidParameters)
	}
	return nil
}

// Handed to the caller, who may check it.
func handedOn(ctx context.Context, c *ssm.Client) (*ssm.GetParametersOutput, error) {
	out, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{"/app/a"}})
	return out, err
}

// Result not used at all.
func discarded(ctx context.Context, c *ssm.Client) {
	_, _ = c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{"/app/a"}})
}
