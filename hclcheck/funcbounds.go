package hclcheck

import (
	"fmt"
	"math/big"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"gopkg.in/yaml.v3"
)

// Bounds on what one Terraform function call may build. A call whose result
// would be larger fails before it allocates: the evaluator turns the error
// into an unknown value, and a rule that meets an unknown stays silent (the
// same as for a value only known after apply). The bounds are far above what
// a real configuration builds; an input that reaches them was written to.
const (
	// maxValueBytes caps a string a function builds.
	maxValueBytes = 16 << 20
	// maxElements caps the elements (values, rows, tuples) a function
	// builds: setproduct, flatten, concat, split, jsondecode, ...
	maxElements = 100_000
	// maxWalkNodes caps the nodes a function walks in its arguments. A value
	// built by reusing another (`[local.a, local.a]`, a YAML alias) is small
	// in memory but its nodes are visited once per use.
	maxWalkNodes = 100_000
	// maxNumberDigits caps the decimal digits of a number a function prints
	// or converts to an integer: 1e600000000 is 12 bytes of source and
	// 600 MB of text.
	maxNumberDigits = 10_000
)

// limitError is a function call refused because its result would be over a
// bound. It is an ordinary function error: the value becomes unknown.
type limitError struct {
	what  string // "bytes", "elements", ...
	limit int64
}

func (e *limitError) Error() string {
	return fmt.Sprintf("the result would have more than %d %s; ssmlint does not evaluate it", e.limit, e.what)
}

var (
	errTooManyBytes    = &limitError{"bytes", maxValueBytes}
	errTooManyElements = &limitError{"elements", maxElements}
	errTooManyNodes    = &limitError{"nested values", maxWalkNodes}
	errNumberTooLarge  = &limitError{"digits", maxNumberDigits}
	errTooDeep         = &limitError{"levels of nesting", MaxNesting}
)

// argCheck inspects a call's arguments as given (possibly marked, unknown
// or null) and refuses the call when its result would be over a bound.
type argCheck func(args []cty.Value) error

// guard makes fn refuse arguments with more nodes than a call may walk or
// numbers too large to print, then run check (if any) on the arguments
// converted to fn's parameter types, before fn runs. Its parameters take every argument as given (any type,
// marked, unknown, null): HCL would otherwise convert arguments before any
// of this runs, and format(1e600000000) spent minutes printing 600 million
// digits. guard converts them as HCL did, and fn handles marks, unknowns
// and refinements as it always did. (cty itself walks every argument in
// full, looking for marks, before guard runs: a value built by reuse, 2^40
// nodes in 40, costs that walk. Only the evaluator can keep such values
// from forming.)
func guard(fn function.Function, check argCheck) function.Function {
	params := fn.Params()
	types := make([]cty.Type, len(params))
	open := func(p function.Parameter) function.Parameter {
		p.Type = cty.DynamicPseudoType
		p.AllowMarked, p.AllowUnknown, p.AllowNull, p.AllowDynamicType = true, true, true, true
		return p
	}
	for i := range params {
		types[i] = params[i].Type
		params[i] = open(params[i])
	}
	var varParam *function.Parameter
	varType := cty.NilType
	if p := fn.VarParam(); p != nil {
		varType = p.Type
		vp := open(*p)
		varParam = &vp
	}
	convertArgs := func(args []cty.Value) ([]cty.Value, error) {
		out := make([]cty.Value, len(args))
		for i, a := range args {
			ty := varType
			if i < len(types) {
				ty = types[i]
			}
			v, err := convert.Convert(a, ty)
			if err != nil {
				return nil, function.NewArgError(i, err)
			}
			out[i] = v
		}
		return out, nil
	}
	return function.New(&function.Spec{
		Description: fn.Description(),
		Params:      params,
		VarParam:    varParam,
		// fn's call gives the type: the arguments are converted once.
		Type: function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			if err := checkArgs(args); err != nil {
				return cty.NilVal, err
			}
			args, err := convertArgs(args)
			if err != nil {
				return cty.NilVal, err
			}
			if check != nil {
				if err := check(args); err != nil {
					return cty.NilVal, err
				}
			}
			return fn.Call(args)
		},
	})
}

