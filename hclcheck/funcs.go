package hclcheck

import (
	"crypto/md5"  // Terraform's md5(), not for security
	"crypto/sha1" // Terraform's sha1(), not for security
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"net/netip"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	ctyyaml "github.com/zclconf/go-cty-yaml"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
	"gopkg.in/yaml.v3"
)

// functions returns the Terraform functions ssmlint evaluates. Functions
// that read files only read inside root. Functions whose result cannot be
// known before apply (timestamp, uuid, bcrypt, ...) return unknown values.
// Anything else (provider functions, newer functions) is unknown to HCL,
// which makes the calling expression unknown: silence, not a finding.
func functions(root, base string, maxSize int64, cancel *atomic.Bool) map[string]function.Function {
	if maxSize <= 0 {
		maxSize = DefaultMaxFileSize
	}
	fs := map[string]function.Function{
		"abs": stdlib.AbsoluteFunc, "ceil": stdlib.CeilFunc, "floor": stdlib.FloorFunc,
		"log": stdlib.LogFunc, "max": stdlib.MaxFunc, "min": stdlib.MinFunc, "pow": stdlib.PowFunc,
		"signum": stdlib.SignumFunc, "parseint": stdlib.ParseIntFunc,
		"chomp": stdlib.ChompFunc, "format": stdlib.FormatFunc, "formatlist": stdlib.FormatListFunc,
		"indent": stdlib.IndentFunc, "join": stdlib.JoinFunc, "lower": stdlib.LowerFunc,
		"regex": stdlib.RegexFunc, "regexall": stdlib.RegexAllFunc, "split": stdlib.SplitFunc,
		"strrev": stdlib.ReverseFunc, "substr": stdlib.SubstrFunc, "title": stdlib.TitleFunc,
		"trim": stdlib.TrimFunc, "trimprefix": stdlib.TrimPrefixFunc, "trimsuffix": stdlib.TrimSuffixFunc,
		"trimspace": stdlib.TrimSpaceFunc, "upper": stdlib.UpperFunc,
		"chunklist": stdlib.ChunklistFunc, "coalesce": stdlib.CoalesceFunc, "coalescelist": stdlib.CoalesceListFunc,
		"compact": stdlib.CompactFunc, "concat": stdlib.ConcatFunc, "contains": stdlib.ContainsFunc,
		"distinct": stdlib.DistinctFunc, "element": elementFunc, "flatten": stdlib.FlattenFunc,
		"index": stdlib.IndexFunc, "keys": stdlib.KeysFunc, "length": stdlib.LengthFunc,
		"lookup": stdlib.LookupFunc, "merge": stdlib.MergeFunc, "range": stdlib.RangeFunc,
		"reverse": stdlib.ReverseListFunc, "setintersection": stdlib.SetIntersectionFunc,
		"setproduct": stdlib.SetProductFunc, "setsubtract": stdlib.SetSubtractFunc,
		"setunion": stdlib.SetUnionFunc, "slice": stdlib.SliceFunc, "sort": stdlib.SortFunc,
		"values": stdlib.ValuesFunc, "zipmap": stdlib.ZipmapFunc,
		"csvdecode": stdlib.CSVDecodeFunc, "jsondecode": stdlib.JSONDecodeFunc, "jsonencode": stdlib.JSONEncodeFunc,
		"formatdate": stdlib.FormatDateFunc, "timeadd": stdlib.TimeAddFunc,
		"yamlencode": ctyyaml.YAMLEncodeFunc, "yamldecode": yamlDecodeFunc,
		"try": tryfunc.TryFunc, "can": tryfunc.CanFunc,
		"tostring": convertFunc(cty.String), "tonumber": convertFunc(cty.Number), "tobool": convertFunc(cty.Bool),
		"tolist": convertFunc(cty.List(cty.DynamicPseudoType)), "toset": convertFunc(cty.Set(cty.DynamicPseudoType)),
		"tomap":      convertFunc(cty.Map(cty.DynamicPseudoType)),
		"replace":    replaceFunc,
		"startswith": stringPredicate(strings.HasPrefix), "endswith": stringPredicate(strings.HasSuffix),
		"strcontains": stringPredicate(strings.Contains),
		"alltrue":     boolFold(true), "anytrue": boolFold(false),
		"one": oneFunc, "sum": sumFunc,
		"base64encode": stringMap(func(s string) (string, error) {
			if base64.StdEncoding.EncodedLen(len(s)) > maxValueBytes {
				return "", errTooManyBytes
			}
			return base64.StdEncoding.EncodeToString([]byte(s)), nil
		}),
		"base64decode": stringMap(func(s string) (string, error) {
			b, err := base64.StdEncoding.DecodeString(s)
			return string(b), err
		}),
		"urlencode": stringMap(func(s string) (string, error) {
			if len(s) > maxValueBytes/3 {
				return "", errTooManyBytes
			}
			return url.QueryEscape(s), nil
		}),
		"md5":      stringMap(hashHex(func(b []byte) []byte { h := md5.Sum(b); return h[:] })),
		"sha1":     stringMap(hashHex(func(b []byte) []byte { h := sha1.Sum(b); return h[:] })),
		"sha256":   stringMap(hashHex(func(b []byte) []byte { h := sha256.Sum256(b); return h[:] })),
		"sha512":   stringMap(hashHex(func(b []byte) []byte { h := sha512.Sum512(b); return h[:] })),
		"basename": stringMap(func(s string) (string, error) { return path.Base(filepath.ToSlash(s)), nil }),
		"dirname":  stringMap(func(s string) (string, error) { return path.Dir(filepath.ToSlash(s)), nil }),
		"cidrhost": cidrHostFunc, "cidrsubnet": cidrSubnetFunc, "cidrnetmask": cidrNetmaskFunc,
		"cidrsubnets": cidrSubnetsFunc,
		"sensitive":   markFunc(true), "nonsensitive": markFunc(false),
		"timestamp": unknownFunc(cty.String), "uuid": unknownFunc(cty.String),
		"plantimestamp": unknownFunc(cty.String), "bcrypt": unknownFunc(cty.String),
		"abspath": unknownFunc(cty.String), "pathexpand": unknownFunc(cty.String),
	}
	files := &fileReader{root: root, base: base, maxSize: maxSize}
	fs["file"] = files.fileFunc()
	fs["fileexists"] = files.existsFunc()
	fs["templatefile"] = files.templateFunc(fs) // calls what fs holds then
	// Every function refuses arguments too large to walk, and those that
	// can build a large value from small arguments refuse to before
	// allocating (see funcbounds.go). try and can take expressions.
	checks := resultBounds()
	for n, fn := range fs {
		if n != "try" && n != "can" {
			fs[n] = guard(fn, checks[n])
		}
	}
	// Functions that make collections, which nested for expressions call
	// over and over, stop an evaluation that ran out of time.
	// (range is what nested for expressions iterate; the others multiply.)
	for _, n := range []string{"range", "setproduct", "flatten"} {
		fs[n] = cancellable(fs[n], cancel)
	}
	return fs
}

