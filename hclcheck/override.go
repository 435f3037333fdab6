package hclcheck

import (
	"fmt"
	"maps"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// Override files (override.tf, x_override.tf, and their .tf.json, .tofu
// and .tofu.json forms) are merged into the blocks they override, as
// Terraform does it, after every other file of the module is read and in
// lexical order of their names:
//   - a block overrides the block with the same address in another file
//     (resource and data type and name, module, variable, output, provider
//     name and alias); each local value overrides the local of that name;
//   - each argument replaces the argument of the same name;
//   - nested blocks of a type replace every nested block of that type
//     (dynamic blocks generating that type included); a resource's
//     lifecycle block is merged argument by argument instead;
//   - a block or local with nothing to override is an error, as in
//     Terraform; terraform blocks are not read by ssmlint and are left out.
// An overriding argument keeps its own position, so a finding it causes
// points at the override file; the block keeps the position of the block
// it overrides.

// isOverride reports whether a configuration file is an override file.
func isOverride(path string) bool {
	base := filepath.Base(path)
	for _, ext := range [...]string{".tf", ".tf.json", ".tofu", ".tofu.json"} {
		if stem, ok := strings.CutSuffix(base, ext); ok {
			return stem == "override" || strings.HasSuffix(stem, "_override")
		}
	}
	return false
}

// blockSlot is where a top-level block sits among the module's files.
type blockSlot struct {
	file, index int
}

// applyOverrides merges the override files, in order, into the others'
// blocks. The files' bodies are changed in place: they were parsed for
// this module alone.
func applyOverrides(files, overrides []*File, errs *errorList) {
	if len(overrides) == 0 {
		return
	}
	slots := map[string]blockSlot{}
	locals := map[string]*hclsyntax.Body{} // local name -> its locals block
	for fi, f := range files {
		for bi, b := range f.Body.Blocks {
			if b.Type == "locals" {
				for name := range b.Body.Attributes {
					if locals[name] == nil {
						locals[name] = b.Body
					}
				}
				continue
			}
			if k := overrideKey(b); k != "" {
				if _, dup := slots[k]; !dup {
					slots[k] = blockSlot{fi, bi}
				}
			}
		}
	}
	for _, o := range overrides {
		for _, ob := range o.Body.Blocks {
			switch ob.Type {
			case "terraform":
				continue
			case "locals":
				for name, a := range ob.Body.Attributes {
					base := locals[name]
					if base == nil {
						errs.add(hcl.Diagnostic{Severity: hcl.DiagError, Summary: fmt.Sprintf("override of local value %q, which no other file of the module defines", name), Subject: a.NameRange.Ptr()})
						continue
					}
					base.Attributes[name] = a
				}
				continue
			}
			k := overrideKey(ob)
			if k == "" {
				continue
			}
			slot, ok := slots[k]
			if !ok {
				errs.add(hcl.Diagnostic{Severity: hcl.DiagError, Summary: fmt.Sprintf("override of %s, which no other file of the module declares", describeKey(k)), Subject: ob.DefRange().Ptr()})
				continue
			}
			blocks := files[slot.file].Body.Blocks
			blocks[slot.index] = mergeBlock(blocks[slot.index], ob, ob.Type == "resource" || ob.Type == "data")
		}
	}
}

// overrideKey is a top-level block's address for overriding, "" for
// blocks that are not overridden by address.
func overrideKey(b *hclsyntax.Block) string {
	switch b.Type {
	case "resource", "data":
		if len(b.Labels) == 2 {
			return b.Type + " " + b.Labels[0] + "." + b.Labels[1]
		}
	case "module", "variable", "output":
		if len(b.Labels) == 1 {
			return b.Type + " " + b.Labels[0]
		}
	case "provider":
		if len(b.Labels) == 1 {
			alias := ""
			if a := b.Body.Attributes["alias"]; a != nil {
				if v, diags := a.Expr.Value(nil); !diags.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
					alias = v.AsString()
				}
			}
			return "provider " + b.Labels[0] + "." + alias
		}
	}
	return ""
}

// describeKey turns an override key back into words.
func describeKey(k string) string {
	typ, addr, _ := strings.Cut(k, " ")
	switch typ {
	case "resource":
		return "resource " + addr
	case "data":
		return "data source " + addr
	case "provider":
		return "provider " + strings.TrimSuffix(addr, ".")
	}
	return typ + " " + addr
}

// mergeBlock returns base with the arguments and nested blocks of
// override. With mergeLifecycle, lifecycle blocks are merged argument by
// argument (resources and data sources).
func mergeBlock(base, override *hclsyntax.Block, mergeLifecycle bool) *hclsyntax.Block {
	merged := *base
	body := *base.Body
	body.Attributes = maps.Clone(base.Body.Attributes)
	maps.Copy(body.Attributes, override.Body.Attributes)

	replaced := map[string]bool{}
	var lifecycle []*hclsyntax.Block
	for _, b := range override.Body.Blocks {
		switch {
		case mergeLifecycle && b.Type == "lifecycle":
			lifecycle = append(lifecycle, b)
		case b.Type == "dynamic" && len(b.Labels) == 1:
			replaced[b.Labels[0]] = true
		default:
			replaced[b.Type] = true
		}
	}
	body.Blocks = nil
	for _, b := range base.Body.Blocks {
		typ := b.Type
		if typ == "dynamic" && len(b.Labels) == 1 {
			typ = b.Labels[0]
		}
		if replaced[typ] {
			continue
		}
		if typ == "lifecycle" && len(lifecycle) > 0 {
			for _, l := range lifecycle {
				b = mergeBlock(b, l, false)
			}
			lifecycle = nil
		}
		body.Blocks = append(body.Blocks, b)
	}
	body.Blocks = append(body.Blocks, lifecycle...) // no lifecycle block to merge into
	for _, b := range override.Body.Blocks {
		if !(mergeLifecycle && b.Type == "lifecycle") {
			body.Blocks = append(body.Blocks, b)
		}
	}
	merged.Body = &body
	return &merged
}
