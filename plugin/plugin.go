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
// golangci-lint discovers module plugins through an init-time
// registration; this package's init is that registration and nothing
// else.
package plugin

import (
	"fmt"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/ssmlint/ssmlint/analyzers/all"
	"github.com/ssmlint/ssmlint/analyzers/ssm601"
	"github.com/ssmlint/ssmlint/rules"
)

func init() {
	register.Plugin("ssmlint", New)
}

// Settings are the plugin's settings in .golangci.yml.
type Settings struct {
	// Inventory is the Terraform parameter inventory written by
	// `ssmlint --write-inventory` (SSM601 and SSM607 read it).
	Inventory string `json:"inventory"`
	// Disable lists rules (IDs or names) not to run.
	Disable []string `json:"disable"`
}

// Plugin is the golangci-lint plugin.
type Plugin struct {
	settings Settings
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
	return &Plugin{settings: s}, nil
}

// BuildAnalyzers returns the enabled analyzers, with the inventory set.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	if p.settings.Inventory != "" {
		if err := ssm601.Inventory.Set(p.settings.Inventory); err != nil {
			return nil, err
		}
		if _, err := ssm601.Inventory.Get(); err != nil {
			return nil, fmt.Errorf("ssmlint plugin: %w", err)
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
	return out, nil
}

// GetLoadMode asks for type information: the analyzers match calls by
// type identity.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