// resultBounds lists the checks of the functions that can build a large
// value from small arguments. Functions whose result has no more elements
// than their arguments have nested values (flatten, concat, merge, zipmap,
// chunklist, distinct, ...) are bounded by guard's count of those; range is
// bounded by cty (1,024 values); substr, base64decode, trim, lower and the
// like build no more than they are given. replace, base64encode, urlencode,
// templatefile and the cidr functions check in their own code.
func resultBounds() map[string]argCheck {
	return map[string]argCheck{
		"setproduct": checkSetProduct,
		"indent":     checkIndent,
		"strrev":     checkStringArg(0, 1),
		"join":       checkJoin,
		"split":      checkSplit,
		"regexall":   checkRegexAll,
		"format":     checkFormat(false),
		"formatlist": checkFormat(true),
		"formatdate": checkStringArg(0, 3),
		"jsonencode": checkEncoded(0),
		"yamlencode": checkEncoded(yamlIndent),
		"jsondecode": checkJSONDecode,
		"yamldecode": checkYAMLDecode,
		"csvdecode":  checkCSVDecode,
	}
}

// checkArgs refuses arguments with more nodes than a call may walk, a
// number with more digits than may be printed, or more digits in all than
// a string may hold (converting them to strings would build that).
func checkArgs(args []cty.Value) error {
	nodes, digits := maxWalkNodes, int64(maxValueBytes)
	var walk func(v cty.Value) error
	walk = func(v cty.Value) error {
		v, ok := plain(v)
		if !ok {
			return nil
		}
		ty := v.Type()
		if ty == cty.Number {
			d := numberDigits(v.AsBigFloat())
			if digits -= d; d > maxNumberDigits || digits < 0 {
				return errNumberTooLarge
			}
			return nil
		}
		if !ty.IsCollectionType() && !ty.IsTupleType() && !ty.IsObjectType() {
			return nil
		}
		for it := v.ElementIterator(); it.Next(); {
			if nodes--; nodes < 0 {
				return errTooManyNodes
			}
			_, e := it.Element()
			if err := walk(e); err != nil {
				return err
			}
		}
		return nil
	}
	for _, a := range args {
		if err := walk(a); err != nil {
			return err
		}
	}
	return nil
}

// plain returns v without its own marks, and whether it is known and not
// null (what a check can measure).
func plain(v cty.Value) (cty.Value, bool) {
	if v == cty.NilVal {
		return v, false
	}
	v, _ = v.Unmark()
	return v, v.IsKnown() && !v.IsNull()
}

// knownLength returns the number of elements of a collection, when known.
func knownLength(v cty.Value) (int64, bool) {
	v, ok := plain(v)
	if !ok {
		return 0, false
	}
	ty := v.Type()
	if !ty.IsCollectionType() && !ty.IsTupleType() && !ty.IsObjectType() {
		return 0, false
	}
	l := v.Length()
	if !l.IsKnown() {
		return 0, false
	}
	n, _ := l.AsBigFloat().Int64()
	return n, true
}

// plainString returns a known string argument.
func plainString(v cty.Value) (string, bool) {
	v, ok := plain(v)
	if !ok || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}

func checkSetProduct(args []cty.Value) error {
	n := int64(1)
	for _, a := range args {
		l, ok := knownLength(a)
		if !ok {
			continue
		}
		if l == 0 {
			return nil
		}
		if n > maxElements/l {
			return errTooManyElements
		}
		n *= l
	}
	return nil
}

