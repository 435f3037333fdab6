package checks

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/ssmlint/ssmlint/hclcheck"
	"github.com/ssmlint/ssmlint/internal/suggest"
)

// fleet is what the stack's machines carry as tags, as AWS applies them
// at launch: an instance's tags plus the provider's default_tags, a launch
// template's tag_specifications for instances, an autoscaling group's tags
// propagated at launch.
type fleet struct {
	// declared counts instances, launch templates and autoscaling groups.
	declared int
	// carriers maps a tag key and value to the first resource carrying it.
	carriers map[string]map[string]string
	// complete is false when some machine's tags, or some machine, cannot
	// be known: then "no machine carries this tag" cannot be claimed. It
	// is final only once pending is empty (see settled).
	complete bool
	// pending reads the machines' tags not read yet, one machine per step:
	// evaluating tags is the costly part, and a tag that is found early
	// needs no more of them.
	pending []func()
}

// readUntil reads machines' tags, one machine at a time, until found
// reports true or nothing is left to read (or the fleet turned out not
// knowable).
func (f *fleet) readUntil(found func() bool) bool {
	for !found() {
		if len(f.pending) == 0 || !f.complete {
			return false
		}
		step := f.pending[0]
		f.pending = f.pending[1:]
		step()
	}
	return true
}

// carries reports whether some machine carries key = value, reading
// machines' tags only until one does.
func (f *fleet) carries(key, value string) bool {
	return f.readUntil(func() bool { _, ok := f.carriers[key][value]; return ok })
}

// carriesKey reports whether some machine carries the key at all.
func (f *fleet) carriesKey(key string) bool {
	return f.readUntil(func() bool { return len(f.carriers[key]) > 0 })
}

// settled reads every machine's tags and reports whether they are all
// known: only then can "no machine carries this" be claimed.
func (f *fleet) settled() bool {
	f.readUntil(func() bool { return false })
	return f.declared > 0 && f.complete
}

// instanceMakers are resources that launch instances whose tags ssmlint
// does not model; their presence makes a fleet incomplete.
var instanceMakers = []string{
	"aws_spot_instance_request", "aws_spot_fleet_request", "aws_ec2_fleet",
	"aws_eks_node_group", "aws_batch_compute_environment", "aws_emr_cluster",
	"aws_emr_instance_group", "aws_elastic_beanstalk_environment",
	"aws_opsworks_instance", "aws_gamelift_fleet", "aws_imagebuilder_image",
}

// fleetOf reads the tags of the configuration's machines (memoised).
func fleetOf(c *hclcheck.Config) *fleet {
	return c.Memo(memoKey{query: "fleet"}, func() any { return readFleet(c) }).(*fleet)
}

func readFleet(c *hclcheck.Config) *fleet {
	f := &fleet{carriers: map[string]map[string]string{}}
	instances := c.Resources("aws_instance")
	templates := c.Resources("aws_launch_template")
	groups := c.Resources("aws_autoscaling_group")
	f.declared = len(instances) + len(templates) + len(groups)
	// The cheap reasons for not knowing come first: evaluating tags is
	// the costly part, and it is pointless when the answer is "unknown".
	if f.declared == 0 || !fleetClosed(c) {
		return f
	}
	defaults, ok := defaultTags(c)
	if !ok {
		return f
	}
	f.complete = true
	for _, r := range instances {
		f.pending = append(f.pending, func() {
			f.addAttr(r.Addr, r.Body.Attr("tags"))
			f.addMap(r.Addr, defaults.of(r))
		})
	}
	for _, lt := range templates {
		f.pending = append(f.pending, func() {
			for _, ts := range lt.Body.Blocks("tag_specifications") {
				rt, _, ok := hclcheck.AttrString(ts, "resource_type")
				if ts.Uncertain || !ok {
					f.complete = false
					return
				}
				if rt == "instance" {
					f.addAttr(lt.Addr, ts.Attr("tags"))
				}
			}
		})
	}
	for _, asg := range groups {
		f.pending = append(f.pending, func() {
			if len(launchTemplatesOf(c, asg)) == 0 && !asg.Body.Has("launch_configuration") {
				f.complete = false // its template is not in the stack
			}
			f.addTagList(asg.Addr, asg.Body.Attr("tags"))
			for _, t := range asg.Body.Blocks("tag") {
				k, _, ok1 := hclcheck.AttrString(t, "key")
				v, _, ok2 := hclcheck.AttrString(t, "value")
				p, _, ok3 := hclcheck.AttrString(t, "propagate_at_launch")
				if t.Uncertain || !ok1 || !ok2 || !ok3 {
					f.complete = false
					continue
				}
				if p == "true" {
					f.add(asg.Addr, k, v)
				}
			}
		})
	}
	return f
}

