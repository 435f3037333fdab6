package ssm601 // want package:"puts 1 SecureStrings"

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/smithy-go/ptr"
)

// The file does not import the SDK's aws package: the fix adds it.
func withPtr(ctx context.Context, c *ssm.Client) {
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: ptr.String("/myapp/prod/oauth/client_secret")}) // want `reads "/myapp/prod/oauth/client_secret" without WithDecryption`
}

func withPtrDecrypted(ctx context.Context, c *ssm.Client) {
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: ptr.String("/myapp/prod/oauth/client_secret"), WithDecryption: ptr.Bool(true)})
}
