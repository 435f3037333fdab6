package ssm603

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/ssm"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	ssmv1 "github.com/aws/aws-sdk-go/service/ssm"
)

func eleven(ctx context.Context, c *ssm.Client) {
	c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{"/a/1", "/a/2", "/a/3", "/a/4", "/a/5", "/a/6", "/a/7", "/a/8", "/a/9", "/a/10", "/a/11"}}) // want `GetParameters is given 11 names; it accepts at most 10 per call`
}

func ten(ctx context.Context, c *ssm.Client) {
	c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{"/a/1", "/a/2", "/a/3", "/a/4", "/a/5", "/a/6", "/a/7", "/a/8", "/a/9", "/a/10"}})
}

func v1Twelve(svc *ssmv1.SSM) {
	svc.GetParameters(&ssmv1.GetParametersInput{Names: awsv1.StringSlice([]string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"})}) // want `given 12 names`
}

// A slice given by the caller: nothing here limits its length.
func dynamic(ctx context.Context, c *ssm.Client, names []string) {
	c.GetParameters(ctx, &ssm.GetParametersInput{Names: names}) // want `Names comes from the parameter names of dynamic`
}

// The literal through a variable: as many names, known at compile time.
func elevenInVariable(ctx context.Context, c *ssm.Client) {
	names := []string{"/a/1", "/a/2", "/a/3", "/a/4", "/a/5", "/a/6", "/a/7", "/a/8", "/a/9", "/a/10", "/a/11"}
	c.GetParameters(ctx, &ssm.GetParametersInput{Names: names}) // want `GetParameters is given 11 names; it accepts at most 10 per call`
}