// fleetClosed reports whether the stack's machines are all modelled:
// no other instance makers, no instances looked up from elsewhere, no
// module call ssmlint cannot read (it may launch instances).
func fleetClosed(c *hclcheck.Config) bool {
	for _, typ := range instanceMakers {
		if len(c.Resources(typ)) > 0 {
			return false
		}
	}
	if len(c.DataSources("aws_instance")) > 0 || len(c.DataSources("aws_instances")) > 0 {
		return false
	}
	for _, mi := range c.Instances {
		if mi.Unresolved() {
			return false
		}
	}
	return true
}

func (f *fleet) add(addr, k, v string) {
	if f.carriers[k] == nil {
		f.carriers[k] = map[string]string{}
	}
	if _, ok := f.carriers[k][v]; !ok {
		f.carriers[k][v] = addr
	}
}

// addAttr adds a tags map attribute; a map not wholly known makes the
// fleet incomplete.
func (f *fleet) addAttr(addr string, a *hclcheck.Attr) {
	if a == nil {
		return
	}
	v := hclcheck.Plain(a.Value())
	if !v.IsWhollyKnown() {
		f.complete = false
		return
	}
	f.addMap(addr, v)
}

// addTagList adds the tags propagated at launch from an autoscaling
// group's `tags` list (the list-of-maps form of older providers:
// key, value, propagate_at_launch). What cannot be read makes the fleet
// incomplete.
func (f *fleet) addTagList(addr string, a *hclcheck.Attr) {
	if a == nil {
		return
	}
	v := hclcheck.Plain(a.Value())
	if !v.IsWhollyKnown() || v.IsNull() || !v.CanIterateElements() {
		f.complete = false
		return
	}
	for it := v.ElementIterator(); it.Next(); {
		_, el := it.Element()
		m, err := convert.Convert(el, cty.Map(cty.String))
		if err != nil || m.IsNull() {
			f.complete = false
			continue
		}
		fields := m.AsValueMap()
		k, ok1 := fields["key"]
		x, ok2 := fields["value"]
		p, ok3 := fields["propagate_at_launch"]
		if !ok1 || !ok2 || !ok3 {
			f.complete = false
			continue
		}
		if p.AsString() == "true" {
			f.add(addr, k.AsString(), x.AsString())
		}
	}
}

func (f *fleet) addMap(addr string, v cty.Value) {
	if v == cty.NilVal || v.IsNull() || !v.CanIterateElements() {
		return
	}
	for it := v.ElementIterator(); it.Next(); {
		k, x := it.Element()
		ks, ok1 := hclcheck.String(k)
		xs, ok2 := hclcheck.String(x)
		if !ok1 || !ok2 {
			f.complete = false
			continue
		}
		f.add(addr, ks, xs)
	}
}

