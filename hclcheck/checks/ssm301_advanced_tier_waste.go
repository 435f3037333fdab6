package checks

import (
	"github.com/ssmlint/ssmlint/hclcheck"
)

// advancedTierWaste reports Advanced parameters whose known value fits in
// Standard and that set no parameter policies.
func advancedTierWaste(pass *hclcheck.Pass) {
	price := 0.05
	if v, ok := pass.Option("monthly_cost_per_parameter").(float64); ok {
		price = v
	}
	for _, p := range parameters(pass.Config) {
		if p.tier != tierAdvanced || p.r.Body.Has("policies") {
			continue
		}
		_, size, ok := valueSize(p)
		if !ok || size > standardMaxBytes {
			continue
		}
		f := pass.Report(p.r, hclcheck.At(p.r, p.tierAttr), "tier",
			"%s is an Advanced parameter, but its value (%d bytes) fits in Standard (4 KB) and it sets no parameter policies: $%.2f per month for nothing", p.label(), size, price)
		f.Cost = price
	}
}