func convertFunc(ty cty.Type) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "v", Type: cty.DynamicPseudoType, AllowNull: true, AllowDynamicType: true, AllowUnknown: true}},
		Type: func(args []cty.Value) (cty.Type, error) {
			if ty == cty.String || ty == cty.Number || ty == cty.Bool {
				return ty, nil
			}
			return cty.DynamicPseudoType, nil
		},
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			v, err := convert.Convert(args[0], ty)
			if err != nil {
				return cty.NilVal, err
			}
			return v, nil
		},
	})
}

var replaceFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "str", Type: cty.String}, {Name: "substr", Type: cty.String}, {Name: "replace", Type: cty.String}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		s, sub, rep := args[0].AsString(), args[1].AsString(), args[2].AsString()
		if len(sub) > 1 && sub[0] == '/' && sub[len(sub)-1] == '/' {
			re, err := regexp.Compile(sub[1 : len(sub)-1])
			if err != nil {
				return cty.NilVal, err
			}
			if err := checkRegexpReplace(re, s, rep); err != nil {
				return cty.NilVal, err
			}
			return cty.StringVal(re.ReplaceAllString(s, rep)), nil
		}
		if err := checkReplace(s, sub, rep); err != nil {
			return cty.NilVal, err
		}
		return cty.StringVal(strings.ReplaceAll(s, sub, rep)), nil
	},
})

