package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/ssmlint/ssmlint/internal/suggest"
	"github.com/ssmlint/ssmlint/rules"
)

// lookupFunc resolves a rule ID or name, as rules.Lookup does.
type lookupFunc func(idOrName string) (*rules.Rule, bool)

// maxValueDepth caps the nesting of variable values.
const maxValueDepth = 32

// topLevelKeys are the keys of the version 1 schema, in documentation
// order.
var topLevelKeys = []string{
	"version", "fail_on", "max_file_size", "exclude", "variables",
	"all_instances_managed", "default_host_management", "package_roles", "consumers", "go", "rules",
}

// ruleKeys are the keys of a rule entry.
var ruleKeys = []string{"enabled", "severity", "options"}

// decoder collects positioned errors while walking the YAML node tree.
type decoder struct {
	file   string
	lookup lookupFunc
	errs   []*Error
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	e := &Error{File: d.file, Message: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	d.errs = append(d.errs, e)
}

// yamlErrorLine matches the position yaml.v3 puts in its messages.
var yamlErrorLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError turns a yaml.v3 parse error into an *Error. yaml.v3 reports
// a line but no column.
func syntaxError(file string, err error) *Error {
	msg := err.Error()
	if m := yamlErrorLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &Error{File: file, Line: line, Message: "invalid YAML: " + m[2], Err: err}
	}
	return &Error{File: file, Line: 1, Column: 1, Message: "invalid YAML: " + strings.TrimPrefix(msg, "yaml: "), Err: err}
}

// parse is Parse with the rule lookup as a parameter, for tests.
func parse(filename string, data []byte, lookup lookupFunc) (*Config, error) {
	if len(data) > MaxConfigSize {
		return nil, &Error{File: filename, Line: 1, Column: 1,
			Message: fmt.Sprintf("configuration file is larger than %d bytes", MaxConfigSize)}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &Error{File: filename, Line: 1, Column: 1, Message: `empty configuration: it needs at least "version: 1"`}
		}
		return nil, syntaxError(filename, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, &Error{File: filename, Line: extra.Line, Column: extra.Column,
			Message: "configuration must be a single YAML document"}
	} else if !errors.Is(err, io.EOF) {
		return nil, syntaxError(filename, err)
	}

	d := &decoder{file: filename, lookup: lookup}
	// Aliases are refused before anything looks at values, so that an
	// alias bomb ("billion laughs") is never expanded.
	d.rejectAliases(&doc)
	if len(d.errs) > 0 {
		return nil, joinErrors(d.errs)
	}
	cfg := &Config{File: filename, Dir: filepath.Dir(filename)}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	d.top(root, cfg)
	if len(d.errs) > 0 {
		return nil, joinErrors(d.errs)
	}
	return cfg, nil
}

// rejectAliases reports every alias in the tree. It does not follow them.
func (d *decoder) rejectAliases(n *yaml.Node) {
	stack := []*yaml.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Kind == yaml.AliasNode {
			d.errorf(n, "YAML aliases (*%s) are not allowed in the configuration; write the value out", n.Value)
			continue
		}
		stack = append(stack, n.Content...)
	}
}

// pairs returns the key/value pairs of a mapping node, reporting a
// non-mapping, non-string keys and duplicate keys. what names the mapping
// in messages.
func (d *decoder) pairs(n *yaml.Node, what string) [][2]*yaml.Node {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s must be a mapping, got %s", what, describe(n))
		return nil
	}
	var out [][2]*yaml.Node
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "keys in %s must be strings, got %s", what, describe(k))
			continue
		}
		if first, dup := seen[k.Value]; dup {
			d.errorf(k, "duplicate key %q in %s (first at line %d)", k.Value, what, first.Line)
			continue
		}
		seen[k.Value] = k
		out = append(out, [2]*yaml.Node{k, v})
	}
	return out
}

func (d *decoder) unknownKey(k *yaml.Node, what string, known []string) {
	msg := fmt.Sprintf("unknown key %q in %s", k.Value, what)
	if s := suggest.Nearest(k.Value, known); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	} else {
		msg += " (known keys: " + strings.Join(known, ", ") + ")"
	}
	d.errorf(k, "%s", msg)
}

