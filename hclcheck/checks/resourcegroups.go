package checks

import (
	"slices"
	"strconv"
	"strings"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// tagFilter is one TagFilters entry of a resource group's query: a
// resource matches when it carries Key with one of Values (any value when
// Values is empty). computed is true when some value is not known before
// apply: any value of Key could then match.
type tagFilter struct {
	Key      string
	Values   []string
	computed bool
}

// groupQuery is what ssmlint knows of an aws_resourcegroups_group's
// TAG_FILTERS_1_0 query.
type groupQuery struct {
	instances bool // ResourceTypeFilters admit EC2 instances
	// filters are the tag filters whose key is known (they are ANDed: one
	// that matches nothing is enough to select nothing).
	filters []tagFilter
}

// resourceGroup finds the stack's resource group a target names: by
// reference (values = [aws_resourcegroups_group.x.name], whatever the
// name's value), else by its name's value (see resolveAll). nil when there is no such
// group in the stack, or it cannot be told which.
func resourceGroup(c *hclcheck.Config, values *hclcheck.Attr) (*hclcheck.Resource, string) {
	if gs, ok := resolveAll(c, values, "aws_resourcegroups_group"); ok && len(gs) == 1 {
		if n, _, known := hclcheck.AttrString(gs[0].Body, "name"); known {
			return gs[0], strconv.Quote(n)
		}
		return gs[0], gs[0].Addr + " (its name is set at apply)"
	}
	return nil, ""
}

// resourceGroupQuery reads a resource group's query as a document. ok is
// false when it cannot be read (a CloudFormation-stack query, a value
// whose shape is not known): then nothing can be said about what it
// selects. A tag value computed from elsewhere is a placeholder: the
// filter still needs its key.
func resourceGroupQuery(g *hclcheck.Resource) (q groupQuery, ok bool) {
	rq := g.Body.Blocks("resource_query")
	if len(rq) != 1 || rq[0].Uncertain {
		return q, false
	}
	if typ, a, known := hclcheck.AttrString(rq[0], "type"); a != nil && (!known || typ != "TAG_FILTERS_1_0") {
		return q, false
	}
	doc, ok, _ := rq[0].Attr("query").Document("JSON")
	if !ok {
		return q, false
	}
	types, ok := docStrings(doc.Get("ResourceTypeFilters"))
	if !ok {
		return q, false
	}
	q.instances = len(types) == 0 || slices.Contains(types, "AWS::AllSupported") || slices.Contains(types, "AWS::EC2::Instance")
	filters, isList := doc.Get("TagFilters").([]any)
	if !isList && doc.Get("TagFilters") != nil {
		return q, false
	}
	for i := range filters {
		key, known := doc.Get("TagFilters", i, "Key").(string)
		if !known {
			continue // a filter on a key set at apply: it may match
		}
		tf := tagFilter{Key: key}
		vals, _ := doc.Get("TagFilters", i, "Values").([]any)
		if _, isPh := doc.Get("TagFilters", i, "Values").(*hclcheck.Placeholder); isPh {
			tf.computed = true
		}
		for _, v := range vals {
			if s, isStr := v.(string); isStr {
				tf.Values = append(tf.Values, s)
			} else {
				tf.computed = true
			}
		}
		q.filters = append(q.filters, tf)
	}
	return q, true
}

// docStrings reads a list of strings in a document (nil is none); false
// when some element is not known.
func docStrings(n any) ([]string, bool) {
	if n == nil {
		return nil, true
	}
	l, ok := n.([]any)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(l))
	for _, v := range l {
		s, ok := v.(string)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// unmatchedResourceGroup reports a `resource-groups:Name` target whose
// group, declared in the stack, selects no machine of it: its types leave
// out EC2 instances, or one of its tag filters (they are ANDed) matches
// no machine's tags.
func unmatchedResourceGroup(pass *hclcheck.Pass, t *hclcheck.Resource, values *hclcheck.Attr) {
	g, name := resourceGroup(pass.Config, values)
	if g == nil {
		return
	}
	q, ok := resourceGroupQuery(g)
	if !ok {
		return
	}
	if !q.instances {
		pass.Report(t, values.Range(), "targets.values",
			"%s selects resource group %s, whose ResourceTypeFilters leave out AWS::EC2::Instance: the target selects no instance", t.Addr, name)
		return
	}
	f := fleetOf(pass.Config)
	if f.declared == 0 || !f.complete {
		return
	}
	for _, tf := range q.filters {
		if tf.Key == "" {
			continue
		}
		if len(tf.Values) == 0 || tf.computed {
			if f.carriesKey(tf.Key) {
				continue
			}
		} else if slices.ContainsFunc(tf.Values, func(v string) bool { return f.carries(tf.Key, v) }) {
			continue
		}
		if !f.settled() {
			return
		}
		want := tf.Values
		shown := "any value"
		if len(want) > 0 && !tf.computed {
			shown = strings.Join(quoteAll(want), " or ")
		} else if tf.computed {
			shown, want = "a value set at apply", nil
		}
		pass.Report(t, values.Range(), "targets.values",
			"%s selects resource group %s, whose tag filter %s = %s matches no instance, launch template or autoscaling group of the stack%s",
			t.Addr, name, tf.Key, shown, tagHint(f, []string{tf.Key}, want))
		return
	}
}
