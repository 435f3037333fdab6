package ssm603

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

// The input in a variable, the result assigned: the common form. Its
// names are read like those of a call on its own.
func inputVariableAssigned(ctx context.Context, c *ssm.Client) (*ssm.GetParametersOutput, error) {
	in := &ssm.GetParametersInput{Names: []string{"/a/1", "/a/2", "/a/3", "/a/4", "/a/5", "/a/6", "/a/7", "/a/8", "/a/9", "/a/10", "/a/11"}} // want `GetParameters is given 11 names; it accepts at most 10 per call`
	out, err := c.GetParameters(ctx, in)
	return out, err
}

// The same with ten names: silent.
func inputVariableAssignedTen(ctx context.Context, c *ssm.Client) (*ssm.GetParametersOutput, error) {
	in := &ssm.GetParametersInput{Names: []string{"/a/1", "/a/2", "/a/3", "/a/4", "/a/5", "/a/6", "/a/7", "/a/8", "/a/9", "/a/10"}}
	out, err := c.GetParameters(ctx, in)
	return out, err
}
