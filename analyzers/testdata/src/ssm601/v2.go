package ssm601

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
)

const prefix = "/myapp/prod"

// The name is a constant expression; nothing says WithDecryption.
func dbPassword(ctx context.Context, c *ssm.Client) {
	c.GetParameter(ctx, &ssm.GetParameterInput{ // want `GetParameter reads "/myapp/prod/db/password" without WithDecryption, so a SecureString comes back encrypted: its name marks a secret \("password"\)`
		Name: aws.String(prefix + "/db/password"),
	})
}

// WithDecryption false: the finding is at the value.
func apiToken(ctx context.Context, c *ssm.Client) {
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/myapp/prod/api/token"), WithDecryption: aws.Bool(false)}) // want `reads "/myapp/prod/api/token" with WithDecryption false`
}

func decrypted(ctx context.Context, c *ssm.Client) {
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/myapp/prod/db/password"), WithDecryption: aws.Bool(true)})
}

// Not a secret by its name, and no inventory or put says otherwise.
func featureFlags(ctx context.Context, c *ssm.Client) {
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/myapp/prod/feature_flags")})
}

// password_policy, secret_arn: the allow-list of SSM201.
func notSecrets(ctx context.Context, c *ssm.Client) {
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/myapp/prod/password_policy")})
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/myapp/prod/secret_arn")})
}

// Built in steps, the name through fmt.Sprintf of constants.
func stepByStep(ctx context.Context, c *ssm.Client) {
	in := &ssm.GetParameterInput{} // want `GetParameter reads "/myapp/prod/stripe/api_key" without WithDecryption`
	in.Name = aws.String(fmt.Sprintf("%s/stripe/%s", prefix, "api_key"))
	c.GetParameter(ctx, in)
}

func stepByStepDecrypted(ctx context.Context, c *ssm.Client) {
	in := &ssm.GetParameterInput{}
	in.Name = aws.String("/myapp/prod/stripe/api_key")
	in.WithDecryption = aws.Bool(true)
	c.GetParameter(ctx, in)
}

func prepare(in *ssm.GetParameterInput) { in.WithDecryption = aws.Bool(true) }

// The input goes through a function that may set the field: unknown.
func escapes(ctx context.Context, c *ssm.Client) {
	in := &ssm.GetParameterInput{Name: aws.String("/myapp/prod/db/password")}
	prepare(in)
	c.GetParameter(ctx, in)
}

// The name is a parameter: unknown.
func byName(ctx context.Context, c *ssm.Client, name string) { // want byName:`reads Name via GetParameter \(name param 2 "", decrypt param -1 false\)`
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name)})
}

// A variable assigned once is as good as a constant.
var sessionKeyName = prefix + "/session/private_key"

func sessionKey(ctx context.Context, c *ssm.Client) {
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(sessionKeyName)}) // want `reads "/myapp/prod/session/private_key"`
}

func several(ctx context.Context, c *ssm.Client) {
	c.GetParameters(ctx, &ssm.GetParametersInput{ // want `GetParameters reads "/myapp/prod/api_key" without WithDecryption`
		Names: []string{prefix + "/region", prefix + "/api_key"},
	})
}

// The program stores /myapp/prod/db/dsn as a SecureString, so reading the
// hierarchy above it without decryption returns it encrypted.
func storeDSN(ctx context.Context, c *ssm.Client, dsn string) {
	c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String(prefix + "/db/dsn"), Value: aws.String(dsn), Type: types.ParameterTypeSecureString})
}

func loadAll(ctx context.Context, c *ssm.Client) {
	c.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String(prefix), Recursive: aws.Bool(true)}) // want `GetParametersByPath reads the parameters under "/myapp/prod" \(such as "/myapp/prod/db/dsn"\) without WithDecryption, so a SecureString comes back encrypted: put as SecureString at v2\.go:\d+`
}

func history(ctx context.Context, c *ssm.Client) {
	c.GetParameterHistory(ctx, &ssm.GetParameterHistoryInput{Name: aws.String("/myapp/prod/db/password")}) // want `GetParameterHistory reads`
}

// An application's own interface with the SDK's method: matched by the
// input type, not by the client type.
type parameterAPI interface {
	GetParameter(ctx context.Context, in *ssm.GetParameterInput, optFns ...func(*ssm.Options)) (*ssm.GetParameterOutput, error)
}

func throughInterface(ctx context.Context, api parameterAPI) {
	api.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/myapp/prod/db/password")}) // want `GetParameter reads "/myapp/prod/db/password"`
}

// A method that is merely called GetParameter is not the SDK's.
type cache struct{}

func (cache) GetParameter(name string) string { return name }

func notTheSDK(c cache) string { return c.GetParameter("/myapp/prod/db/password") }
