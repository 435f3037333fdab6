package checks

import (
	"github.com/ssmlint/ssmlint/hclcheck"
)

// parameterValueTooLarge reports known values over the tier's size limit:
// 4 KB for Standard (also when the tier is unset), 8 KB for any tier. A
// write-only value_wo is measured like value: the limit is Parameter
// Store's, not the state's.
func parameterValueTooLarge(pass *hclcheck.Pass) {
	def, defKnown := defaultTier(pass.Config)
	for _, p := range parameters(pass.Config) {
		a, size, ok := valueSize(p)
		if !ok {
			continue
		}
		tier := p.tier
		if p.tierAttr == nil {
			if !defKnown {
				continue
			}
			tier = def
		} else if tier == "" {
			continue // tier set but unknown
		}
		switch {
		case size > advancedMaxBytes:
			pass.Report(p.r, hclcheck.At(p.r, a), a.Name, "%s value is %d bytes; parameters hold at most 8 KB (8192 bytes) on any tier", p.label(), size)
		case size > standardMaxBytes && tier == tierStandard:
			how := "tier is Standard"
			if p.tierAttr == nil {
				how = "tier is unset (Standard)"
			}
			pass.Report(p.r, hclcheck.At(p.r, a), a.Name, "%s value is %d bytes but its %s: Standard parameters hold at most 4 KB (4096 bytes)", p.label(), size, how)
		}
	}
}

// valueSize returns the value attribute (value, value_wo or
// insecure_value) and its size in bytes, when known.
func valueSize(p parameter) (*hclcheck.Attr, int, bool) {
	a := p.valueAttr()
	if a == nil {
		return nil, 0, false
	}
	s, ok := hclcheck.String(a.Value())
	if !ok {
		return a, 0, false
	}
	return a, len(s), true
}
