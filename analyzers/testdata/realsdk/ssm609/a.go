// Package ssm609 uses v1's Pages methods with the real SDK.
package ssm609

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/service/ssm"
)

func firstPageOnly(svc *ssm.SSM) {
	_ = svc.GetParametersByPathPages(&ssm.GetParametersByPathInput{Path: aws.String("/app")}, func(page *ssm.GetParametersByPathOutput, lastPage bool) bool {
		return lastPage // want `always returns lastPage`
	})
}

func everyPage(svc *ssm.SSM) {
	_ = svc.GetParametersByPathPages(&ssm.GetParametersByPathInput{Path: aws.String("/app")}, func(page *ssm.GetParametersByPathOutput, lastPage bool) bool {
		return !lastPage
	})
}
