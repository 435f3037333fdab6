// Package request is a stub of github.com/aws/aws-sdk-go/aws/request.
package request

// Request is an API request.
type Request struct{}

// Option changes a request.
type Option func(*Request)
