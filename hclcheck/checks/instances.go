package checks

import (
	"github.com/ssmlint/ssmlint/hclcheck"
)

// machine is something that runs SSM Agent: an aws_instance, or a launch
// template or launch configuration as used by an autoscaling group (then
// subnets come from the group and the rest from the template).
type machine struct {
	// r is the aws_instance, aws_launch_template or
	// aws_launch_configuration.
	r *hclcheck.Resource
	// asg is the autoscaling group for a launch template or configuration.
	asg *hclcheck.Resource
	// subnetAttr is where the subnets are set (subnet_id, or the group's
	// vpc_zone_identifier); nil when unset.
	subnetAttr *hclcheck.Attr
	subnets    []*hclcheck.Resource
	// subnetsKnown is true when every subnet is a declared aws_subnet.
	subnetsKnown bool
	// sgAttr is where the security groups are set; nil when unset.
	sgAttr   *hclcheck.Attr
	sgs      []*hclcheck.Resource
	sgsKnown bool
	// profileAttr is iam_instance_profile (attribute of an instance, or
	// the name/arn inside a launch template's block); profileSet tells an
	// absent profile from an unknown one.
	profileAttr *hclcheck.Attr
	profileSet  bool
}

// where returns the resource and range that findings about the
// machine's network placement point at.
func (m machine) placement() (*hclcheck.Resource, *hclcheck.Attr) {
	if m.asg != nil {
		return m.asg, m.subnetAttr
	}
	return m.r, m.subnetAttr
}

// name describes the machine in messages.
func (m machine) name() string {
	if m.asg != nil {
		if m.r.Type() == "aws_launch_configuration" {
			return m.asg.Addr + " (launch configuration " + m.r.Addr + ")"
		}
		return m.asg.Addr + " (launch template " + m.r.Addr + ")"
	}
	return m.r.Addr
}

// machines lists the instances and autoscaled launch templates.
func machines(c *hclcheck.Config) []machine {
	return c.Memo(memoKey{query: "machines"}, func() any { return readMachines(c) }).([]machine)
}

func readMachines(c *hclcheck.Config) []machine {
	var out []machine
	for _, r := range c.Resources("aws_instance") {
		m := machine{r: r}
		m.subnetAttr = r.Body.Attr("subnet_id")
		m.subnets, m.subnetsKnown = resolveAll(c, m.subnetAttr, "aws_subnet")
		m.sgAttr = r.Body.Attr("vpc_security_group_ids")
		if m.sgAttr == nil {
			m.sgAttr = r.Body.Attr("security_groups")
		}
		m.sgs, m.sgsKnown = resolveAll(c, m.sgAttr, "aws_security_group")
		m.sgs, m.sgsKnown = withAttachedGroups(c, r, m.sgs, m.sgsKnown)
		m.profileAttr = r.Body.Attr("iam_instance_profile")
		m.profileSet = m.profileAttr != nil
		out = append(out, m)
	}
	for _, asg := range c.Resources("aws_autoscaling_group") {
		for _, lt := range launchTemplatesOf(c, asg) {
			m := machine{r: lt, asg: asg}
			m.subnetAttr = asg.Body.Attr("vpc_zone_identifier")
			m.subnets, m.subnetsKnown = resolveAll(c, m.subnetAttr, "aws_subnet")
			m.sgAttr = lt.Body.Attr("vpc_security_group_ids")
			for _, ni := range lt.Body.Blocks("network_interfaces") {
				if a := ni.Attr("security_groups"); a != nil {
					m.sgAttr = a
				}
			}
			m.sgs, m.sgsKnown = resolveAll(c, m.sgAttr, "aws_security_group")
			for _, p := range lt.Body.Blocks("iam_instance_profile") {
				m.profileSet = true
				m.profileAttr = p.Attr("name")
				if m.profileAttr == nil {
					m.profileAttr = p.Attr("arn")
				}
			}
			out = append(out, m)
		}
		for _, lc := range launchConfigurationsOf(c, asg) {
			m := machine{r: lc, asg: asg}
			m.subnetAttr = asg.Body.Attr("vpc_zone_identifier")
			m.subnets, m.subnetsKnown = resolveAll(c, m.subnetAttr, "aws_subnet")
			m.sgAttr = lc.Body.Attr("security_groups")
			m.sgs, m.sgsKnown = resolveAll(c, m.sgAttr, "aws_security_group")
			m.profileAttr = lc.Body.Attr("iam_instance_profile")
			m.profileSet = m.profileAttr != nil
			out = append(out, m)
		}
	}
	return out
}

