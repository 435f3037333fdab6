package ssm609

import (
	ssmv1 "github.com/aws/aws-sdk-go/service/ssm"
)

func lastPage(svc *ssmv1.SSM) {
	svc.GetParametersByPathPages(&ssmv1.GetParametersByPathInput{}, func(page *ssmv1.GetParametersByPathOutput, last bool) bool {
		_ = page.Parameters
		return last // want `the GetParametersByPathPages callback always returns last, which stops the iteration after the first page`
	})
}

func constantFalse(svc *ssmv1.SSM) {
	svc.GetParametersByPathPages(&ssmv1.GetParametersByPathInput{}, func(page *ssmv1.GetParametersByPathOutput, last bool) bool {
		return false // want `always returns false`
	})
}

func continues(svc *ssmv1.SSM) {
	svc.GetParametersByPathPages(&ssmv1.GetParametersByPathInput{}, func(page *ssmv1.GetParametersByPathOutput, last bool) bool {
		return !last
	})
}

// Stops early on purpose once it found what it looked for.
func search(svc *ssmv1.SSM, want string) {
	svc.GetParametersByPathPages(&ssmv1.GetParametersByPathInput{}, func(page *ssmv1.GetParametersByPathOutput, last bool) bool {
		for _, p := range page.Parameters {
			if p.Name != nil && *p.Name == want {
				return false
			}
		}
		return true
	})
}
