package ssm608

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

const (
	dbHostName = "/shop/prod/db/host"
	dbPortName = "/shop/prod/db/port"
)

type dbConfig struct{ Host, Port string }

// Each name looked up in a map of the results, its absence handled.
func loadDBConfig(ctx context.Context, c *ssm.Client) (dbConfig, error) {
	out, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{dbHostName, dbPortName}})
	if err != nil {
		return dbConfig{}, err
	}
	byName := make(map[string]string, len(out.Parameters))
	for _, p := range out.Parameters {
		byName[*p.Name] = *p.Value
	}
	host, ok := byName[dbHostName]
	if !ok {
		return dbConfig{}, errors.New("db host is not set")
	}
	port, ok := byName[dbPortName]
	if !ok {
		port = "5432"
	}
	return dbConfig{Host: host, Port: port}, nil
}

// Fewer parameters than names: some are missing.
func allOrNothing(ctx context.Context, c *ssm.Client, names []string) ([]string, error) {
	out, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: names})
	if err != nil {
		return nil, err
	}
	if len(out.Parameters) < len(names) {
		return nil, fmt.Errorf("found %d of %d parameters", len(out.Parameters), len(names))
	}
	var values []string
	for _, p := range out.Parameters {
		values = append(values, aws.ToString(p.Value))
	}
	return values, nil
}

// The same count check, written the other way round.
func sameCount(ctx context.Context, c *ssm.Client, names []string) error {
	out, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: names})
	if err != nil {
		return err
	}
	if len(names) != len(out.Parameters) {
		return errors.New("some parameters are missing")
	}
	return nil
}

// The requested names minus the returned ones.
func missingNames(ctx context.Context, c *ssm.Client, names []string) ([]string, error) {
	out, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: names})
	if err != nil {
		return nil, err
	}
	returned := map[string]bool{}
	for _, p := range out.Parameters {
		returned[aws.ToString(p.Name)] = true
	}
	var missing []string
	for _, n := range names {
		if !returned[n] {
			missing = append(missing, n)
		}
	}
	return missing, nil
}

// The same difference, crossing off each name that came back.
func crossedOff(ctx context.Context, c *ssm.Client, names []string) error {
	out, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: names})
	if err != nil {
		return err
	}
	pending := make(map[string]struct{}, len(names))
	for _, n := range names {
		pending[n] = struct{}{}
	}
	for _, p := range out.Parameters {
		delete(pending, aws.ToString(p.Name))
	}
	if len(pending) > 0 {
		return fmt.Errorf("%d parameters not found", len(pending))
	}
	return nil
}

// The returned names gathered, then each requested one searched for.
func eachFound(ctx context.Context, c *ssm.Client, names []string) error {
	out, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: names})
	if err != nil {
		return err
	}
	var got []string
	for _, p := range out.Parameters {
		got = append(got, aws.ToString(p.Name))
	}
	for _, n := range names {
		if !slices.Contains(got, n) {
			return fmt.Errorf("parameter %s not found", n)
		}
	}
	return nil
}

// A map of the results read without asking whether the name is there: a
// missing one reads as "".
func plainIndex(ctx context.Context, c *ssm.Client) (dbConfig, error) {
	out, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{dbHostName, dbPortName}}) // want `InvalidParameters is never read`
	if err != nil {
		return dbConfig{}, err
	}
	byName := map[string]string{}
	for _, p := range out.Parameters {
		byName[aws.ToString(p.Name)] = aws.ToString(p.Value)
	}
	return dbConfig{Host: byName[dbHostName], Port: byName[dbPortName]}, nil
}

// "None at all" is not "all of them": with two names one may be missing.
func notEmpty(ctx context.Context, c *ssm.Client) ([]string, error) {
	out, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{dbHostName, dbPortName}}) // want `InvalidParameters is never read`
	if err != nil {
		return nil, err
	}
	if len(out.Parameters) == 0 {
		return nil, errors.New("no parameters")
	}
	var values []string
	for _, p := range out.Parameters {
		values = append(values, aws.ToString(p.Value))
	}
	return values, nil
}

// Each requested name looked up in turn.
func requireAll(ctx context.Context, c *ssm.Client, names []string) (map[string]string, error) {
	out, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: names, WithDecryption: aws.Bool(true)})
	if err != nil {
		return nil, err
	}
	values := map[string]string{}
	for _, p := range out.Parameters {
		values[aws.ToString(p.Name)] = aws.ToString(p.Value)
	}
	for _, n := range names {
		if _, ok := values[n]; !ok {
			return nil, fmt.Errorf("parameter %s not found", n)
		}
	}
	return values, nil
}

// Only the host is looked up with ok: a missing port goes unnoticed.
func hostChecked(ctx context.Context, c *ssm.Client) (dbConfig, error) {
	out, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{dbHostName, dbPortName}}) // want `InvalidParameters is never read`
	if err != nil {
		return dbConfig{}, err
	}
	byName := map[string]string{}
	for _, p := range out.Parameters {
		byName[aws.ToString(p.Name)] = aws.ToString(p.Value)
	}
	host, ok := byName[dbHostName]
	if !ok {
		return dbConfig{}, errors.New("db host is not set")
	}
	return dbConfig{Host: host, Port: byName[dbPortName]}, nil
}

// A lookup before the call (skipping duplicate names while building the
// request) checks nothing about the result: still reported.
func dedupeBefore(ctx context.Context, c *ssm.Client, names []string) (map[string]string, error) {
	params := make(map[string]string, len(names))
	in := &ssm.GetParametersInput{}
	for _, name := range names {
		if _, exists := params[name]; exists {
			continue
		}
		in.Names = append(in.Names, name)
	}
	out, err := c.GetParameters(ctx, in) // want `InvalidParameters is never read`
	if err != nil {
		return nil, err
	}
	for _, p := range out.Parameters {
		params[*p.Name] = *p.Value
	}
	return params, nil
}