func (d *decoder) top(n *yaml.Node, cfg *Config) {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		d.errorf(n, `empty configuration: it needs at least "version: 1"`)
		return
	}
	ps := d.pairs(n, "the configuration")
	if n.Kind != yaml.MappingNode {
		return
	}
	haveVersion := false
	for _, p := range ps {
		k, v := p[0], p[1]
		switch k.Value {
		case "version":
			haveVersion = true
			d.version(v, cfg)
		case "fail_on":
			if s, ok := d.severity(v, "fail_on"); ok {
				cfg.FailOn = s
			}
		case "max_file_size":
			d.maxFileSize(v, cfg)
		case "exclude":
			d.exclude(v, cfg)
		case "variables":
			d.variables(v, cfg)
		case "all_instances_managed":
			if b, ok := d.boolean(v, "all_instances_managed"); ok {
				cfg.AllInstancesManaged = b
			}
		case "default_host_management":
			if b, ok := d.boolean(v, "default_host_management"); ok {
				cfg.DefaultHostManagement = b
			}
		case "package_roles":
			d.packageRoles(v, cfg)
		case "consumers":
			d.consumers(v, cfg)
		case "go":
			if b, ok := d.boolean(v, "go"); ok {
				cfg.SkipGo = !b
			}
		case "rules":
			d.rules(v, cfg)
		default:
			d.unknownKey(k, "the configuration", topLevelKeys)
		}
	}
	if !haveVersion {
		d.errorf(n, `missing "version: %d" (the configuration schema version)`, Version)
	}
}

func (d *decoder) version(v *yaml.Node, cfg *Config) {
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!int" {
		d.errorf(v, "version must be the integer %d, got %s", Version, describe(v))
		return
	}
	n, err := strconv.ParseInt(v.Value, 0, 64)
	if err != nil || n != Version {
		d.errorf(v, "unsupported configuration version %s (this ssmlint reads version %d)", v.Value, Version)
		return
	}
	cfg.Version = int(n)
}

func (d *decoder) boolean(v *yaml.Node, what string) (bool, bool) {
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!bool" {
		d.errorf(v, "%s must be true or false, got %s", what, describe(v))
		return false, false
	}
	var b bool
	if err := v.Decode(&b); err != nil {
		d.errorf(v, "%s must be true or false, got %s", what, describe(v))
		return false, false
	}
	return b, true
}

func (d *decoder) str(v *yaml.Node, what string) (string, bool) {
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!str" {
		d.errorf(v, "%s must be a string, got %s", what, describe(v))
		return "", false
	}
	return v.Value, true
}

func (d *decoder) severity(v *yaml.Node, what string) (rules.Severity, bool) {
	s, ok := d.str(v, what)
	if !ok {
		return 0, false
	}
	sev, err := rules.ParseSeverity(s)
	if err != nil {
		msg := fmt.Sprintf("%s: unknown severity %q (want error, warning or info)", what, s)
		switch strings.ToLower(s) {
		case "off", "none", "disabled", "ignore":
			if strings.HasSuffix(what, ".severity") {
				msg += "; to turn a rule off write \"enabled: false\""
			}
		}
		d.errorf(v, "%s", msg)
		return 0, false
	}
	return sev, true
}

func (d *decoder) maxFileSize(v *yaml.Node, cfg *Config) {
	const want = `max_file_size must be a positive size such as 10MB, 512KB or a number of bytes`
	if v.Kind != yaml.ScalarNode {
		d.errorf(v, "%s, got %s", want, describe(v))
		return
	}
	var n int64
	var err error
	switch v.ShortTag() {
	case "!!int":
		n, err = strconv.ParseInt(strings.ReplaceAll(v.Value, "_", ""), 0, 64)
	case "!!str":
		n, err = parseSize(v.Value)
	default:
		err = errors.New("wrong type")
	}
	if err != nil || n <= 0 {
		d.errorf(v, "%s, got %s", want, describe(v))
		return
	}
	if n > MaxFileSizeBound {
		d.errorf(v, "max_file_size must be at most %dMB (ssmlint holds each file it reads in memory), got %s", MaxFileSizeBound>>20, describe(v))
		return
	}
	cfg.MaxFileSize = n
}

func (d *decoder) exclude(v *yaml.Node, cfg *Config) {
	if v.Kind != yaml.SequenceNode {
		d.errorf(v, "exclude must be a list of path patterns, got %s", describe(v))
		return
	}
	for _, item := range v.Content {
		s, ok := d.str(item, "an exclude pattern")
		if !ok {
			continue
		}
		g, err := compileGlob(s)
		if err != nil {
			d.errorf(item, "bad exclude pattern %q: %v", s, err)
			continue
		}
		cfg.Exclude = append(cfg.Exclude, s)
		cfg.exclude = append(cfg.exclude, g)
	}
}

// terraformIdent matches a Terraform variable name.
var terraformIdent = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)

func (d *decoder) variables(v *yaml.Node, cfg *Config) {
	ps := d.pairs(v, "variables")
	for _, p := range ps {
		k, val := p[0], p[1]
		if !terraformIdent.MatchString(k.Value) {
			d.errorf(k, "%q is not a valid Terraform variable name", k.Value)
			continue
		}
		x, ok := d.value(val, "variable "+k.Value, 0)
		if !ok {
			continue
		}
		if cfg.Variables == nil {
			cfg.Variables = map[string]any{}
		}
		cfg.Variables[k.Value] = x
	}
}