// launchConfigurationsOf returns the declared launch configuration an
// autoscaling group uses: the one its launch_configuration refers to, or
// the one whose name it gives literally.
func launchConfigurationsOf(c *hclcheck.Config, asg *hclcheck.Resource) []*hclcheck.Resource {
	a := asg.Body.Attr("launch_configuration")
	if a == nil {
		return nil
	}
	var out []*hclcheck.Resource
	for _, r := range c.Referenced(a) {
		if r.Type() == "aws_launch_configuration" {
			out = append(out, r)
		}
	}
	if len(out) > 0 {
		return out
	}
	if lc, ok := c.ByValue(a, "aws_launch_configuration", "name"); ok {
		out = append(out, lc)
	}
	return out
}

// launchTemplatesOf returns the declared launch templates an autoscaling
// group uses (launch_template block, or a mixed instances policy).
func launchTemplatesOf(c *hclcheck.Config, asg *hclcheck.Resource) []*hclcheck.Resource {
	var out []*hclcheck.Resource
	add := func(b *hclcheck.Body) {
		for _, n := range []string{"id", "launch_template_id", "name", "launch_template_name"} {
			for _, r := range c.Referenced(b.Attr(n)) {
				if r.Type() == "aws_launch_template" {
					out = append(out, r)
				}
			}
		}
	}
	for _, b := range asg.Body.Blocks("launch_template") {
		add(b)
	}
	for _, mip := range asg.Body.Blocks("mixed_instances_policy") {
		for _, lt := range mip.Blocks("launch_template") {
			for _, spec := range lt.Blocks("launch_template_specification") {
				add(spec)
			}
		}
	}
	return out
}

// nameKeys are the attributes that name a resource of a type, for links
// written as a name rather than a reference (see Config.ByValue).
var nameKeys = map[string]string{
	"aws_iam_instance_profile": "name",
	"aws_iam_role":             "name",
	"aws_launch_configuration": "name",
	"aws_resourcegroups_group": "name",
}

// resolveAll resolves the resources of a type an attribute refers to.
// known is true only when the attribute is set and every part of its
// value is a reference to a declared resource of that type: no literal
// IDs of things outside the stack, no unknown inputs, no other types.
func resolveAll(c *hclcheck.Config, a *hclcheck.Attr, typ string) (rs []*hclcheck.Resource, known bool) {
	if key := nameKeys[typ]; key != "" && len(c.Referenced(a)) == 0 {
		// A name written as a string: the one resource of that name.
		if r, ok := c.ByValue(a, typ, key); ok {
			return []*hclcheck.Resource{r}, true
		}
	}
	if a == nil || !a.OnlyReferences() {
		for _, r := range c.Referenced(a) {
			if r.Type() == typ {
				rs = append(rs, r)
			}
		}
		return rs, false
	}
	addrs := map[string]bool{}
	for _, ref := range a.Refs() {
		addrs[ref.Addr] = true
	}
	for _, r := range c.Referenced(a) {
		if r.Type() == typ {
			rs = append(rs, r)
		}
	}
	known = len(rs) > 0 && len(rs) == len(addrs)
	// A collection with more elements than resources holds something else
	// (a literal ID whose mark cty moved onto the set).
	if v, _ := a.Value().Unmark(); known && v.IsKnown() && !v.IsNull() && v.CanIterateElements() && v.LengthInt() > len(rs) {
		known = false
	}
	return rs, known
}
