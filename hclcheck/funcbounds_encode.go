package hclcheck

import (
	"fmt"
	"strings"

	"github.com/zclconf/go-cty/cty"
	"gopkg.in/yaml.v3"
)

// Bounds of the encoding and decoding functions: jsonencode, yamlencode,
// jsondecode, yamldecode, csvdecode (see funcbounds.go).

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