// values lists the values carried under the key, sorted.
func (f *fleet) values(key string) []string {
	var out []string
	for v := range f.carriers[key] {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

// providerTags are the default_tags of the root module's aws provider
// configurations, by alias ("" for the default one).
type providerTags struct {
	byAlias map[string]cty.Value
	merged  cty.Value // every alias's tags together
}

// of returns the default tags that apply to a resource: those of the
// provider configuration it names (`provider = aws.east`), or the default
// one. When that cannot be told (a child module given providers by its
// call, an alias with no block in the root), every alias's tags count,
// which can only hide a finding, never make one.
func (p providerTags) of(r *hclcheck.Resource) cty.Value {
	alias, ok := "", true
	if r.Module.Parent == nil {
		if a := r.Decl.Block.Body.Attributes["provider"]; a != nil {
			tr, diags := hcl.AbsTraversalForExpr(a.Expr)
			ok = !diags.HasErrors() && len(tr) == 2 && tr.RootName() == "aws"
			if ok {
				at, isAttr := tr[1].(hcl.TraverseAttr)
				ok, alias = isAttr, at.Name
			}
		}
	} else {
		for mi := r.Module; mi != nil && mi.Call != nil; mi = mi.Parent {
			if mi.Call.Block.Body.Attributes["providers"] != nil {
				ok = false
			}
		}
	}
	if v, found := p.byAlias[alias]; ok && found {
		return v
	}
	if ok && alias == "" {
		return cty.NilVal // no default aws provider block: no default tags
	}
	return p.merged
}

// defaultTags reads default_tags of the root module's aws provider
// blocks, evaluated in the root module (variables and locals count). ok
// is false when some default_tags value is not wholly known.
func defaultTags(c *hclcheck.Config) (providerTags, bool) {
	type result struct {
		tags providerTags
		ok   bool
	}
	r := c.Memo(memoKey{query: "defaultTags"}, func() any {
		tags, ok := readDefaultTags(c)
		return result{tags, ok}
	}).(result)
	return r.tags, r.ok
}

func readDefaultTags(c *hclcheck.Config) (providerTags, bool) {
	out := providerTags{byAlias: map[string]cty.Value{}}
	merged := map[string]cty.Value{}
	for _, p := range c.Root.Module.Providers {
		if len(p.Labels) != 1 || p.Labels[0] != "aws" {
			continue
		}
		if dynamicDefaultTags(p.Body) {
			return out, false
		}
		alias := ""
		if a := p.Body.Attributes["alias"]; a != nil {
			s, ok := hclcheck.String(c.Root.Eval(a.Expr))
			if !ok {
				return out, false
			}
			alias = s
		}
		tags := map[string]cty.Value{}
		for _, dt := range p.Body.Blocks {
			if dt.Type != "default_tags" {
				continue
			}
			a := dt.Body.Attributes["tags"]
			if a == nil {
				continue
			}
			v := hclcheck.Plain(c.Root.Eval(a.Expr))
			if !v.IsWhollyKnown() || v.IsNull() || !v.CanIterateElements() {
				return out, false
			}
			for it := v.ElementIterator(); it.Next(); {
				k, x := it.Element()
				ks, ok := hclcheck.String(k)
				if !ok {
					return out, false
				}
				tags[ks], merged[ks] = x, x
			}
		}
		if len(tags) > 0 {
			out.byAlias[alias] = cty.ObjectVal(tags)
		} else {
			out.byAlias[alias] = cty.NilVal
		}
	}
	if len(merged) > 0 {
		out.merged = cty.ObjectVal(merged)
	}
	return out, true
}

// dynamicDefaultTags reports a dynamic "default_tags" block.
func dynamicDefaultTags(b *hclsyntax.Body) bool {
	for _, blk := range b.Blocks {
		if blk.Type == "dynamic" && len(blk.Labels) == 1 && blk.Labels[0] == "default_tags" {
			return true
		}
	}
	return false
}

// lookalikeKeys returns the tag keys of the fleet that differ from want
// only in case, spaces, hyphens or underscores ("patch_group" for
// "Patch Group").
func (f *fleet) lookalikeKeys(want ...string) []string {
	norm := func(s string) string {
		return strings.NewReplacer(" ", "", "_", "", "-", "").Replace(strings.ToLower(s))
	}
	var out []string
	for k := range f.carriers {
		if contains(want, k) {
			continue
		}
		for _, w := range want {
			if norm(k) == norm(w) {
				out = append(out, k)
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

// tagHint says what the stack's machines carry instead of the wanted
// values under keys (alternatives, such as Patch Group and PatchGroup): a
// likely intended value, a wanted value under a look-alike key, or the
// values in use.
func tagHint(f *fleet, keys, want []string) string {
	var have []string
	for _, k := range keys {
		have = append(have, f.values(k)...)
	}
	for _, w := range want {
		if s := suggest.Related(w, have); s != "" {
			return fmt.Sprintf("; did you mean %q (carried by %s)?", s, f.carrier(keys, s))
		}
	}
	for _, k := range f.lookalikeKeys(keys...) {
		for _, w := range want {
			if addr, ok := f.carriers[k][w]; ok {
				return fmt.Sprintf("; %s carries it under the tag key %q, but only %s is read (tag keys are case-sensitive)", addr, k, strings.Join(quoteAll(keys), " or "))
			}
		}
	}
	switch {
	case len(have) == 0:
		return fmt.Sprintf("; no machine in the stack has a %q tag", keys[0])
	case len(have) > 5:
		have = append(have[:5], "…")
	}
	return fmt.Sprintf("; the stack's machines carry %s = %s", keys[0], strings.Join(quoteAll(have), ", "))
}

// carrier names the first machine carrying v under one of keys.
func (f *fleet) carrier(keys []string, v string) string {
	for _, k := range keys {
		if addr, ok := f.carriers[k][v]; ok {
			return addr
		}
	}
	return "?"
}
