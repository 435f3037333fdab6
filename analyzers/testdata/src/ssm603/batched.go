package ssm603

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"

	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
)

// Names lists built at run time, split into batches of at most 10 or
// checked for length first: silent.

// The rule page's Good example.
func getParameters(ctx context.Context, client *ssm.Client, names []string) ([]types.Parameter, error) {
	var params []types.Parameter
	for chunk := range slices.Chunk(names, 10) {
		out, err := client.GetParameters(ctx, &ssm.GetParametersInput{Names: chunk})
		if err != nil {
			return nil, err
		}
		params = append(params, out.Parameters...)
	}
	return params, nil
}

const maxNamesPerCall = 10

// Batches by index.
func ReadAllByIndex(ctx context.Context, client *ssm.Client, names []string) ([]types.Parameter, error) {
	var params []types.Parameter
	for i := 0; i < len(names); i += maxNamesPerCall {
		out, err := client.GetParameters(ctx, &ssm.GetParametersInput{Names: names[i:min(i+maxNamesPerCall, len(names))]})
		if err != nil {
			return nil, err
		}
		params = append(params, out.Parameters...)
	}
	return params, nil
}

// Batches by a helper of the application.
func ReadAllChunked(ctx context.Context, client *ssm.Client, names []string) error {
	for _, batch := range chunkNames(names, maxNamesPerCall) {
		if _, err := client.GetParameters(ctx, &ssm.GetParametersInput{Names: batch}); err != nil {
			return err
		}
	}
	return nil
}

func chunkNames(names []string, size int) [][]string {
	var out [][]string
	for len(names) > size {
		out = append(out, names[:size])
		names = names[size:]
	}
	return append(out, names)
}

// Refuses more than 10 names.
func ReadAtMostTen(ctx context.Context, client *ssm.Client, names []string) (*ssm.GetParametersOutput, error) {
	if len(names) > maxNamesPerCall {
		return nil, fmt.Errorf("at most %d parameter names per call, got %d", maxNamesPerCall, len(names))
	}
	return client.GetParameters(ctx, &ssm.GetParametersInput{Names: names})
}

// Calls only under the limit.
func ReadIfFew(ctx context.Context, client *ssm.Client, names []string) error {
	if len(names) <= 10 {
		_, err := client.GetParameters(ctx, &ssm.GetParametersInput{Names: names})
		return err
	}
	return errors.New("too many parameter names")
}

// Built from a list of four keys.
func ReadDatabase(ctx context.Context, client *ssm.Client, prefix string) (*ssm.GetParametersOutput, error) {
	var names []string
	for _, key := range [...]string{"host", "port", "user", "password"} {
		names = append(names, prefix+"/db/"+key)
	}
	return client.GetParameters(ctx, &ssm.GetParametersInput{Names: names})
}

// An unexported helper every caller gives two names.
func readPair(ctx context.Context, client *ssm.Client, names []string) (*ssm.GetParametersOutput, error) {
	return client.GetParameters(ctx, &ssm.GetParametersInput{Names: names})
}

func readEndpoints(ctx context.Context, client *ssm.Client) error {
	if _, err := readPair(ctx, client, []string{"/api/url", "/api/timeout"}); err != nil {
		return err
	}
	_, err := readPair(ctx, client, []string{"/queue/url", "/queue/dlq_url"})
	return err
}

// Where the names come from cannot be told here.
type registry interface{ ParameterNames() []string }

func readRegistered(ctx context.Context, client *ssm.Client, r registry) error {
	names := r.ParameterNames()
	_, err := client.GetParameters(ctx, &ssm.GetParametersInput{Names: names})
	return err
}

type job struct{ names []string }

func (j *job) run(ctx context.Context, client *ssm.Client) error {
	_, err := client.GetParameters(ctx, &ssm.GetParametersInput{Names: j.names})
	return err
}

// Struct tags of a type with three fields.
type dbConfig struct {
	Host string `ssm:"/db/host"`
	Port string `ssm:"/db/port"`
	User string `ssm:"/db/user"`
}

func loadDBConfig(ctx context.Context, client *ssm.Client) (*ssm.GetParametersOutput, error) {
	t := reflect.TypeOf(dbConfig{})
	var names []string
	for i := 0; i < t.NumField(); i++ {
		names = append(names, t.Field(i).Tag.Get("ssm"))
	}
	return client.GetParameters(ctx, &ssm.GetParametersInput{Names: names})
}

// A batch flushed whenever it is full.
func ReadFlushing(ctx context.Context, client *ssm.Client, all []string) error {
	var batch []string
	for _, name := range all {
		batch = append(batch, name)
		if len(batch) == maxNamesPerCall {
			if _, err := client.GetParameters(ctx, &ssm.GetParametersInput{Names: batch}); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		_, err := client.GetParameters(ctx, &ssm.GetParametersInput{Names: batch})
		return err
	}
	return nil
}

// A method given batches by its only caller.
type loader struct{ client *ssm.Client }

func (l *loader) LoadAll(ctx context.Context, names []string) error {
	for _, batch := range chunkNames(names, maxNamesPerCall) {
		if err := l.loadBatch(ctx, batch); err != nil {
			return err
		}
	}
	return nil
}

func (l *loader) loadBatch(ctx context.Context, batch []string) error {
	_, err := l.client.GetParameters(ctx, &ssm.GetParametersInput{Names: batch})
	return err
}

// A configured list validated for length.
type Job struct {
	Parameters []string `yaml:"parameters" validate:"max=10"`
}

func runJob(ctx context.Context, client *ssm.Client, j Job) error {
	_, err := client.GetParameters(ctx, &ssm.GetParametersInput{Names: j.Parameters})
	return err
}
