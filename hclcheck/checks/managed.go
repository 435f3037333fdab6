package checks

import (
	"strings"

	"github.com/zclconf/go-cty/cty"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// managedSet decides which machines are "meant to be SSM-managed"
// (RULES.md): the role grants SSM core permissions, an association,
// maintenance-window target or patch group of the stack targets it, its
// VPC has an SSM endpoint, or configuration says all are.
type managedSet struct {
	c        *hclcheck.Config
	all      bool
	byVPC    map[*hclcheck.Resource]*vpcEndpoints
	targets  []target
	patchSet bool // an aws_ssm_patch_group exists
	memo     map[string]bool
}

// target is one SSM targeting rule: by instance references or by tag.
type target struct {
	key    string // "InstanceIds", "tag:Env", "tag-key"
	values []string
	refs   map[string]bool // instance addresses referenced
}

func newManagedSet(pass *hclcheck.Pass) *managedSet {
	all := pass.Settings().AllInstancesManaged
	return pass.Config.Memo(memoKey{"managedSet", map[bool]string{true: "all"}[all]}, func() any { return buildManagedSet(pass) }).(*managedSet)
}

func buildManagedSet(pass *hclcheck.Pass) *managedSet {
	c := pass.Config
	ms := &managedSet{c: c, all: pass.Settings().AllInstancesManaged, memo: map[string]bool{}}
	ms.byVPC, _ = endpointsByVPC(c)
	for _, typ := range []string{"aws_ssm_association", "aws_ssm_maintenance_window_target"} {
		for _, r := range c.Resources(typ) {
			for _, t := range r.Body.Blocks("targets") {
				tg := target{refs: map[string]bool{}}
				tg.key, _, _ = hclcheck.AttrString(t, "key")
				if a := t.Attr("values"); a != nil {
					tg.values, _ = stringList(a)
					for _, ref := range a.Refs() {
						tg.refs[ref.Addr] = true
					}
				}
				ms.targets = append(ms.targets, tg)
			}
		}
	}
	for _, r := range c.Resources("aws_ssm_association") {
		if a := r.Body.Attr("instance_id"); a != nil {
			tg := target{key: "InstanceIds", refs: map[string]bool{}}
			for _, ref := range a.Refs() {
				tg.refs[ref.Addr] = true
			}
			ms.targets = append(ms.targets, tg)
		}
	}
	ms.patchSet = len(c.Resources("aws_ssm_patch_group")) > 0
	return ms
}

// managed reports whether a machine is meant to be SSM-managed, for
// rules other than SSM106 (which must not count the role itself).
func (ms *managedSet) managed(m machine) bool {
	key := m.r.Addr
	if m.asg != nil {
		key = m.asg.Addr + "|" + key
	}
	if v, ok := ms.memo[key]; ok {
		return v
	}
	v := ms.managedExceptRole(m) || roleGrantsCore(ms.c, m) == grantYes
	ms.memo[key] = v
	return v
}

// managedExceptRole applies every criterion but the role's permissions.
func (ms *managedSet) managedExceptRole(m machine) bool {
	if ms.all {
		return true
	}
	for _, s := range m.subnets {
		if vpc := vpcOf(ms.c, s); vpc != nil && ms.byVPC[vpc] != nil && ms.byVPC[vpc].any {
			return true
		}
	}
	tags := tagsOf(ms.c, m)
	for _, t := range ms.targets {
		switch {
		case t.refs[m.r.Addr]:
			return true
		case t.key == "InstanceIds" && contains(t.values, "*"):
			return true // every instance of the account
		case strings.HasPrefix(t.key, "tag:"):
			if v, ok := tags[strings.TrimPrefix(t.key, "tag:")]; ok && contains(t.values, v) {
				return true
			}
		case t.key == "tag-key":
			for _, k := range t.values {
				if _, ok := tags[k]; ok {
					return true
				}
			}
		}
	}
	if ms.patchSet {
		if _, ok := tags["Patch Group"]; ok {
			return true
		}
		if _, ok := tags["PatchGroup"]; ok {
			return true
		}
	}
	return false
}

// tagsOf reads the known tags of a machine: an instance's tags and its
// provider's default_tags, or a launch template's tag_specifications and
// the group's tags (blocks and the list form).
func tagsOf(c *hclcheck.Config, m machine) map[string]string {
	out := map[string]string{}
	readValue := func(v cty.Value) {
		v = hclcheck.Plain(v)
		if v == cty.NilVal || !v.IsKnown() || v.IsNull() || !v.CanIterateElements() {
			return
		}
		for it := v.ElementIterator(); it.Next(); {
			k, x := it.Element()
			if s, ok := hclcheck.String(x); ok && k.IsKnown() {
				if ks, ok := hclcheck.String(k); ok {
					out[ks] = s
				}
			}
		}
	}
	read := func(a *hclcheck.Attr) {
		if a != nil {
			readValue(a.Value())
		}
	}
	if m.r.Type() == "aws_instance" {
		if d, ok := defaultTags(c); ok {
			readValue(d.of(m.r))
		}
	}
	read(m.r.Body.Attr("tags"))
	for _, ts := range m.r.Body.Blocks("tag_specifications") {
		read(ts.Attr("tags"))
	}
	if m.asg != nil {
		for _, t := range m.asg.Body.Blocks("tag") {
			k, _, ok1 := hclcheck.AttrString(t, "key")
			v, _, ok2 := hclcheck.AttrString(t, "value")
			if ok1 && ok2 {
				out[k] = v
			}
		}
		list := &fleet{carriers: map[string]map[string]string{}}
		list.addTagList(m.asg.Addr, m.asg.Body.Attr("tags"))
		for k, byValue := range list.carriers {
			for v := range byValue {
				out[k] = v
			}
		}
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, s := range xs {
		if s == x {
			return true
		}
	}
	return false
}

// grant is what is known of a role's SSM core permissions.
type grant int

const (
	grantUnknown grant = iota
	grantYes
	grantNo
)

// coreActions are what AmazonSSMManagedInstanceCore gives SSM Agent for
// Session Manager: registering, and the message channels.
var coreActions = []string{
	"ssm:UpdateInstanceInformation",
	"ssmmessages:CreateControlChannel",
	"ssmmessages:CreateDataChannel",
	"ssmmessages:OpenControlChannel",
	"ssmmessages:OpenDataChannel",
}

// policiesWithoutCore are AWS managed policies known not to grant the
// core actions; any other unknown managed policy might.
var policiesWithoutCore = map[string]bool{
	"AmazonS3ReadOnlyAccess":             true,
	"CloudWatchAgentServerPolicy":        true,
	"AmazonEC2ContainerRegistryReadOnly": true,
	"AmazonSSMReadOnlyAccess":            true,
	"AmazonEC2ReadOnlyAccess":            true,
}

// roleOf follows a machine's instance profile to its declared role.
func roleOf(c *hclcheck.Config, m machine) (role *hclcheck.Resource, known bool) {
	profiles, ok := resolveAll(c, m.profileAttr, "aws_iam_instance_profile")
	if !ok || len(profiles) == 0 {
		return nil, false
	}
	// Several profiles (the branches of a conditional): the role is known
	// when they all carry the same one.
	for _, p := range profiles {
		roles, ok := resolveAll(c, p.Body.Attr("role"), "aws_iam_role")
		if !ok || len(roles) != 1 || roles[0].IsData() {
			// A data source is a role another stack owns, with policies
			// attached there: what it grants is not known here.
			return nil, false
		}
		if role != nil && role != roles[0] {
			return nil, false
		}
		role = roles[0]
	}
	return role, true
}

// roleGrantsCore tells whether a machine's role has the SSM core
// permissions, through AmazonSSMManagedInstanceCore, the deprecated
// AmazonEC2RoleforSSM, or policies that allow every core action.
func roleGrantsCore(c *hclcheck.Config, m machine) grant {
	return c.Memo(memoKey{"roleGrantsCore", m.r.Addr}, func() any { return coreGrant(c, m) }).(grant)
}

func coreGrant(c *hclcheck.Config, m machine) grant {
	role, ok := roleOf(c, m)
	if !ok {
		return grantUnknown
	}
	rp := policiesOf(c, role)
	for _, p := range rp.managed {
		if p.awsManaged() && (p.name() == policySSMCore || p.name() == policyEC2RoleForSSM) {
			return grantYes
		}
	}
	all := true
	for _, a := range coreActions {
		switch allows(rp.stmts, a, "") {
		case grantUnknown:
			return grantUnknown
		case grantNo:
			all = false
		}
	}
	if all {
		return grantYes
	}
	if rp.unknown {
		return grantUnknown
	}
	for _, p := range rp.managed {
		if p.declared || p.awsManaged() && policiesWithoutCore[p.name()] {
			continue // its document was read, or it is known not to grant
		}
		// A customer policy outside the stack, or an AWS policy we do not
		// know: it may grant the actions.
		return grantUnknown
	}
	return grantNo
}

// dhmcOn reports whether the stack (or configuration) turns on Default
// Host Management Configuration.
func dhmcOn(pass *hclcheck.Pass) bool {
	if pass.Settings().DefaultHostManagement {
		return true
	}
	for _, r := range pass.Config.Resources("aws_ssm_service_setting") {
		if id, ok := hclcheck.KnownSuffix(r.Body.Attr("setting_id")); ok && strings.HasSuffix(id, "/ssm/managed-instance/default-ec2-instance-management-role") {
			return true
		}
	}
	return false
}
