// Package ssm is a stub of github.com/aws/aws-sdk-go-v2/service/ssm: the
// Parameter Store operations with their real signatures.
package ssm

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
)

// Options configures a Client.
type Options struct{ Region string }

// Client calls Systems Manager.
type Client struct{ options Options }

// New returns a Client.
func New(o Options, optFns ...func(*Options)) *Client { return &Client{options: o} }

type GetParameterInput struct {
	Name           *string
	WithDecryption *bool
}

type GetParameterOutput struct{ Parameter *types.Parameter }

func (c *Client) GetParameter(ctx context.Context, params *GetParameterInput, optFns ...func(*Options)) (*GetParameterOutput, error) {
	return &GetParameterOutput{}, nil
}

type GetParametersInput struct {
	Names          []string
	WithDecryption *bool
}

type GetParametersOutput struct {
	Parameters        []types.Parameter
	InvalidParameters []string
}

func (c *Client) GetParameters(ctx context.Context, params *GetParametersInput, optFns ...func(*Options)) (*GetParametersOutput, error) {
	return &GetParametersOutput{}, nil
}

type GetParametersByPathInput struct {
	Path           *string
	Recursive      *bool
	WithDecryption *bool
	MaxResults     *int32
	NextToken      *string
}

type GetParametersByPathOutput struct {
	Parameters []types.Parameter
	NextToken  *string
}

func (c *Client) GetParametersByPath(ctx context.Context, params *GetParametersByPathInput, optFns ...func(*Options)) (*GetParametersByPathOutput, error) {
	return &GetParametersByPathOutput{}, nil
}

type GetParameterHistoryInput struct {
	Name           *string
	WithDecryption *bool
	MaxResults     *int32
	NextToken      *string
}

type GetParameterHistoryOutput struct{ NextToken *string }

func (c *Client) GetParameterHistory(ctx context.Context, params *GetParameterHistoryInput, optFns ...func(*Options)) (*GetParameterHistoryOutput, error) {
	return &GetParameterHistoryOutput{}, nil
}

type PutParameterInput struct {
	Name      *string
	Value     *string
	Type      types.ParameterType
	Overwrite *bool
	KeyId     *string
}

type PutParameterOutput struct{ Version int64 }

func (c *Client) PutParameter(ctx context.Context, params *PutParameterInput, optFns ...func(*Options)) (*PutParameterOutput, error) {
	return &PutParameterOutput{}, nil
}

type DescribeParametersInput struct {
	MaxResults *int32
	NextToken  *string
}

type DescribeParametersOutput struct{ NextToken *string }

func (c *Client) DescribeParameters(ctx context.Context, params *DescribeParametersInput, optFns ...func(*Options)) (*DescribeParametersOutput, error) {
	return &DescribeParametersOutput{}, nil
}

// GetParametersByPathAPIClient is what the paginator needs.
type GetParametersByPathAPIClient interface {
	GetParametersByPath(context.Context, *GetParametersByPathInput, ...func(*Options)) (*GetParametersByPathOutput, error)
}

// GetParametersByPathPaginator pages through GetParametersByPath.
type GetParametersByPathPaginator struct {
	client    GetParametersByPathAPIClient
	params    *GetParametersByPathInput
	firstPage bool
	nextToken *string
}

// NewGetParametersByPathPaginator returns a paginator.
func NewGetParametersByPathPaginator(client GetParametersByPathAPIClient, params *GetParametersByPathInput, optFns ...func(*GetParametersByPathPaginatorOptions)) *GetParametersByPathPaginator {
	return &GetParametersByPathPaginator{client: client, params: params, firstPage: true}
}

// GetParametersByPathPaginatorOptions configures the paginator.
type GetParametersByPathPaginatorOptions struct{ Limit int32 }

// HasMorePages reports whether there is another page.
func (p *GetParametersByPathPaginator) HasMorePages() bool { return p.firstPage || p.nextToken != nil }

// NextPage returns the next page.
func (p *GetParametersByPathPaginator) NextPage(ctx context.Context, optFns ...func(*Options)) (*GetParametersByPathOutput, error) {
	p.firstPage = false
	return &GetParametersByPathOutput{}, nil
}