func stringPredicate(f func(s, x string) bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "str", Type: cty.String}, {Name: "x", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return cty.BoolVal(f(args[0].AsString(), args[1].AsString())), nil
		},
	})
}

func stringMap(f func(string) (string, error)) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "str", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			s, err := f(args[0].AsString())
			if err != nil {
				return cty.NilVal, err
			}
			return cty.StringVal(s), nil
		},
	})
}

func hashHex(h func([]byte) []byte) func(string) (string, error) {
	return func(s string) (string, error) { return hex.EncodeToString(h([]byte(s))), nil }
}

func boolFold(all bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "list", Type: cty.List(cty.Bool)}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			if !args[0].IsWhollyKnown() {
				return cty.UnknownVal(cty.Bool), nil
			}
			for it := args[0].ElementIterator(); it.Next(); {
				_, v := it.Element()
				if v.IsNull() {
					continue
				}
				if v.True() != all {
					return cty.BoolVal(!all), nil
				}
			}
			return cty.BoolVal(all), nil
		},
	})
}

var oneFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type: func(args []cty.Value) (cty.Type, error) {
		return cty.DynamicPseudoType, nil
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v := args[0]
		if !v.IsKnown() || !v.CanIterateElements() {
			return cty.DynamicVal, nil
		}
		switch v.LengthInt() {
		case 0:
			return cty.NullVal(cty.DynamicPseudoType), nil
		case 1:
			it := v.ElementIterator()
			it.Next()
			_, e := it.Element()
			return e, nil
		}
		return cty.NilVal, fmt.Errorf("must be a list, set or tuple of zero or one elements")
	},
})

var sumFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v := args[0]
		if !v.IsWhollyKnown() || !v.CanIterateElements() {
			return cty.UnknownVal(cty.Number), nil
		}
		total := cty.Zero
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			n, err := convert.Convert(e, cty.Number)
			if err != nil || n.IsNull() {
				return cty.NilVal, fmt.Errorf("sum needs numbers")
			}
			total = total.Add(n)
		}
		return total, nil
	},
})

func unknownFunc(ty cty.Type) function.Function {
	return function.New(&function.Spec{
		VarParam: &function.Parameter{Name: "args", Type: cty.DynamicPseudoType, AllowNull: true, AllowUnknown: true, AllowDynamicType: true},
		Type:     function.StaticReturnType(ty),
		Impl:     func([]cty.Value, cty.Type) (cty.Value, error) { return cty.UnknownVal(ty), nil },
	})
}

// markFunc implements sensitive() and nonsensitive().
func markFunc(sensitive bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "v", Type: cty.DynamicPseudoType, AllowMarked: true, AllowNull: true, AllowUnknown: true, AllowDynamicType: true}},
		Type:   func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			if sensitive {
				return args[0].Mark(MarkSensitive), nil
			}
			v, marks := args[0].Unmark()
			delete(marks, MarkSensitive)
			return v.WithMarks(marks), nil
		},
	})
}

// yamlDecodeFunc refuses alias bombs before decoding: yaml.v3 rejects
// excessive aliasing; the cty decoder alone would build the value.
var yamlDecodeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "src", Type: cty.String}},
	Type: func(args []cty.Value) (cty.Type, error) {
		if !args[0].IsKnown() {
			return cty.DynamicPseudoType, nil
		}
		if err := checkYAML(args[0].AsString()); err != nil {
			return cty.NilType, err
		}
		return ctyyaml.YAMLDecodeFunc.ReturnTypeForValues(args)
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return ctyyaml.YAMLDecodeFunc.Call(args)
	},
})

