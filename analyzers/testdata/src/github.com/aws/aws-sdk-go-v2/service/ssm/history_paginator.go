package ssm

import "context"

// GetParameterHistoryAPIClient is what the paginator needs.
type GetParameterHistoryAPIClient interface {
	GetParameterHistory(context.Context, *GetParameterHistoryInput, ...func(*Options)) (*GetParameterHistoryOutput, error)
}

// GetParameterHistoryPaginator pages through GetParameterHistory.
type GetParameterHistoryPaginator struct {
	client    GetParameterHistoryAPIClient
	params    *GetParameterHistoryInput
	firstPage bool
	nextToken *string
}

// GetParameterHistoryPaginatorOptions configures the paginator.
type GetParameterHistoryPaginatorOptions struct{ Limit int32 }

// NewGetParameterHistoryPaginator returns a paginator.
func NewGetParameterHistoryPaginator(client GetParameterHistoryAPIClient, params *GetParameterHistoryInput, optFns ...func(*GetParameterHistoryPaginatorOptions)) *GetParameterHistoryPaginator {
	return &GetParameterHistoryPaginator{client: client, params: params, firstPage: true}
}

// HasMorePages reports whether there is another page.
func (p *GetParameterHistoryPaginator) HasMorePages() bool { return p.firstPage || p.nextToken != nil }

// NextPage returns the next page.
func (p *GetParameterHistoryPaginator) NextPage(ctx context.Context, optFns ...func(*Options)) (*GetParameterHistoryOutput, error) {
	p.firstPage = false
	return &GetParameterHistoryOutput{}, nil
}
