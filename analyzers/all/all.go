// Package all lists ssmlint's Go analyzers (SSM6xx), in rule order: the
// one list the ssmvet command, the CLI and the golangci-lint plugin share.
package all

import (
	"golang.org/x/tools/go/analysis"

	"github.com/ssmlint/ssmlint/analyzers/ssm601"
	"github.com/ssmlint/ssmlint/analyzers/ssm602"
	"github.com/ssmlint/ssmlint/analyzers/ssm603"
	"github.com/ssmlint/ssmlint/analyzers/ssm604"
	"github.com/ssmlint/ssmlint/analyzers/ssm605"
	"github.com/ssmlint/ssmlint/analyzers/ssm606"
	"github.com/ssmlint/ssmlint/analyzers/ssm607"
	"github.com/ssmlint/ssmlint/analyzers/ssm608"
	"github.com/ssmlint/ssmlint/analyzers/ssm609"
)

// Analyzers returns the analyzers.
func Analyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		ssm601.Analyzer,
		ssm602.Analyzer,
		ssm603.Analyzer,
		ssm604.Analyzer,
		ssm605.Analyzer,
		ssm606.Analyzer,
		ssm607.Analyzer,
		ssm608.Analyzer,
		ssm609.Analyzer,
	}
}