func checkIndent(args []cty.Value) error {
	sp, ok := plain(args[0])
	s, sok := plainString(args[1])
	if !ok || !sok || sp.Type() != cty.Number {
		return nil
	}
	spaces, _ := sp.AsBigFloat().Int64()
	if spaces <= 0 || int64(len(s)) <= maxValueBytes/(spaces+1) {
		return nil // even with a line break per byte it fits
	}
	lines := int64(strings.Count(s, "\n"))
	if lines > 0 && spaces > (maxValueBytes-int64(len(s)))/lines {
		return errTooManyBytes
	}
	return nil
}

// checkStringArg refuses a string argument i whose result, up to factor
// times its size, would be over the bound.
func checkStringArg(i int, factor int64) argCheck {
	return func(args []cty.Value) error {
		if s, ok := plainString(args[i]); ok && int64(len(s)) > maxValueBytes/factor {
			return errTooManyBytes
		}
		return nil
	}
}

func checkJoin(args []cty.Value) error {
	sep, _ := plainString(args[0])
	var size, n int64
	for _, list := range args[1:] {
		list, ok := plain(list)
		if !ok || !list.CanIterateElements() {
			continue
		}
		for it := list.ElementIterator(); it.Next(); {
			_, e := it.Element()
			if s, ok := plainString(e); ok {
				size += int64(len(s))
			}
			if n++; n > 1 {
				size += int64(len(sep))
			}
			if size > maxValueBytes {
				return errTooManyBytes
			}
		}
	}
	return nil
}

func checkSplit(args []cty.Value) error {
	sep, ok := plainString(args[0])
	s, sok := plainString(args[1])
	if !ok || !sok {
		return nil
	}
	if int64(len(s))/int64(max(len(sep), 1)) < maxElements {
		return nil
	}
	n := strings.Count(s, sep) + 1
	if sep == "" {
		n = utf8.RuneCountInString(s)
	}
	if n > maxElements {
		return errTooManyElements
	}
	return nil
}

// checkRegexAll counts the matches (up to the bound) of a string long
// enough to have more.
func checkRegexAll(args []cty.Value) error {
	pat, ok := plainString(args[0])
	s, sok := plainString(args[1])
	if !ok || !sok || len(s) < maxElements {
		return nil
	}
	re, err := regexp.Compile(pat)
	if err != nil {
		return nil // the function reports it
	}
	if len(re.FindAllStringIndex(s, maxElements+1)) > maxElements {
		return errTooManyElements
	}
	return nil
}

// numberDigits estimates the decimal digits of n printed in full
// (Text('f', -1), as jsonencode and tostring do): about log10(2) per bit of
// binary exponent, either side of the point, plus the mantissa.
func numberDigits(n *big.Float) int64 {
	if n.IsInf() {
		return 4
	}
	exp := int64(n.MantExp(nil))
	if exp < 0 {
		exp = -exp
	}
	return exp*30103/100000 + int64(n.Prec())*30103/100000 + 3
}

// yamlIndent is the indentation per level yamlencode may write.
const yamlIndent = 4

// sizer measures a value as jsonencode or yamlencode would write it (an
// upper bound), and the nodes walked, stopping at the first bound passed.
type sizer struct {
	bytes  int64 // left
	nodes  int   // left
	indent int64 // per level of nesting; 0 for JSON
}

func (s *sizer) use(n int64) error {
	if s.bytes -= n; s.bytes < 0 {
		return errTooManyBytes
	}
	return nil
}

