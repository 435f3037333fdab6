package ssm601

import (
	"context"

	awsv1 "github.com/aws/aws-sdk-go/aws"
	ssmv1 "github.com/aws/aws-sdk-go/service/ssm"
)

func legacyPassword(svc *ssmv1.SSM) {
	svc.GetParameter(&ssmv1.GetParameterInput{Name: awsv1.String("/legacy/db_password")}) // want `GetParameter reads "/legacy/db_password" without WithDecryption`
}

func legacySetters(ctx context.Context, svc *ssmv1.SSM) {
	svc.GetParameterWithContext(ctx, (&ssmv1.GetParameterInput{}).SetName("/legacy/client_secret").SetWithDecryption(false)) // want `reads "/legacy/client_secret" with WithDecryption false`
}

func legacyDecrypted(svc *ssmv1.SSM) {
	in := &ssmv1.GetParameterInput{}
	in.SetName("/legacy/client_secret")
	in.SetWithDecryption(true)
	svc.GetParameter(in)
}
