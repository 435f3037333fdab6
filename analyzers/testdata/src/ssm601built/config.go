// Package ssm601built reads its settings under a hierarchy named after the
// environment: the wrappers build the real name at run time.
package ssm601built

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	ssmv1 "github.com/aws/aws-sdk-go/service/ssm"
)

var env = os.Getenv("APP_ENV")

var client = ssm.New(ssm.Options{Region: "eu-west-1"})

// GetParameter reads /<env>/app/<name>, never decrypting.
func GetParameter(name string) (string, error) { // want GetParameter:`built by fmt\.Sprintf as "/…/app/\{0\}"`
	out, err := client.GetParameter(context.Background(), &ssm.GetParameterInput{ // want `GetParameter reads "/…/app/JwtSecretKey" \(name built by fmt\.Sprintf from the argument "JwtSecretKey" passed by ssm601built\.loadConfig, and "db_password" passed by ssm601built\.openDB\) without WithDecryption, so a SecureString comes back encrypted: its name marks a secret \("secret"\)`
		Name: aws.String(fmt.Sprintf("/%s/app/%s", env, name)),
	})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}

type settings struct {
	jwtKey   string
	logLevel string
}

func loadConfig() (settings, error) {
	jwt, err := GetParameter("JwtSecretKey")
	if err != nil {
		return settings{}, err
	}
	level, err := GetParameter("LogLevel")
	if err != nil {
		return settings{}, err
	}
	return settings{jwtKey: jwt, logLevel: level}, nil
}

func openDB() (string, error) {
	return GetParameter("db_password")
}

// lookup builds the name by concatenation, WithDecryption false.
func lookup(ctx context.Context, c *ssm.Client, service, key string) (string, error) { // want lookup:`built by concatenation as "/…/\{2\}/\{3\}"`
	name := "/" + env + "/" + service + "/" + key
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name), WithDecryption: aws.Bool(false)}) // want `GetParameter reads "/…/billing/stripe_api_key" \(name built by concatenation from the arguments "billing" and "stripe_api_key" passed by ssm601built\.billingKey\) with WithDecryption false`
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}

func billingKey(ctx context.Context, c *ssm.Client) (string, error) {
	return lookup(ctx, c, "billing", "stripe_api_key")
}

func billingCurrency(ctx context.Context, c *ssm.Client) (string, error) {
	return lookup(ctx, c, "billing", "currency")
}

// setting is called with names that say nothing secret: silent.
func setting(ctx context.Context, c *ssm.Client, name string) (string, error) { // want setting:`built by fmt\.Sprintf as "/…/app/\{2\}"`
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(fmt.Sprintf("/%s/app/%s", env, name))})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}

func tuning(ctx context.Context, c *ssm.Client) {
	setting(ctx, c, "LogLevel")
	setting(ctx, c, "max_connections")
}

// The name comes from elsewhere: unknown, silent.
func fromEnvironment(ctx context.Context, c *ssm.Client) {
	setting(ctx, c, os.Getenv("SETTING_NAME"))
}

func forward(ctx context.Context, c *ssm.Client, name string) { // want forward:`reads Name via GetParameter \(name param -1 "", decrypt param -1 false\) built by fmt\.Sprintf as "/…/app/\{2\}"`
	setting(ctx, c, name)
}

// decrypted always decrypts: silent whatever the name.
func decrypted(ctx context.Context, c *ssm.Client, name string) (string, error) {
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(fmt.Sprintf("/%s/app/%s", env, name)), WithDecryption: aws.Bool(true)})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}

func session(ctx context.Context, c *ssm.Client) { decrypted(ctx, c, "session_secret") }

// regional puts an unknown part after the argument in the last segment:
// the name could end in anything, silent.
func regional(ctx context.Context, c *ssm.Client, name string) (string, error) { // want regional:`built by fmt\.Sprintf as "/app/\{2\}-…"`
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(fmt.Sprintf("/app/%s-%s", name, os.Getenv("AWS_REGION")))})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}

func regionalToken(ctx context.Context, c *ssm.Client) { regional(ctx, c, "api_token") }

// The secret word is in the constant part: no wrapper needed.
func smtpPassword(ctx context.Context, c *ssm.Client) (string, error) {
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/" + env + "/smtp/password")}) // want `GetParameter reads "/…/smtp/password" \(name built by concatenation\) without WithDecryption, so a SecureString comes back encrypted: its name marks a secret \("password"\)`
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}

func smtpHost(ctx context.Context, c *ssm.Client) (string, error) {
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/" + env + "/smtp/host")})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}

// mailPassword takes the environment; the rest of the name is its own and
// says secret: reported once, at the read, not again at each caller.
func mailPassword(ctx context.Context, c *ssm.Client, stage string) (string, error) { // want mailPassword:`built by fmt\.Sprintf as "/\{2\}/mail/password"`
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(fmt.Sprintf("/%s/mail/password", stage))}) // want `GetParameter reads "/…/mail/password" \(name built by fmt\.Sprintf\) without WithDecryption`
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}

func sendMail(ctx context.Context, c *ssm.Client) { mailPassword(ctx, c, "prod") }

// legacyGet wraps the v1 client.
func legacyGet(svc *ssmv1.SSM, key string) (string, error) { // want legacyGet:`built by concatenation as "/…/legacy/\{1\}"`
	out, err := svc.GetParameter(&ssmv1.GetParameterInput{Name: awsv1.String("/" + env + "/legacy/" + key)}) // want `GetParameter reads "/…/legacy/oauth_token" \(name built by concatenation from the argument "oauth_token" passed by ssm601built\.legacyToken\) without WithDecryption`
	if err != nil {
		return "", err
	}
	return awsv1.StringValue(out.Parameter.Value), nil
}

func legacyToken(svc *ssmv1.SSM) { legacyGet(svc, "oauth_token") }
