package hclcheck

import (
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/rules"
)

// Check is one rule's implementation: a pure function of a configuration
// that reports findings through the Pass.
type Check struct {
	Rule *rules.Rule
	Run  func(*Pass)
}

// Settings tune a run of checks.
type Settings struct {
	// Option returns the configured value of a rule option, or the
	// catalog default. May be nil (defaults everywhere).
	Option func(r *rules.Rule, name string) any
	// Workers runs configurations in parallel; 0 means GOMAXPROCS.
	Workers int
	// AllInstancesManaged says every instance is meant to be SSM-managed
	// (configuration all_instances_managed).
	AllInstancesManaged bool
	// DefaultHostManagement says the account turns on Default Host
	// Management Configuration (configuration default_host_management).
	DefaultHostManagement bool
	// Consumers maps a role's address to the parameters (names, or paths
	// ending in "/*") its application reads, as configured (SSM206).
	Consumers map[string][]string
	// Observe, when set, sees each configuration after its checks ran
	// and before it is released (to build the parameter inventory). It is
	// called from several goroutines.
	Observe func(*Config)
	// ObserveOnlyWithGo calls Observe only when the scan's walk met a .go
	// file (the CLI's inventory is for the Go analyzers).
	ObserveOnlyWithGo bool
}

// Settings returns the run's settings.
func (p *Pass) Settings() Settings { return *p.settings }

// Pass is what a check sees: one configuration and a way to report.
type Pass struct {
	Config   *Config
	rule     *rules.Rule
	settings *Settings
	out      []finding.Finding
	res      []*Resource // the resource of each finding in out
	pinned   map[int]bool
	unless   map[int]string
	facts    []string
}

// Unless makes the finding just reported conditional: it stands only if
// no configuration in the scan establishes fact (see Establish). Rules
// whose question is about the whole scan use it, e.g. "no Session Manager
// preferences anywhere", where the preferences often live in another root
// module than the instances.
func (p *Pass) Unless(fact string) {
	if p.unless == nil {
		p.unless = map[int]string{}
	}
	p.unless[len(p.out)-1] = fact
}

// Establish records a fact about this configuration for the whole scan.
func (p *Pass) Establish(fact string) {
	p.facts = append(p.facts, fact)
}

// Pin marks the finding just reported as belonging to its for_each entry
// for certain (the check saw that the entry's key causes it), so that it
// stays there even when every instance has the same problem.
func (p *Pass) Pin() {
	if p.pinned == nil {
		p.pinned = map[int]bool{}
	}
	p.pinned[len(p.out)-1] = true
}

// Option returns the rule option's configured value or its default.
func (p *Pass) Option(name string) any {
	if p.settings.Option != nil {
		if v := p.settings.Option(p.rule, name); v != nil {
			return v
		}
	}
	return p.rule.OptionDefault(name)
}

// Report records a finding about resource r at range at (use At to pick
// the range). attr names the attribute path for baselines ("" for the
// whole block).
func (p *Pass) Report(r *Resource, at hcl.Range, attr string, format string, args ...any) *finding.Finding {
	f := finding.Finding{
		Rule:      p.rule,
		Severity:  p.rule.Severity,
		Message:   fmt.Sprintf(format, args...),
		Range:     ToRange(at),
		Attribute: attr,
	}
	if r != nil {
		f.Resource = r.Addr
		f.Context = ToRange(r.Decl.Block.Range())
		if call := adapterCall(r.Module); call != nil {
			f.Message += fmt.Sprintf(" (inside registry module %s, as ssmlint models it)", call.Source)
			if isAdapterDir(at.Filename) {
				// Point at the user's map entry that made the instance,
				// else at the module block that calls the module.
				// The user's argument of the same name, else the map entry
				// that made the instance, else the module block.
				f.Range = ToRange(call.Block.DefRange())
				f.Context = ToRange(call.Block.Range())
				if e := r.EntryRange; e.Filename != "" && !isAdapterDir(e.Filename) {
					f.Range = ToRange(e)
				} else if arg := call.Block.Body.Attributes[attr]; arg != nil && attr != "" {
					f.Range = ToRange(arg.Expr.Range())
				}
			}
		}
	}
	p.out = append(p.out, f)
	p.res = append(p.res, r)
	return &p.out[len(p.out)-1]
}

// At returns where a finding about attribute a of resource r points: the
// attribute's expression, or, when the value differs per instance and the
// instance came from a for_each entry that can be located, that entry.
// With a nil attribute it is the block header.
func At(r *Resource, a *Attr) hcl.Range {
	if a == nil {
		return r.DefRange()
	}
	if a.UsesEach() && r.EntryRange.Filename != "" && r.EntryRange != r.Decl.countOrForEachRange() {
		return r.EntryRange
	}
	return a.Range()
}

func (d *ResourceDecl) countOrForEachRange() hcl.Range {
	switch {
	case d.ForEach != nil:
		return d.ForEach.Range()
	case d.Count != nil:
		return d.Count.Range()
	}
	return hcl.Range{}
}

