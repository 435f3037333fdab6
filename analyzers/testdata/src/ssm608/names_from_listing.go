package ssm608

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	ssmv1 "github.com/aws/aws-sdk-go/service/ssm"
)

// The names come from the pages of a listing made just before, sent in
// batches of ten: every one of them existed a moment ago.
func decryptedUnderPath(ctx context.Context, c *ssm.Client, path string) (map[string]string, error) {
	var names []string
	pages := ssm.NewGetParametersByPathPaginator(c, &ssm.GetParametersByPathInput{Path: aws.String(path), Recursive: aws.Bool(true)})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, p := range page.Parameters {
			names = append(names, aws.ToString(p.Name))
		}
	}
	values := make(map[string]string, len(names))
	for start := 0; start < len(names); start += 10 {
		batch := names[start:min(start+10, len(names))]
		out, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: batch, WithDecryption: aws.Bool(true)})
		if err != nil {
			return nil, err
		}
		for _, p := range out.Parameters {
			values[aws.ToString(p.Name)] = aws.ToString(p.Value)
		}
	}
	return values, nil
}

// A loop that follows NextToken, the names read straight off each page.
func stringListsUnder(ctx context.Context, c *ssm.Client, path string) ([]string, error) {
	var lists []string
	in := &ssm.GetParametersByPathInput{Path: aws.String(path)}
	for {
		page, err := c.GetParametersByPath(ctx, in)
		if err != nil {
			return nil, err
		}
		for _, p := range page.Parameters {
			if p.Type != "StringList" {
				continue
			}
			name := aws.ToString(p.Name)
			out, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{name}})
			if err != nil {
				return nil, err
			}
			for _, v := range out.Parameters {
				lists = append(lists, aws.ToString(v.Value))
			}
		}
		if page.NextToken == nil {
			return lists, nil
		}
		in.NextToken = page.NextToken
	}
}

// aws-sdk-go v1: the names gathered in a …Pages callback.
func v1DecryptedUnderPath(svc *ssmv1.SSM, path string) ([]*ssmv1.Parameter, error) {
	var names []*string
	err := svc.GetParametersByPathPages(&ssmv1.GetParametersByPathInput{Path: awsv1.String(path)}, func(page *ssmv1.GetParametersByPathOutput, last bool) bool {
		for _, p := range page.Parameters {
			names = append(names, p.Name)
		}
		return true
	})
	if err != nil || len(names) == 0 {
		return nil, err
	}
	out, err := svc.GetParameters(&ssmv1.GetParametersInput{Names: names, WithDecryption: awsv1.Bool(true)})
	if err != nil {
		return nil, err
	}
	var params []*ssmv1.Parameter
	params = append(params, out.Parameters...)
	return params, nil
}

// Names from the caller (configuration, flags): a typo goes unnoticed.
func valuesOf(ctx context.Context, c *ssm.Client, names []string) ([]string, error) {
	out, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: names}) // want `the result of GetParameters is used but its InvalidParameters is never read`
	if err != nil {
		return nil, err
	}
	var values []string
	for _, p := range out.Parameters {
		values = append(values, aws.ToString(p.Value))
	}
	return values, nil
}

// Listed names plus one the code insists on: that one may be missing.
func listedAndRequired(ctx context.Context, c *ssm.Client) (int, error) {
	var names []string
	pages := ssm.NewGetParametersByPathPaginator(c, &ssm.GetParametersByPathInput{Path: aws.String("/app/flags")})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return 0, err
		}
		for _, p := range page.Parameters {
			names = append(names, aws.ToString(p.Name))
		}
	}
	names = append(names, "/app/required/db-url")
	out, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: names}) // want `InvalidParameters is never read`
	if err != nil {
		return 0, err
	}
	return len(out.Parameters), nil
}
