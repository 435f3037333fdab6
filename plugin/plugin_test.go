package plugin_test

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"

	_ "github.com/ssmlint/ssmlint/plugin"
)

func build(t *testing.T, settings map[string]any) ([]string, error) {
	t.Helper()
	newPlugin, err := register.GetPlugin("ssmlint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(settings)
	if err != nil {
		return nil, err
	}
	if p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("load mode %q", p.GetLoadMode())
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		return nil, err
	}
	var names []string
	for _, a := range as {
		names = append(names, a.Name)
	}
	return names, nil
}

// The settings golangci-lint passes: rules to disable (IDs or names), an
// inventory; unknown keys and non-Go rules are errors, a missing
// inventory is not (see TestInventory).
func TestSettings(t *testing.T) {
	names, err := build(t, map[string]any{"disable": []string{"SSM602", "invalid-parameters-ignored"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(names, ","); got != "ssm601,ssm603,ssm604,ssm605,ssm606,ssm607,ssm609" {
		t.Errorf("analyzers %s", got)
	}
	if _, err := build(t, map[string]any{"disable": []string{"SSM201"}}); err == nil || !strings.Contains(err.Error(), `"SSM201" is not a Go rule`) {
		t.Errorf("disabling a Terraform rule: %v", err)
	}
	if _, err := build(t, map[string]any{"inventroy": "x.json"}); err == nil || !strings.Contains(err.Error(), "inventroy") {
		t.Errorf("unknown key: %v", err)
	}
	if names, err := build(t, map[string]any{"inventory": "/does/not/exist.json"}); err != nil || len(names) != 9 {
		t.Errorf("missing inventory: analyzers %v, error %v; want all nine and no error", names, err)
	}
}