// value converts a YAML node to a plain Go value: string, int, float64,
// bool, nil, []any or map[string]any.
func (d *decoder) value(n *yaml.Node, what string, depth int) (any, bool) {
	if depth > maxValueDepth {
		d.errorf(n, "%s is nested more than %d levels deep", what, maxValueDepth)
		return nil, false
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return d.scalar(n, what)
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		ok := true
		for _, item := range n.Content {
			x, itemOK := d.value(item, what, depth+1)
			ok = ok && itemOK
			out = append(out, x)
		}
		return out, ok
	case yaml.MappingNode:
		out := map[string]any{}
		ok := true
		for _, p := range d.pairs(n, what) {
			x, itemOK := d.value(p[1], what, depth+1)
			ok = ok && itemOK
			out[p[0].Value] = x
		}
		return out, ok
	}
	d.errorf(n, "%s: unsupported YAML node", what)
	return nil, false
}

func (d *decoder) scalar(n *yaml.Node, what string) (any, bool) {
	switch n.ShortTag() {
	case "!!str", "!!timestamp":
		return n.Value, true
	case "!!null":
		return nil, true
	case "!!bool":
		var b bool
		if err := n.Decode(&b); err == nil {
			return b, true
		}
	case "!!int":
		var i int
		if err := n.Decode(&i); err == nil {
			return i, true
		}
		d.errorf(n, "%s: integer %s is out of range", what, n.Value)
		return nil, false
	case "!!float":
		var f float64
		if err := n.Decode(&f); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
			return f, true
		}
	}
	d.errorf(n, "%s: unsupported value %s", what, describe(n))
	return nil, false
}

func (d *decoder) packageRoles(v *yaml.Node, cfg *Config) {
	for _, p := range d.pairs(v, "package_roles") {
		k, val := p[0], p[1]
		if strings.TrimSpace(k.Value) == "" {
			d.errorf(k, "package_roles: empty Go package path")
			continue
		}
		role, ok := d.str(val, "package_roles."+k.Value)
		if !ok {
			continue
		}
		if strings.TrimSpace(role) == "" {
			d.errorf(val, "package_roles.%s: empty role address (want e.g. aws_iam_role.app)", k.Value)
			continue
		}
		if cfg.PackageRoles == nil {
			cfg.PackageRoles = map[string]string{}
		}
		cfg.PackageRoles[k.Value] = role
	}
}

// consumers reads role address -> the parameters (names, or paths ending
// in "/*") the role's application reads.
func (d *decoder) consumers(v *yaml.Node, cfg *Config) {
	for _, p := range d.pairs(v, "consumers") {
		k, val := p[0], p[1]
		if strings.TrimSpace(k.Value) == "" {
			d.errorf(k, "consumers: empty role address (want e.g. aws_iam_role.app)")
			continue
		}
		if val.Kind != yaml.SequenceNode {
			d.errorf(val, "consumers.%s must be a list of parameter names or paths, got %s", k.Value, describe(val))
			continue
		}
		for _, item := range val.Content {
			name, ok := d.str(item, "a parameter name")
			if !ok {
				continue
			}
			if !strings.HasPrefix(name, "/") && strings.Contains(name, "/") {
				d.errorf(item, "consumers.%s: %q has a hierarchy but does not start with \"/\"", k.Value, name)
				continue
			}
			if cfg.Consumers == nil {
				cfg.Consumers = map[string][]string{}
			}
			cfg.Consumers[k.Value] = append(cfg.Consumers[k.Value], name)
		}
	}
}

func (d *decoder) rules(v *yaml.Node, cfg *Config) {
	firstByID := map[string]*yaml.Node{}
	for _, p := range d.pairs(v, "rules") {
		k, val := p[0], p[1]
		r, ok := d.lookup(k.Value)
		if !ok || r == nil {
			d.errorf(k, "unknown rule %q (see \"ssmlint rules\" for the list)", k.Value)
			continue
		}
		if first, dup := firstByID[r.ID]; dup {
			d.errorf(k, "rule %s is configured twice (first as %q at line %d)", r.ID, first.Value, first.Line)
			continue
		}
		firstByID[r.ID] = k
		rc, ok := d.rule(val, r)
		if !ok {
			continue
		}
		if cfg.Rules == nil {
			cfg.Rules = map[string]RuleConfig{}
		}
		cfg.Rules[r.ID] = rc
	}
}