func checkYAML(s string) error {
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(s), &n); err != nil {
		return err
	}
	return nil
}

// cidr functions (Terraform semantics for IPv4 and IPv6 prefixes).

var cidrSubnetFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "prefix", Type: cty.String}, {Name: "newbits", Type: cty.Number}, {Name: "netnum", Type: cty.Number}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := netip.ParsePrefix(args[0].AsString())
		if err != nil {
			return cty.NilVal, err
		}
		nb, ok1 := addressInt(args[1])
		num, ok2 := addressInt(args[2])
		if !ok1 || !ok2 {
			return cty.NilVal, fmt.Errorf("not enough address space")
		}
		s, err := subnet(p.Masked(), int(nb.Int64()), num)
		if err != nil {
			return cty.NilVal, err
		}
		return cty.StringVal(s.String()), nil
	},
})

var cidrSubnetsFunc = function.New(&function.Spec{
	Params:   []function.Parameter{{Name: "prefix", Type: cty.String}},
	VarParam: &function.Parameter{Name: "newbits", Type: cty.Number},
	Type:     function.StaticReturnType(cty.List(cty.String)),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := netip.ParsePrefix(args[0].AsString())
		if err != nil {
			return cty.NilVal, err
		}
		p = p.Masked()
		if len(args) == 1 {
			return cty.ListValEmpty(cty.String), nil
		}
		var out []cty.Value
		next := new(big.Int).Set(addrInt(p.Addr()))
		for _, a := range args[1:] {
			nb, ok := addressInt(a)
			if !ok || nb.Sign() <= 0 {
				return cty.NilVal, fmt.Errorf("must extend the prefix by 1 to 128 bits")
			}
			bits := p.Bits() + int(nb.Int64())
			if bits > p.Addr().BitLen() {
				return cty.NilVal, fmt.Errorf("not enough address space")
			}
			size := new(big.Int).Lsh(big.NewInt(1), uint(p.Addr().BitLen()-bits))
			// align next up to size
			rem := new(big.Int).Mod(next, size)
			if rem.Sign() != 0 {
				next.Add(next, new(big.Int).Sub(size, rem))
			}
			addr, ok := intAddr(next, p.Addr().Is4())
			if !ok {
				return cty.NilVal, fmt.Errorf("not enough address space")
			}
			np := netip.PrefixFrom(addr, bits)
			if !p.Contains(addr) {
				return cty.NilVal, fmt.Errorf("not enough address space")
			}
			out = append(out, cty.StringVal(np.String()))
			next.Add(next, size)
		}
		return cty.ListVal(out), nil
	},
})

var cidrHostFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "prefix", Type: cty.String}, {Name: "hostnum", Type: cty.Number}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := netip.ParsePrefix(args[0].AsString())
		if err != nil {
			return cty.NilVal, err
		}
		p = p.Masked()
		hn, ok := addressInt(args[1])
		if !ok {
			return cty.NilVal, fmt.Errorf("host number out of range")
		}
		size := new(big.Int).Lsh(big.NewInt(1), uint(p.Addr().BitLen()-p.Bits()))
		if hn.Sign() < 0 {
			hn.Add(hn, size)
		}
		if hn.Sign() < 0 || hn.Cmp(size) >= 0 {
			return cty.NilVal, fmt.Errorf("host number out of range")
		}
		addr, ok := intAddr(new(big.Int).Add(addrInt(p.Addr()), hn), p.Addr().Is4())
		if !ok {
			return cty.NilVal, fmt.Errorf("host number out of range")
		}
		return cty.StringVal(addr.String()), nil
	},
})

var cidrNetmaskFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "prefix", Type: cty.String}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := netip.ParsePrefix(args[0].AsString())
		if err != nil {
			return cty.NilVal, err
		}
		if !p.Addr().Is4() {
			return cty.NilVal, fmt.Errorf("only IPv4 prefixes have a netmask")
		}
		m := ^uint32(0) << (32 - p.Bits())
		if p.Bits() == 0 {
			m = 0
		}
		return cty.StringVal(fmt.Sprintf("%d.%d.%d.%d", m>>24, m>>16&0xff, m>>8&0xff, m&0xff)), nil
	},
})

func subnet(p netip.Prefix, newbits int, num *big.Int) (netip.Prefix, error) {
	bits := p.Bits() + newbits
	if newbits < 0 || bits > p.Addr().BitLen() {
		return netip.Prefix{}, fmt.Errorf("insufficient address space to extend prefix of %d by %d", p.Bits(), newbits)
	}
	max := new(big.Int).Lsh(big.NewInt(1), uint(newbits))
	if num.Sign() < 0 || num.Cmp(max) >= 0 {
		return netip.Prefix{}, fmt.Errorf("prefix extension of %d does not accommodate a subnet numbered %s", newbits, num)
	}
	shift := uint(p.Addr().BitLen() - bits)
	v := new(big.Int).Add(addrInt(p.Addr()), new(big.Int).Lsh(num, shift))
	addr, ok := intAddr(v, p.Addr().Is4())
	if !ok {
		return netip.Prefix{}, fmt.Errorf("address out of range")
	}
	return netip.PrefixFrom(addr, bits), nil
}

// addressInt returns a number of at most 129 bits (an address, host or
// subnet number, or prefix bits, with a sign) as an integer; a larger one
// is out of range for any address, and 1e600000000 would be a 250 MB
// integer.
func addressInt(v cty.Value) (*big.Int, bool) {
	f := v.AsBigFloat()
	if f.IsInf() || f.MantExp(nil) > 129 {
		return nil, false
	}
	i, _ := f.Int(nil)
	return i, true
}

func addrInt(a netip.Addr) *big.Int {
	b := a.AsSlice()
	return new(big.Int).SetBytes(b)
}

func intAddr(v *big.Int, is4 bool) (netip.Addr, bool) {
	n := 16
	if is4 {
		n = 4
	}
	b := v.Bytes()
	if len(b) > n {
		return netip.Addr{}, false
	}
	buf := make([]byte, n)
	copy(buf[n-len(b):], b)
	a, ok := netip.AddrFromSlice(buf)
	return a, ok
}

// fileReader implements file(), fileexists() and templatefile() confined to
// the repository boundary: a path outside it (or through a link leaving it) is an
// error, which leaves the calling expression unknown.
type fileReader struct {
	root    string // nothing outside it is read
	base    string // relative paths start here: the root module's directory
	maxSize int64
}

func (f *fileReader) resolve(p string) (string, error) {
	if !filepath.IsAbs(p) {
		// Terraform resolves relative paths against its working
		// directory, the root module's: path.module is relative to it too.
		p = filepath.Join(f.base, p)
	}
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", err
	}
	abs, _ := filepath.Abs(real)
	if !within(f.root, abs) {
		return "", &OutsideRootError{Path: p}
	}
	return abs, nil
}

func (f *fileReader) read(p string) (string, error) {
	abs, err := f.resolve(p)
	if err != nil {
		return "", err
	}
	b, err := readCapped(abs, f.maxSize)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

func (f *fileReader) fileFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			s, err := f.read(args[0].AsString())
			if err != nil {
				return outsideOrUnknown(err, cty.String)
			}
			return cty.StringVal(s), nil
		},
	})
}

func (f *fileReader) existsFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			abs, err := f.resolve(args[0].AsString())
			if err != nil {
				return outsideOrUnknown(err, cty.Bool)
			}
			fi, err := os.Stat(abs)
			return cty.BoolVal(err == nil && fi.Mode().IsRegular()), nil
		},
	})
}

