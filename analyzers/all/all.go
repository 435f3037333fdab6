// Package all lists ssmlint's Go analyzers (SSM6xx), in rule order: the
// one list the ssmvet command, the CLI and the golangci-lint plugin share.
package all

import (
	"golang.org/x/tools/go/analysis"

	"github.com/ssmlint/ssmlint/analyzers/ssm601"
)

// Analyzers returns the analyzers.
func Analyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		ssm601.Analyzer,
	}
}
