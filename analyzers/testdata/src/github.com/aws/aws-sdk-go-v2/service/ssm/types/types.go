// Package types is a stub of github.com/aws/aws-sdk-go-v2/service/ssm/types.
package types

// ParameterType is a parameter's type.
type ParameterType string

// Parameter types.
const (
	ParameterTypeString       ParameterType = "String"
	ParameterTypeStringList   ParameterType = "StringList"
	ParameterTypeSecureString ParameterType = "SecureString"
)

// Parameter is a parameter and its value.
type Parameter struct {
	Name  *string
	Type  ParameterType
	Value *string
}
