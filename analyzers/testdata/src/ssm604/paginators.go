package ssm604

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	ssmv1 "github.com/aws/aws-sdk-go/service/ssm"
)

// The rule page's Bad example: a paginator given a constant path with no
// leading "/".
const pagesPrefix = "myapp/prod"

func newConfigPages(client *ssm.Client) *ssm.GetParametersByPathPaginator {
	return ssm.NewGetParametersByPathPaginator(client, &ssm.GetParametersByPathInput{
		Path:      aws.String(pagesPrefix), // want `GetParametersByPath "myapp/prod": a GetParametersByPath path must start with "/"`
		Recursive: aws.Bool(true),
	})
}

// The rule page's Good example.
const fixedPagesPrefix = "/myapp/prod"

func newFixedConfigPages(client *ssm.Client) *ssm.GetParametersByPathPaginator {
	return ssm.NewGetParametersByPathPaginator(client, &ssm.GetParametersByPathInput{
		Path:      aws.String(fixedPagesPrefix),
		Recursive: aws.Bool(true),
	})
}

// The input in a variable, its path set after the literal.
func servicePages(ctx context.Context, client *ssm.Client) error {
	in := &ssm.GetParametersByPathInput{Recursive: aws.Bool(true)}
	in.Path = aws.String("services/api") // want `GetParametersByPath "services/api": a GetParametersByPath path must start with "/"`
	pages := ssm.NewGetParametersByPathPaginator(client, in, func(o *ssm.GetParametersByPathPaginatorOptions) { o.Limit = 10 })
	for pages.HasMorePages() {
		if _, err := pages.NextPage(ctx); err != nil {
			return err
		}
	}
	return nil
}

// A parameter's history, paged: its name has a space.
func passwordHistory(ctx context.Context, client *ssm.Client) error {
	in := &ssm.GetParameterHistoryInput{Name: aws.String("/app/db password"), WithDecryption: aws.Bool(true)} // want `GetParameterHistory "/app/db password": character ' ' is not allowed`
	pages := ssm.NewGetParameterHistoryPaginator(client, in)
	for pages.HasMorePages() {
		if _, err := pages.NextPage(ctx); err != nil {
			return err
		}
	}
	return nil
}

func passwordHistoryValid(client *ssm.Client) *ssm.GetParameterHistoryPaginator {
	return ssm.NewGetParameterHistoryPaginator(client, &ssm.GetParameterHistoryInput{Name: aws.String("/app/db/password")})
}

// AWS's public parameters may be paged through.
func amiPages(client *ssm.Client) *ssm.GetParametersByPathPaginator {
	return ssm.NewGetParametersByPathPaginator(client, &ssm.GetParametersByPathInput{Path: aws.String("/aws/service/ami-amazon-linux-latest")})
}

// A path known only at run time.
func pagesUnder(client *ssm.Client, prefix string) *ssm.GetParametersByPathPaginator {
	return ssm.NewGetParametersByPathPaginator(client, &ssm.GetParametersByPathInput{Path: aws.String(prefix)})
}

// The input is handed to a function before the paginator gets it: its
// path may be changed there.
func tunedPages(client *ssm.Client) *ssm.GetParametersByPathPaginator {
	in := &ssm.GetParametersByPathInput{Path: aws.String("tenant")}
	withTenantPrefix(in)
	return ssm.NewGetParametersByPathPaginator(client, in)
}

func withTenantPrefix(in *ssm.GetParametersByPathInput) { in.Path = aws.String("/tenants/" + *in.Path) }

// The input variable is set twice: which value the paginator gets is not
// known here.
func eitherPages(client *ssm.Client, legacy bool) *ssm.GetParametersByPathPaginator {
	in := &ssm.GetParametersByPathInput{Path: aws.String("/app")}
	if legacy {
		in = &ssm.GetParametersByPathInput{Path: aws.String("app")}
	}
	return ssm.NewGetParametersByPathPaginator(client, in)
}

// A function of the application with the SDK's name is not the SDK's.
func NewGetParametersByPathPaginator(client *ssm.Client, in *ssm.GetParametersByPathInput) *ssm.GetParametersByPathPaginator {
	return ssm.NewGetParametersByPathPaginator(client, in)
}

func ownPaginator(client *ssm.Client) *ssm.GetParametersByPathPaginator {
	return NewGetParametersByPathPaginator(client, &ssm.GetParametersByPathInput{Path: aws.String("own")})
}

// aws-sdk-go (v1) pages through the operation's own method.
func v1ConfigPages(svc *ssmv1.SSM) error {
	in := &ssmv1.GetParametersByPathInput{Path: awsv1.String(pagesPrefix)} // want `GetParametersByPath "myapp/prod": a GetParametersByPath path must start with "/"`
	return svc.GetParametersByPathPages(in, func(*ssmv1.GetParametersByPathOutput, bool) bool { return true })
}
