package checks

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// tagFilter is one TagFilters entry of a resource group's query: a
// resource matches when it carries Key with one of Values (any value when
// Values is empty).
type tagFilter struct {
	Key    string
	Values []string
}

// groupQuery is what ssmlint knows of an aws_resourcegroups_group's
// TAG_FILTERS_1_0 query.
type groupQuery struct {
	instances bool // ResourceTypeFilters admit EC2 instances
	filters   []tagFilter
}

// resourceGroupQuery reads the query of the stack's resource group named
// name. ok is false when there is no such group in the stack, or its query
// cannot be read (a CloudFormation-stack query, an unknown value): then
// nothing can be said about what it selects.
func resourceGroupQuery(c *hclcheck.Config, name string) (q groupQuery, ok bool) {
	for _, g := range c.Resources("aws_resourcegroups_group") {
		n, _, known := hclcheck.AttrString(g.Body, "name")
		if !known || n != name {
			continue
		}
		rq := g.Body.Blocks("resource_query")
		if len(rq) != 1 || rq[0].Uncertain {
			return q, false
		}
		if typ, a, known := hclcheck.AttrString(rq[0], "type"); a != nil && (!known || typ != "TAG_FILTERS_1_0") {
			return q, false
		}
		text, _, known := hclcheck.AttrString(rq[0], "query")
		if !known || len(text) > maxDocument {
			return q, false
		}
		var doc struct {
			ResourceTypeFilters []string
			TagFilters          []tagFilter
		}
		if json.Unmarshal([]byte(text), &doc) != nil {
			return q, false
		}
		q.instances = len(doc.ResourceTypeFilters) == 0 ||
			slices.Contains(doc.ResourceTypeFilters, "AWS::AllSupported") ||
			slices.Contains(doc.ResourceTypeFilters, "AWS::EC2::Instance")
		q.filters = doc.TagFilters
		return q, true
	}
	return q, false
}

// unmatchedResourceGroup reports a `resource-groups:Name` target whose
// group, declared in the stack, selects no machine of it: its types leave
// out EC2 instances, or one of its tag filters (they are ANDed) matches
// no machine's tags.
func unmatchedResourceGroup(pass *hclcheck.Pass, t *hclcheck.Resource, values *hclcheck.Attr) {
	names, ok := stringList(values)
	if !ok || len(names) != 1 {
		return
	}
	q, ok := resourceGroupQuery(pass.Config, names[0])
	if !ok {
		return
	}
	if !q.instances {
		pass.Report(t, values.Range(), "targets.values",
			"%s selects resource group %q, whose ResourceTypeFilters leave out AWS::EC2::Instance: the target selects no instance", t.Addr, names[0])
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
		if len(tf.Values) == 0 {
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
		if len(want) > 0 {
			shown = strings.Join(quoteAll(want), " or ")
		}
		pass.Report(t, values.Range(), "targets.values",
			"%s selects resource group %q, whose tag filter %s = %s matches no instance, launch template or autoscaling group of the stack%s",
			t.Addr, names[0], tf.Key, shown, tagHint(f, []string{tf.Key}, want))
		return
	}
}