func (d *decoder) rule(v *yaml.Node, r *rules.Rule) (RuleConfig, bool) {
	var rc RuleConfig
	before := len(d.errs)
	for _, p := range d.pairs(v, "rule "+r.ID) {
		k, val := p[0], p[1]
		switch k.Value {
		case "enabled":
			if b, ok := d.boolean(val, r.ID+".enabled"); ok {
				rc.Enabled = &b
			}
		case "severity":
			if s, ok := d.severity(val, r.ID+".severity"); ok {
				rc.Severity = s
			}
		case "options":
			rc.Options = d.options(val, r)
		default:
			d.unknownKey(k, "rule "+r.ID, ruleKeys)
		}
	}
	return rc, len(d.errs) == before
}

func (d *decoder) options(v *yaml.Node, r *rules.Rule) map[string]any {
	var out map[string]any
	for _, p := range d.pairs(v, r.ID+".options") {
		k, val := p[0], p[1]
		var opt *rules.Option
		for i := range r.Options {
			if r.Options[i].Name == k.Value {
				opt = &r.Options[i]
				break
			}
		}
		if opt == nil {
			d.unknownOption(k, r)
			continue
		}
		x, ok := d.optionValue(val, r, opt)
		if !ok {
			continue
		}
		if out == nil {
			out = map[string]any{}
		}
		out[opt.Name] = x
	}
	return out
}

func (d *decoder) unknownOption(k *yaml.Node, r *rules.Rule) {
	if len(r.Options) == 0 {
		d.errorf(k, "unknown option %q: rule %s has no options", k.Value, r.ID)
		return
	}
	names := make([]string, len(r.Options))
	for i, o := range r.Options {
		names[i] = o.Name
	}
	msg := fmt.Sprintf("unknown option %q for rule %s", k.Value, r.ID)
	if s := suggest.Nearest(k.Value, names); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	} else {
		msg += " (options: " + strings.Join(names, ", ") + ")"
	}
	d.errorf(k, "%s", msg)
}

// optionValue checks a configured option value against the Go type of the
// option's default and converts it to that type.
func (d *decoder) optionValue(v *yaml.Node, r *rules.Rule, opt *rules.Option) (any, bool) {
	what := fmt.Sprintf("option %q of rule %s", opt.Name, r.ID)
	scalar := v.Kind == yaml.ScalarNode
	tag := v.ShortTag()
	switch opt.Default.(type) {
	case int:
		var i int
		if scalar && tag == "!!int" {
			if err := v.Decode(&i); err == nil {
				return i, true
			}
			d.errorf(v, "%s: integer %s is out of range", what, v.Value)
			return nil, false
		}
		d.errorf(v, "%s must be an integer, got %s", what, describe(v))
	case float64:
		var f float64
		if scalar && (tag == "!!int" || tag == "!!float") {
			if err := v.Decode(&f); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
				return f, true
			}
		}
		d.errorf(v, "%s must be a number, got %s", what, describe(v))
	case string:
		if scalar && tag == "!!str" {
			return v.Value, true
		}
		d.errorf(v, "%s must be a string, got %s", what, describe(v))
	case bool:
		var b bool
		if scalar && tag == "!!bool" {
			if err := v.Decode(&b); err == nil {
				return b, true
			}
		}
		d.errorf(v, "%s must be true or false, got %s", what, describe(v))
	case []string:
		if v.Kind != yaml.SequenceNode {
			d.errorf(v, "%s must be a list of strings, got %s", what, describe(v))
			return nil, false
		}
		out := make([]string, 0, len(v.Content))
		ok := true
		for _, item := range v.Content {
			if item.Kind != yaml.ScalarNode || item.ShortTag() != "!!str" {
				d.errorf(item, "%s must be a list of strings, got %s in the list", what, describe(item))
				ok = false
				continue
			}
			out = append(out, item.Value)
		}
		return out, ok
	default:
		// An option whose default has another type: accept any plain value.
		return d.value(v, what, 0)
	}
	return nil, false
}

// describe names the type (and, for short scalars, the value) of a node
// for error messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.AliasNode:
		return "an alias"
	case yaml.DocumentNode:
		return "a document"
	}
	val := n.Value
	if len(val) > 40 {
		val = val[:37] + "..."
	}
	switch n.ShortTag() {
	case "!!null":
		return "null"
	case "!!str":
		return fmt.Sprintf("the string %q", val)
	case "!!int":
		return "the integer " + val
	case "!!float":
		return "the number " + val
	case "!!bool":
		return val
	case "!!timestamp":
		return "the timestamp " + val
	}
	return fmt.Sprintf("a value tagged %s", n.ShortTag())
}

// quote is strconv.Quote, named for brevity in messages.
func quote(s string) string { return strconv.Quote(s) }