// ToRange converts an HCL range.
func ToRange(r hcl.Range) finding.Range {
	return finding.Range{
		File:  r.Filename,
		Start: finding.Pos{Line: r.Start.Line, Column: r.Start.Column, Byte: r.Start.Byte},
		End:   finding.Pos{Line: r.End.Line, Column: r.End.Column, Byte: r.End.Byte},
	}
}

// runOne runs one check on one configuration. unless is parallel to fs
// (nil when no finding is conditional).
func runOne(c *Config, ch Check, s *Settings) (fs []finding.Finding, unless, facts []string, err *finding.Error) {
	pass := &Pass{Config: c, rule: ch.Rule, settings: s}
	defer func() {
		if r := recover(); r != nil {
			if os.Getenv("SSMLINT_DEBUG") != "" { // developers: print where it broke
				os.Stderr.Write(debug.Stack())
			}
			fs, unless, facts = pass.out, pass.conditions(), pass.facts
			err = &finding.Error{
				Range:   finding.Range{File: c.Root.Module.Dir, Start: finding.Pos{Line: 1, Column: 1}, End: finding.Pos{Line: 1, Column: 1}},
				Message: fmt.Sprintf("internal error in %s (%s): %v; please report it", ch.Rule.ID, ch.Rule.Name, r),
			}
		}
	}()
	ch.Run(pass)
	pass.unpinShared()
	return pass.out, pass.conditions(), pass.facts, nil
}

// conditions lists each finding's Unless fact, "" for none.
func (p *Pass) conditions() []string {
	out := make([]string, len(p.out))
	for i, f := range p.unless {
		out[i] = f
	}
	return out
}

// unpinShared moves findings back from for_each entries to the attribute
// when every instance of the resource has the same problem: then the
// problem is in the shared part of the expression (a prefix from tfvars,
// say), not in any one entry, and pointing at the entries would mislead.
func (p *Pass) unpinShared() {
	type group struct {
		idx   []int
		attr  hcl.Range
		insts int
	}
	groups := map[string]*group{}
	var order []string
	for i, f := range p.out {
		r := p.res[i]
		if r == nil || p.pinned[i] || r.EntryRange.Filename == "" || f.Range != ToRange(r.EntryRange) {
			continue
		}
		a := r.Body.Attr(f.Attribute)
		if a == nil {
			continue
		}
		msg := strings.ReplaceAll(f.Message, r.Addr, "")
		if r.scope.hasEach {
			msg = removeWord(msg, r.scope.eachKey)
		}
		key := fmt.Sprintf("%s\x00%s\x00%s\x00%s", r.Module.Addr, r.Decl.Type+"."+r.Decl.Name, f.Attribute, msg)
		g := groups[key]
		if g == nil {
			g = &group{attr: a.Range(), insts: len(r.Module.groups[groupKey(r.Decl)].instances())}
			groups[key] = g
			order = append(order, key)
		}
		g.idx = append(g.idx, i)
	}
	for _, k := range order {
		g := groups[k]
		if len(g.idx) < 2 || len(g.idx) != g.insts {
			continue
		}
		for _, i := range g.idx {
			p.out[i].Range = ToRange(g.attr)
		}
	}
}

// release drops memoized values once all checks have run.
func (c *Config) release() {
	for _, mi := range c.Instances {
		mi.vars, mi.locals, mi.outputs = nil, nil, nil
		mi.groups, mi.order = nil, nil
	}
	c.Instances = nil
	c.Root = nil
	c.memo, c.groupsByAddr = nil, nil
}

// String returns a known, non-null string value (numbers and bools are
// converted as Terraform does). Marks are ignored.
func String(v cty.Value) (string, bool) {
	v = unmarked(v)
	if !v.IsKnown() || v.IsNull() {
		return "", false
	}
	if v.Type() != cty.String {
		c, err := convert.Convert(v, cty.String)
		if err != nil || !c.IsKnown() || c.IsNull() {
			return "", false
		}
		v = c
	}
	return v.AsString(), true
}

// AttrString is String of an attribute's value; false when absent.
func AttrString(b *Body, name string) (string, *Attr, bool) {
	a := b.Attr(name)
	if a == nil {
		return "", nil, false
	}
	s, ok := String(a.Value())
	return s, a, ok
}

// HasMark reports whether v or anything inside it carries the mark.
func HasMark(v cty.Value, mark any) bool {
	if shallow(v) {
		return v.HasMark(mark)
	}
	found := false
	walkMarks(v, func(ms cty.ValueMarks) bool {
		_, found = ms[mark]
		return !found
	})
	return found
}

// DiagError converts an HCL diagnostic to an input error.
func DiagError(d *hcl.Diagnostic) finding.Error {
	msg := d.Summary
	if d.Detail != "" {
		msg += ": " + d.Detail
	}
	e := finding.Error{Message: msg}
	if d.Subject != nil {
		e.Range = ToRange(*d.Subject)
	}
	return e
}

// EachKey returns each.key of a for_each instance.
func (r *Resource) EachKey() (string, bool) {
	return r.scope.eachKey, r.scope.hasEach && !r.scope.unknownKey
}