func (s *sizer) add(v cty.Value, depth int64) error {
	if s.nodes--; s.nodes < 0 {
		return errTooManyNodes
	}
	v, ok := plain(v)
	if !ok {
		return s.use(4)
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		str := v.AsString()
		if int64(len(str)) > s.bytes { // before scanning it
			return errTooManyBytes
		}
		return s.use(quotedSize(str) + int64(strings.Count(str, "\n"))*depth*s.indent)
	case ty == cty.Number:
		d := numberDigits(v.AsBigFloat())
		if d > maxNumberDigits {
			return errNumberTooLarge
		}
		return s.use(d)
	case ty == cty.Bool:
		return s.use(5)
	case v.CanIterateElements():
		keyed := ty.IsMapType() || ty.IsObjectType()
		if err := s.use(2); err != nil {
			return err
		}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			// a separator, a line break and the indentation
			over := 4 + (depth+1)*s.indent
			if keyed {
				over += quotedSize(k.AsString())
			}
			if err := s.use(over); err != nil {
				return err
			}
			if err := s.add(e, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return s.use(4) // a capsule, say: the encoder refuses it
}

// quotedSize bounds the size of s as a quoted JSON or YAML string: an
// escaped byte takes at most six ("\u003c").
func quotedSize(s string) int64 {
	n := int64(len(s)) + 2
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c >= 0x80 {
			n += 5
		}
	}
	return n
}

func checkEncoded(indent int64) argCheck {
	return func(args []cty.Value) error {
		s := sizer{bytes: maxValueBytes, nodes: maxWalkNodes, indent: indent}
		return s.add(args[0], 0)
	}
}

// checkFormat bounds format() and formatlist(): each verb prints at most
// its width or precision, or the largest argument (any verb may print any
// argument: "%[1]s%[1]s"), and formatlist does it once per element.
func checkFormat(list bool) argCheck {
	return func(args []cty.Value) error {
		f, ok := plainString(args[0])
		if !ok {
			return nil
		}
		verbs, widest, ok := formatVerbs(f)
		if !ok {
			return &limitError{"characters in a format width", maxFormatWidth}
		}
		quoted := strings.ContainsRune(f, 'q')
		rows, arg := int64(1), int64(0)
		for _, a := range args[1:] {
			a, ok := plain(a)
			if !ok {
				continue
			}
			if ty := a.Type(); list && (ty.IsListType() || ty.IsTupleType()) {
				rows = max(rows, int64(a.LengthInt()))
				for it := a.ElementIterator(); it.Next(); {
					_, e := it.Element()
					n, err := formatArgSize(e, quoted)
					if err != nil {
						return err
					}
					arg = max(arg, n)
				}
				continue
			}
			n, err := formatArgSize(a, quoted)
			if err != nil {
				return err
			}
			arg = max(arg, n)
		}
		if rows > maxElements {
			return errTooManyElements
		}
		if per := int64(len(f)) + verbs*(widest+arg); per > maxValueBytes/rows {
			return errTooManyBytes
		}
		return nil
	}
}

// formatVerbs counts the verbs of a format string and finds the widest
// width or precision (cty's order: flags, width, precision, then an
// argument index); ok is false when one is over maxFormatWidth. A "%%" is
// counted as a verb: an over-estimate.
func formatVerbs(f string) (verbs, widest int64, ok bool) {
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		verbs++
		i++
		for i < len(f) && strings.IndexByte("-+# 0", f[i]) >= 0 {
			i++
		}
		for part := 0; part < 2; part++ { // width, then precision
			if part == 1 {
				if i >= len(f) || f[i] != '.' {
					break
				}
				i++
			}
			n := int64(0)
			for ; i < len(f) && f[i] >= '0' && f[i] <= '9'; i++ {
				if n = n*10 + int64(f[i]-'0'); n > maxFormatWidth {
					return 0, 0, false
				}
			}
			widest = max(widest, n)
		}
		i-- // the loop steps over the verb's letter or the next '%'
	}
	return verbs, widest, true
}

// formatArgSize bounds the size of v printed by a format verb: a string
// as is or quoted (%q), anything else as JSON (%v).
func formatArgSize(v cty.Value, quoted bool) (int64, error) {
	if s, ok := plainString(v); ok {
		if quoted {
			return 6*int64(len(s)) + 2, nil
		}
		return int64(len(s)), nil
	}
	return encodedSize(v)
}

// encodedSize bounds the size of v written as JSON.
func encodedSize(v cty.Value) (int64, error) {
	s := sizer{bytes: maxValueBytes, nodes: maxWalkNodes}
	if err := s.add(v, 0); err != nil {
		return 0, err
	}
	return maxValueBytes - s.bytes, nil
}

