// Package ssm is a stub of github.com/aws/aws-sdk-go/service/ssm (v1): the
// Parameter Store operations with their real signatures.
package ssm

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/request"
)

// Parameter types.
const (
	ParameterTypeString       = "String"
	ParameterTypeSecureString = "SecureString"
)

// SSM is the v1 client.
type SSM struct{}

// New returns a client.
func New() *SSM { return &SSM{} }

type Parameter struct {
	Name  *string
	Value *string
}

type GetParameterInput struct {
	Name           *string
	WithDecryption *bool
}

func (s *GetParameterInput) SetName(v string) *GetParameterInput { s.Name = &v; return s }

func (s *GetParameterInput) SetWithDecryption(v bool) *GetParameterInput {
	s.WithDecryption = &v
	return s
}

type GetParameterOutput struct{ Parameter *Parameter }

func (c *SSM) GetParameter(input *GetParameterInput) (*GetParameterOutput, error) {
	return &GetParameterOutput{}, nil
}

func (c *SSM) GetParameterWithContext(ctx aws.Context, input *GetParameterInput, opts ...request.Option) (*GetParameterOutput, error) {
	return &GetParameterOutput{}, nil
}

type GetParametersInput struct {
	Names          []*string
	WithDecryption *bool
}

type GetParametersOutput struct {
	Parameters        []*Parameter
	InvalidParameters []*string
}

func (c *SSM) GetParameters(input *GetParametersInput) (*GetParametersOutput, error) {
	return &GetParametersOutput{}, nil
}

type GetParametersByPathInput struct {
	Path           *string
	Recursive      *bool
	WithDecryption *bool
	NextToken      *string
}

func (s *GetParametersByPathInput) SetPath(v string) *GetParametersByPathInput { s.Path = &v; return s }

type GetParametersByPathOutput struct {
	Parameters []*Parameter
	NextToken  *string
}

func (c *SSM) GetParametersByPath(input *GetParametersByPathInput) (*GetParametersByPathOutput, error) {
	return &GetParametersByPathOutput{}, nil
}

func (c *SSM) GetParametersByPathPages(input *GetParametersByPathInput, fn func(*GetParametersByPathOutput, bool) bool) error {
	return nil
}

func (c *SSM) GetParametersByPathPagesWithContext(ctx aws.Context, input *GetParametersByPathInput, fn func(*GetParametersByPathOutput, bool) bool, opts ...request.Option) error {
	return nil
}

type PutParameterInput struct {
	Name  *string
	Value *string
	Type  *string
}

type PutParameterOutput struct{}

func (c *SSM) PutParameter(input *PutParameterInput) (*PutParameterOutput, error) {
	return &PutParameterOutput{}, nil
}