func (f *fileReader) templateFunc(funcs map[string]function.Function) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}, {Name: "vars", Type: cty.DynamicPseudoType}},
		Type:   function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			src, err := f.read(args[0].AsString())
			if err != nil {
				return outsideOrUnknown(err, cty.DynamicPseudoType)
			}
			if r, deep := tooDeep(args[0].AsString(), []byte(src)); deep {
				return cty.NilVal, fmt.Errorf("template nesting too deep at line %d", r.Start.Line)
			}
			expr, diags := hclsyntax.ParseTemplate([]byte(src), args[0].AsString(), hcl.InitialPos)
			if diags.HasErrors() {
				return cty.NilVal, diags
			}
			vars := args[1]
			if !vars.IsWhollyKnown() || !vars.CanIterateElements() {
				return cty.DynamicVal, nil
			}
			ctx := &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: map[string]function.Function{}}
			for k, fn := range funcs {
				if k != "templatefile" {
					ctx.Functions[k] = fn
				}
			}
			for it := vars.ElementIterator(); it.Next(); {
				k, v := it.Element()
				ctx.Variables[k.AsString()] = v
			}
			if _, err := templateSize(expr, ctx); err != nil {
				return cty.NilVal, err
			}
			v, diags := expr.Value(ctx)
			if diags.HasErrors() {
				return cty.DynamicVal, nil
			}
			return v, nil
		},
	})
}

// OutsideRootError is returned by file(), templatefile() and fileexists()
// for a path that leaves the repository boundary (directly or through a link).
// The evaluator turns it into an input error at the function call.
type OutsideRootError struct{ Path string }

func (e *OutsideRootError) Error() string {
	return fmt.Sprintf("%s is outside the repository; not read", e.Path)
}

// outsideOrUnknown keeps an outside-root error (reported) and turns any
// other failure (a missing file, say) into an unknown value: silence.
func outsideOrUnknown(err error, ty cty.Type) (cty.Value, error) {
	var out *OutsideRootError
	if errors.As(err, &out) {
		return cty.NilVal, err
	}
	return cty.UnknownVal(ty), nil
}

// elementFunc is Terraform's element() keeping the marks of the element it
// returns (stdlib's merges the marks of the whole list into the result,
// which would make element(aws_subnet.x[*].id, count.index) refer to every
// subnet).
var elementFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "list", Type: cty.DynamicPseudoType, AllowMarked: true},
		{Name: "index", Type: cty.Number},
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		return cty.DynamicPseudoType, nil
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		list, marks := args[0].Unmark()
		if !list.IsKnown() || !args[1].IsKnown() {
			return cty.DynamicVal.WithMarks(marks), nil
		}
		ty := list.Type()
		if !(ty.IsListType() || ty.IsTupleType()) {
			return stdlib.ElementFunc.Call([]cty.Value{args[0], args[1]})
		}
		n := list.LengthInt()
		if n == 0 {
			return cty.NilVal, fmt.Errorf("cannot use element function with an empty list")
		}
		i, acc := args[1].AsBigFloat().Int64()
		if acc != 0 || i < 0 {
			return cty.NilVal, fmt.Errorf("invalid index")
		}
		return list.Index(cty.NumberIntVal(i % int64(n))).WithMarks(marks), nil
	},
})

// errCancelled unwinds an evaluation that ran out of time.
var errCancelled = errors.New("evaluation cancelled")

// cancellable makes a function stop the evaluation once cancel is set.
func cancellable(fn function.Function, cancel *atomic.Bool) function.Function {
	if cancel == nil {
		return fn
	}
	return function.New(&function.Spec{
		Params:   fn.Params(),
		VarParam: fn.VarParam(),
		Type: func(args []cty.Value) (cty.Type, error) {
			if cancel.Load() {
				panic(errCancelled)
			}
			return fn.ReturnTypeForValues(args)
		},
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return fn.Call(args)
		},
	})
}

// maxFormatWidth caps the width and precision format() may ask for: a
// "%0999999999d" would build a gigabyte string.
const maxFormatWidth = 10000
