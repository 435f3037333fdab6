package hclcheck

import (
	"fmt"
	"math/big"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
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
	return fmt.Sprintf("the result would have more than %d %s", e.limit, e.what)
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
// converted to fn's parameter types, before fn runs. Its parameters take
// every argument as given (any type, marked, unknown, null): HCL would
// otherwise convert arguments before any of this runs, and format(1e600000000) spent minutes printing 600 million
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
