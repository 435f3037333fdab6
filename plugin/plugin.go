// Package plugin is ssmlint's golangci-lint v2 module plugin: it gives
// golangci-lint the SSM6xx analyzers, so the findings show up in editors
// and in golangci-lint runs. Build a custom golangci-lint that imports it
// (`golangci-lint custom` with the .custom-gcl.yml of the README, or the
// manual way that `make plugin-e2e` follows) and enable the linter:
//
//	linters:
//	  enable: [ssmlint]
//	  settings:
//	    custom:
//	      ssmlint:
//	        type: module
//	        settings:
//	          inventory: inventory.json   # ssmlint --write-inventory
//	          disable: [SSM602]
//
// A relative inventory is relative to the directory of the golangci-lint
// configuration file that names it, wherever golangci-lint runs (editors
// run it in the package's directory): golangci-lint does not tell a plugin
// where its configuration is, so the plugin finds it as golangci-lint does
// (see configDir). An inventory that cannot be read is a warning on stderr,
// and the analyzers run without it: golangci-lint's other linters are not
// affected.
//
// Findings are golangci-lint issues of the linter "ssmlint" (the analyzer,
// ssm601…, prefixes the message). golangci-lint applies //nolint itself, so
// `//nolint:ssmlint` (or `//nolint`) silences every ssmlint rule there and
// golangci-lint's nolintlint sees it used; `//nolint:ssm601` names no
// linter golangci-lint knows and silences nothing. The plugin applies
// `//ssmlint:ignore SSM601 -- reason`, as ssmlint and ssmvet do, to one
// rule; a suppressed finding is not reported and its fix not applied.
//
// golangci-lint discovers module plugins through an init-time
// registration; this package's init is that registration and nothing
// else.
package plugin

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/ssmlint/ssmlint/analyzers/all"
	"github.com/ssmlint/ssmlint/analyzers/ssm601"
	"github.com/ssmlint/ssmlint/internal/suppress"
	"github.com/ssmlint/ssmlint/rules"
)

func init() {
	register.Plugin("ssmlint", New)
}

// Settings are the plugin's settings in .golangci.yml.
type Settings struct {
	// Inventory is the Terraform parameter inventory written by
	// `ssmlint --write-inventory` (SSM601 and SSM607 read it); a relative
	// path is relative to the directory of the golangci-lint
	// configuration file.
	Inventory string `json:"inventory"`
	// Disable lists rules (IDs or names) not to run.
	Disable []string `json:"disable"`
}

// Plugin is the golangci-lint plugin.
type Plugin struct {
	settings Settings
	// args (golangci-lint's command line), wd (its working directory)
	// and home locate the golangci-lint configuration (configDir).
	args     []string
	wd, home string
	// warn receives the plugin's warnings.
	warn io.Writer
}

// New decodes the settings; unknown keys and rules are errors.
func New(raw any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		return nil, fmt.Errorf("ssmlint plugin settings: %w", err)
	}
	for _, d := range s.Disable {
		r, ok := rules.Lookup(d)
		if !ok || !strings.HasPrefix(r.ID, "SSM6") {
			return nil, fmt.Errorf("ssmlint plugin settings: disable: %q is not a Go rule (SSM601-SSM609)", d)
		}
	}
	wd, _ := os.Getwd()
	home, _ := os.UserHomeDir()
	return &Plugin{settings: s, args: os.Args, wd: wd, home: home, warn: os.Stderr}, nil
}

// BuildAnalyzers returns the enabled analyzers, with the inventory set
// and suppression comments applied (suppress.Analyzers). It fails for
// nothing: an inventory that cannot be read is a warning.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	if inv := p.settings.Inventory; inv != "" {
		if !filepath.IsAbs(inv) {
			inv = filepath.Join(configDir(p.args, p.wd, p.home), inv)
		}
		_ = ssm601.Inventory.Set(inv)
		if _, err := ssm601.Inventory.Get(); err != nil {
			ssm601.Inventory.Use(nil)
			fmt.Fprintf(p.warn, "ssmlint plugin: warning: settings: inventory %q: %v; SSM601 and SSM607 run without the Terraform inventory (a relative inventory is relative to the directory of the golangci-lint configuration)\n", p.settings.Inventory, err)
		}
	}
	off := map[string]bool{}
	for _, d := range p.settings.Disable {
		r, _ := rules.Lookup(d)
		off[r.ID] = true
	}
	var out []*analysis.Analyzer
	for _, a := range all.Analyzers() {
		if !off[strings.ToUpper(a.Name)] {
			out = append(out, a)
		}
	}
	return suppress.Analyzers(out, suppress.IgnoreOnly), nil
}

// GetLoadMode asks for type information: the analyzers match calls by
// type identity.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