// checkJSONDecode refuses documents nested deeper than the configuration
// may be (the decoder recurses per level) or holding more values than a
// function may build: a value needs a comma, a bracket or the start.
func checkJSONDecode(args []cty.Value) error {
	s, ok := plainString(args[0])
	if !ok {
		return nil
	}
	if len(s) > maxValueBytes {
		return errTooManyBytes
	}
	depth, values := 0, 1
	inString, escaped := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			if depth++; depth > MaxNesting {
				return errTooDeep
			}
			values++
		case c == ']' || c == '}':
			depth--
		case c == ',':
			values++
		}
		if values > maxElements {
			return errTooManyElements
		}
	}
	return nil
}

// checkCSVDecode bounds the fields: one per separator or line break.
func checkCSVDecode(args []cty.Value) error {
	s, ok := plainString(args[0])
	if !ok || len(s) < maxElements {
		return nil
	}
	if strings.Count(s, ",")+strings.Count(s, "\n") >= maxElements {
		return errTooManyElements
	}
	return nil
}

// checkYAMLDecode refuses documents that would expand to more values than
// a function may build. The YAML decoder shares an anchor's value between
// its aliases, so a billion-laughs document is small in memory, but every
// later walk of it (jsonencode, a rule reading it) visits each alias in
// full. The document is parsed with yaml.v3 (which limits nesting) only
// when a cheap count shows its tree is small; its nodes are then counted
// with aliases expanded.
func checkYAMLDecode(args []cty.Value) error {
	s, ok := plainString(args[0])
	if !ok {
		return nil
	}
	// Every node but the root starts after an indicator; a mapping and its
	// first key share one.
	indicators := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '-', ':', '?', ',', '[', '{', '*':
			indicators++
		}
	}
	if indicators > maxElements {
		return errTooManyElements
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(s), &doc); err != nil {
		return err
	}
	c := yamlCounter{sizes: map[*yaml.Node]int{}}
	n, err := c.count(&doc, 0)
	if err != nil {
		return err
	}
	if n > maxElements {
		return errTooManyElements
	}
	return nil
}

// yamlCounter counts YAML nodes with aliases expanded, each anchor once.
type yamlCounter struct {
	sizes map[*yaml.Node]int // an anchored node's expanded count; -1 while counting it
}

func (c *yamlCounter) count(n *yaml.Node, depth int) (int, error) {
	if depth > MaxNesting {
		return 0, errTooDeep
	}
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if size, ok := c.sizes[n]; ok {
		if size < 0 {
			return 0, fmt.Errorf("anchor %q refers to itself", n.Anchor)
		}
		return size, nil
	}
	if n.Anchor != "" {
		c.sizes[n] = -1
	}
	total := 1
	for _, child := range n.Content {
		k, err := c.count(child, depth+1)
		if err != nil {
			return 0, err
		}
		if total += k; total > maxElements {
			return 0, errTooManyElements
		}
	}
	if n.Anchor != "" {
		c.sizes[n] = total
	}
	return total, nil
}

// checkReplace bounds replace() with a plain substring: the result grows by
// the difference in length per occurrence.
func checkReplace(s, sub, rep string) error {
	grow := int64(len(rep) - len(sub))
	if grow <= 0 {
		return nil
	}
	most := int64(len(s))/int64(max(len(sub), 1)) + 1 // occurrences at most
	if int64(len(s))+most*grow <= maxValueBytes {
		return nil
	}
	n := int64(strings.Count(s, sub))
	if n > (maxValueBytes-int64(len(s)))/grow {
		return errTooManyBytes
	}
	return nil
}

