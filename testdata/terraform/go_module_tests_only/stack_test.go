package test

import (
	"testing"

	helpers "example.invalid/terratest-helpers"
)

func TestStack(t *testing.T) {
	helpers.Apply(t, "..")
}
