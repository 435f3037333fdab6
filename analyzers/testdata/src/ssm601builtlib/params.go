// Package ssm601builtlib is a shared configuration library: names are
// built from the environment and service it is given.
package ssm601builtlib

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

// Store reads the parameters of one environment.
type Store struct {
	Client *ssm.Client
	Env    string
}

// Get reads /<env>/<service>/<key> without decryption.
func (s *Store) Get(ctx context.Context, service, key string) (string, error) { // want Get:`reads Name via GetParameter \(name param -1 "", decrypt param -1 false\) built by fmt\.Sprintf as "/…/\{1\}/\{2\}"`
	out, err := s.Client.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(fmt.Sprintf("/%s/%s/%s", s.Env, service, key))})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}

// Secret decrypts.
func (s *Store) Secret(ctx context.Context, key string) (string, error) {
	out, err := s.Client.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/" + s.Env + "/secrets/" + key), WithDecryption: aws.Bool(true)})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}

// Service reads a key of this service through Get.
func (s *Store) Service(ctx context.Context, key string) (string, error) { // want Service:`built by fmt\.Sprintf as "/…/orders/\{1\}"`
	return s.Get(ctx, "orders", key)
}

// Param leaves decryption to its caller.
func (s *Store) Param(ctx context.Context, key string, decrypt bool) (string, error) { // want Param:`reads Name via GetParameter \(name param -1 "", decrypt param 2 false\) built by concatenation as "/…/shared/\{1\}"`
	out, err := s.Client.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/" + s.Env + "/shared/" + key), WithDecryption: aws.Bool(decrypt)})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}