// KnownSuffix returns the end of an attribute's string value that is known
// even when the whole is not: the value itself when known, else the
// parts that end a template and can be evaluated, such as
// "/${var.env}/db/password" or
// "com.amazonaws.${data.aws_region.current.name}.${each.value}".
func KnownSuffix(a *Attr) (string, bool) {
	if a == nil {
		return "", false
	}
	return a.scope.knownTail(a.Expr())
}

func (s *scope) knownTail(e hclsyntax.Expression) (string, bool) {
	if v, ok := String(s.eval(e)); ok {
		return v, true
	}
	t, ok := e.(*hclsyntax.TemplateExpr)
	if !ok {
		return "", false
	}
	suffix := ""
	for i := len(t.Parts) - 1; i >= 0; i-- {
		v, ok := String(s.eval(t.Parts[i]))
		if !ok {
			// A local that is itself a template has a known tail too:
			// "${local.prefix}/X" with prefix = "arn:${…}:iam::aws:policy".
			if tail, ok := s.localTail(t.Parts[i]); ok {
				suffix = tail + suffix
			}
			break
		}
		suffix = v + suffix
	}
	return suffix, suffix != ""
}

// localTail is knownTail of the expression of a local named by e.
func (s *scope) localTail(e hclsyntax.Expression) (string, bool) {
	st, ok := e.(*hclsyntax.ScopeTraversalExpr)
	if !ok || len(st.Traversal) != 2 || st.Traversal.RootName() != "local" {
		return "", false
	}
	at, ok := st.Traversal[1].(hcl.TraverseAttr)
	if !ok {
		return "", false
	}
	l := s.mi.Module.Locals[at.Name]
	key := "tail:" + at.Name
	if l == nil || s.mi.inFlight[key] {
		return "", false // missing, or a cycle of locals
	}
	s.mi.inFlight[key] = true
	defer delete(s.mi.inFlight, key)
	return s.mi.scope().knownTail(l.Expr)
}

// KnownTails is KnownSuffix for an attribute holding a string or a list
// written element by element: the known value, or the known tail, of
// each element (ARNs such as "arn:${data.aws_partition.current.partition}:iam::aws:policy/X"
// are known by their tails). False when some element has no known tail.
func KnownTails(a *Attr) ([]string, bool) {
	if a == nil {
		return nil, true
	}
	v, _ := a.Value().Unmark()
	if v.IsKnown() && !v.IsNull() && v.Type().IsPrimitiveType() {
		s, ok := String(v)
		return []string{s}, ok
	}
	if v.IsWhollyKnown() && !v.IsNull() && v.CanIterateElements() {
		var out []string
		for it := v.ElementIterator(); it.Next(); {
			_, el := it.Element()
			s, ok := String(el)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	}
	if t, ok := a.Expr().(*hclsyntax.TupleConsExpr); ok {
		var out []string
		for _, el := range t.Exprs {
			s, ok := a.scope.knownTail(el)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	}
	if s, ok := KnownSuffix(a); ok {
		return []string{s}, true
	}
	return nil, false
}

// shallow reports whether v's marks can only sit on v itself: a primitive
// or an unknown value (walking nested values is the costly part of marks).
func shallow(v cty.Value) bool {
	return !v.IsKnown() || v.Type().IsPrimitiveType() || v.IsNull()
}

// unmarked drops every mark of v, cheaply when v is shallow.
func unmarked(v cty.Value) cty.Value {
	if shallow(v) {
		u, _ := v.Unmark()
		return u
	}
	return Plain(v)
}

// adapterCall returns the user's module call whose registry module ssmlint
// models with an adapter, when mi is (inside) such a module.
func adapterCall(mi *ModuleInstance) *CallDecl {
	var call *CallDecl
	for ; mi != nil && mi.Module != nil && isAdapterDir(mi.Module.Dir); mi = mi.Parent {
		call = mi.Call
	}
	return call
}

// removeWord deletes occurrences of w that are not part of a longer word
// (a key "a" must not eat every letter a of a message).
func removeWord(s, w string) string {
	if w == "" {
		return s
	}
	isWord := func(b byte) bool {
		return b == '_' || b == '-' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
	}
	var out strings.Builder
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], w)
		if j < 0 {
			out.WriteString(s[i:])
			break
		}
		start, end := i+j, i+j+len(w)
		if (start > 0 && isWord(s[start-1])) || (end < len(s) && isWord(s[end])) {
			out.WriteString(s[i : start+1])
			i = start + 1
			continue
		}
		out.WriteString(s[i:start])
		i = end
	}
	return out.String()
}

// ElementRange returns the range of the element of a list attribute
// written element by element whose known value (or known tail) satisfies
// match, so that a finding about one entry of a list points at it; else
// the attribute's range.
func ElementRange(a *Attr, match func(string) bool) hcl.Range {
	if t, ok := a.Expr().(*hclsyntax.TupleConsExpr); ok {
		for _, el := range t.Exprs {
			if s, ok := a.scope.knownTail(el); ok && match(s) {
				return el.Range()
			}
		}
	}
	return a.Range()
}
