package report

import (
	"strings"
	"testing"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/rules"
)

func TestGitHubSample(t *testing.T) {
	got := render(t, "github", sampleInput(), Options{})
	want := `::error file=main.tf,line=3,col=11,endLine=3,endColumn=19,title=SSM201 secret-in-plain-string::parameter "/prod/db/password" looks like a secret but has type "String"%0AFix: set type = "SecureString"
::warning file=main.tf,line=10,col=11,endLine=10,endColumn=21,title=SSM301 advanced-tier-not-needed::parameter "/prod/app/config" is Advanced tier but uses no Advanced feature ($0.05/month)%0AFix: set tier = "Standard" or remove tier
::notice file=modules/logs/main.tf,line=1,endLine=3,title=SSM501 session-logs-not-encrypted::log group "/ssm/sessions" receives session logs but has no kms_key_id%0AFix: add kms_key_id = aws_kms_key.sessions.arn
::error file=terraform.tfvars,line=1,col=10,endLine=1,endColumn=21,title=ssmlint::Invalid multi-line string: quoted strings may not be split over multiple lines
`
	diffLines(t, got, want)
}

func TestGitHubEscaping(t *testing.T) {
	tests := []struct {
		name string
		f    finding.Finding
		want string
	}{
		{
			name: "message with percent, newline and carriage return",
			f: finding.Finding{
				Rule: ruleAdvanced, Severity: rules.Warning,
				Message: "100% of\r\nparameters: a, b",
				Range:   rng("/w/main.tf", 2, 1, 2, 5),
			},
			want: "::warning file=main.tf,line=2,col=1,endLine=2,endColumn=5,title=SSM301 advanced-tier-not-needed::100%25 of%0D%0Aparameters: a, b%0AFix: set tier = \"Standard\" or remove tier\n",
		},
		{
			name: "file name with comma, colon and percent",
			f: finding.Finding{
				Rule: ruleLogs, Severity: rules.Info, Message: "m", Remediation: "-",
				Range: rng("/w/env:prod,eu/50%.tf", 7, 3, 7, 4),
			},
			want: "::notice file=env%3Aprod%2Ceu/50%25.tf,line=7,col=3,endLine=7,endColumn=4,title=SSM501 session-logs-not-encrypted::m%0AFix: -\n",
		},
		{
			name: "a message cannot start a second command",
			f: finding.Finding{
				Rule: ruleSecret, Severity: rules.Error, Remediation: "x",
				Message: "bad\n::error file=x.tf::forged",
				Range:   rng("/w/main.tf", 1, 1, 1, 2),
			},
			want: "::error file=main.tf,line=1,col=1,endLine=1,endColumn=2,title=SSM201 secret-in-plain-string::bad%0A::error file=x.tf::forged%0AFix: x\n",
		},
		{
			name: "no position, no rule",
			f:    finding.Finding{Severity: rules.Error, Message: "m"},
			want: "::error::m\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, "github", Input{Findings: []finding.Finding{tt.f}, WorkDir: "/w"}, Options{})
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			if strings.Count(got, "\n") != 1 {
				t.Errorf("one finding took %d lines", strings.Count(got, "\n"))
			}
		})
	}
}

func TestGitHubErrorWithoutFile(t *testing.T) {
	got := render(t, "github", Input{Errors: []finding.Error{{Message: "config: unknown rule SSM999"}}}, Options{})
	if want := "::error title=ssmlint::config: unknown rule SSM999\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
