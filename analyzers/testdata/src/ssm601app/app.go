// Package ssm601app calls the wrappers of another package.
package ssm601app

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"ssm601lib"
)

const dbPassword = "/myapp/prod/db/password"

func load(ctx context.Context, c *ssm.Client) {
	ssm601lib.Get(ctx, c, dbPassword, false)                   // want `Get reads "/myapp/prod/db/password" through GetParameter \(lib\.go:13\) with decryption off, so a SecureString comes back encrypted: its name marks a secret \("password"\)`
	ssm601lib.Get(ctx, c, dbPassword, true)                    // decrypted: silent
	ssm601lib.Get(ctx, c, "/myapp/prod/region", false)         // not a secret: silent
	ssm601lib.Plain(ctx, c, "/myapp/prod/stripe/api_key")      // want `Plain reads "/myapp/prod/stripe/api_key" through GetParameter \(lib\.go:22\) which never decrypts`
	ssm601lib.Secret(ctx, c, dbPassword)                       // always decrypts: silent
	ssm601lib.Config(ctx, c, "/myapp/prod/oauth/token", false) // want `Config reads "/myapp/prod/oauth/token" through GetParameter \(lib\.go:13\) with decryption off`
}

// Another package of the program stores it as a SecureString.
func sessionKey(ctx context.Context, c *ssm.Client) {
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/myapp/prod/session/key")}) // want `GetParameter reads "/myapp/prod/session/key" without WithDecryption, so a SecureString comes back encrypted: put as SecureString at ssm601lib lib\.go:\d+`
}

func passOn(ctx context.Context, c *ssm.Client, decrypt bool) { // want passOn:`reads Name via GetParameter \(name param -1 "/myapp/prod/db/password", decrypt param 2 false\)`
	ssm601lib.Get(ctx, c, dbPassword, decrypt) // the caller decides: silent here
}