// checkRegexpReplace bounds replace() with a regular expression: each
// match is replaced by rep, whose "$1" references each expand to at most
// the match. When the quick bound (a match at every byte) is over, the
// matches are counted without building the result.
func checkRegexpReplace(re *regexp.Regexp, s, rep string) error {
	refs := int64(strings.Count(rep, "$"))
	n, matched := int64(len(s))+1, int64(len(s))
	if int64(len(s))+n*int64(len(rep))+refs*matched <= maxValueBytes {
		return nil
	}
	n, matched = 0, 0
	re.ReplaceAllStringFunc(s, func(m string) string {
		n++
		matched += int64(len(m))
		return ""
	})
	if int64(len(s))-matched+n*int64(len(rep))+refs*matched > maxValueBytes {
		return errTooManyBytes
	}
	return nil
}

// templateSize bounds the length of the string a template builds, without
// building it: literal and interpolated parts are evaluated and measured,
// %{for} directives iterated and %{if} directives followed. It fails once
// the length passes maxValueBytes or the iterations maxWalkNodes. Parts
// are evaluated again when the template is (the price of not allocating).
func templateSize(expr hclsyntax.Expression, ctx *hcl.EvalContext) (int64, error) {
	m := templateMeasure{bytes: maxValueBytes, steps: maxWalkNodes}
	if err := m.measure(expr, ctx); err != nil {
		return 0, err
	}
	return maxValueBytes - m.bytes, nil
}

type templateMeasure struct {
	bytes int64 // left
	steps int   // left
}

func (m *templateMeasure) measure(expr hclsyntax.Expression, ctx *hcl.EvalContext) error {
	if m.steps--; m.steps < 0 {
		return errTooManyNodes
	}
	switch e := expr.(type) {
	case *hclsyntax.TemplateExpr:
		for _, p := range e.Parts {
			if err := m.measure(p, ctx); err != nil {
				return err
			}
		}
		return nil
	case *hclsyntax.TemplateWrapExpr:
		return m.measure(e.Wrapped, ctx)
	case *hclsyntax.TemplateJoinExpr:
		if f, ok := e.Tuple.(*hclsyntax.ForExpr); ok {
			return m.measureFor(f, ctx)
		}
	case *hclsyntax.ConditionalExpr:
		cond, _ := e.Condition.Value(ctx)
		if cond, ok := plain(cond); ok && cond.Type() == cty.Bool {
			if cond.True() {
				return m.measure(e.TrueResult, ctx)
			}
			return m.measure(e.FalseResult, ctx)
		}
		// unknown: the result is unknown, but both sides are built
		if err := m.measure(e.TrueResult, ctx); err != nil {
			return err
		}
		return m.measure(e.FalseResult, ctx)
	}
	v, _ := expr.Value(ctx)
	v, ok := plain(v)
	if !ok {
		return nil
	}
	switch v.Type() {
	case cty.String:
		m.bytes -= int64(len(v.AsString()))
	case cty.Number:
		d := numberDigits(v.AsBigFloat())
		if d > maxNumberDigits {
			return errNumberTooLarge
		}
		m.bytes -= d
	default:
		m.bytes -= 5
	}
	if m.bytes < 0 {
		return errTooManyBytes
	}
	return nil
}

// measureFor measures a %{for} directive: its body once per element.
func (m *templateMeasure) measureFor(f *hclsyntax.ForExpr, ctx *hcl.EvalContext) error {
	coll, _ := f.CollExpr.Value(ctx)
	coll, ok := plain(coll)
	if !ok || !coll.CanIterateElements() {
		return nil
	}
	for it := coll.ElementIterator(); it.Next(); {
		if m.steps--; m.steps < 0 {
			return errTooManyNodes
		}
		k, v := it.Element()
		child := ctx.NewChild()
		child.Variables = map[string]cty.Value{f.ValVar: v}
		if f.KeyVar != "" {
			child.Variables[f.KeyVar] = k
		}
		if f.CondExpr != nil {
			c, _ := f.CondExpr.Value(child)
			if c, ok := plain(c); ok && c.Type() == cty.Bool && c.False() {
				continue
			}
		}
		if err := m.measure(f.ValExpr, child); err != nil {
			return err
		}
	}
	return nil
}
