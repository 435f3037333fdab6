package checks

import (
	"encoding/json"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// managedParameterRead tells what AWS managed policies grant of
// ssm:GetParameters; a policy missing here may grant it (unknown).
var managedParameterRead = map[string]grant{
	// ssm:GetParameter and ssm:GetParameters on every parameter (AWS
	// managed policy reference, AmazonSSMManagedInstanceCore v2).
	"AmazonSSMManagedInstanceCore":       grantYes,
	"AmazonECSTaskExecutionRolePolicy":   grantNo,
	"AmazonEC2ContainerRegistryReadOnly": grantNo,
	"AmazonS3ReadOnlyAccess":             grantNo,
	"CloudWatchAgentServerPolicy":        grantNo,
	"AmazonSSMReadOnlyAccess":            grantYes,
}

// iamMissingParameterRead reports ECS task definitions whose execution
// role may not read a parameter a container takes as a secret
// (secrets[].valueFrom): ECS calls ssm:GetParameters with that role when
// it starts the task, and the task fails to start.
func iamMissingParameterRead(pass *hclcheck.Pass) {
	c := pass.Config
	consumersMissingRead(pass)
	for _, td := range c.Resources("aws_ecs_task_definition") {
		roles, ok := resolveAll(c, td.Body.Attr("execution_role_arn"), "aws_iam_role")
		if !ok || len(roles) != 1 {
			continue
		}
		role := roles[0]
		rp := policiesOf(c, role)
		if rp.unknown || managedMayRead(rp) {
			continue
		}
		a := td.Body.Attr("container_definitions")
		if a == nil {
			continue
		}
		for _, vf := range valueFroms(a) {
			target, ok := parameterARNFor(vf.value)
			if !ok {
				continue
			}
			if allows(rp.stmts, "ssm:GetParameters", target) != grantNo {
				continue
			}
			pass.Report(td, vf.at, "container_definitions",
				"the execution role of %s (%s) may not call ssm:GetParameters on %s (no statement allows it, or a Deny takes it back): ECS cannot fetch this secret and the task fails to start",
				td.Addr, role.Addr, strings.ReplaceAll(vf.value, hclcheck.Unknown, "${…}"))
		}
	}
}

// managedMayRead reports an attached managed policy that grants, or may
// grant, ssm:GetParameters.
func managedMayRead(rp rolePolicies) bool {
	for _, p := range rp.managed {
		if p.declared {
			continue // its statements were read
		}
		if g, ok := managedParameterRead[p.name()]; !p.awsManaged() || !ok || g != grantNo {
			return true
		}
	}
	return false
}

// parameterARNFor turns a valueFrom (a parameter name, or a parameter ARN)
// into the ARN IAM checks; false for Secrets Manager and anything else.
func parameterARNFor(v string) (string, bool) {
	if strings.HasPrefix(v, "arn:") {
		parts := strings.SplitN(v, ":", 6)
		if len(parts) == 6 && parts[2] == "ssm" && strings.HasPrefix(parts[5], "parameter/") {
			return v, true
		}
		return "", false
	}
	if v == "" || strings.Contains(v, hclcheck.Unknown) {
		return "", false
	}
	return "arn:aws:ssm:" + hclcheck.Unknown + ":" + hclcheck.Unknown + ":parameter/" + strings.TrimPrefix(v, "/"), true
}

// valueFroms finds the secrets[].valueFrom of container definitions:
// element by element in jsonencode([...]), else in the JSON value.
func valueFroms(a *hclcheck.Attr) []elem {
	if call, ok := a.Expr().(*hclsyntax.FunctionCallExpr); ok && call.Name == "jsonencode" && len(call.Args) == 1 {
		if out, ok := hclValueFroms(a, call.Args[0]); ok {
			return out
		}
	}
	s, ok := hclcheck.String(a.Value())
	if !ok {
		return nil
	}
	var defs []struct {
		Secrets []struct {
			ValueFrom string `json:"valueFrom"`
		} `json:"secrets"`
	}
	if json.Unmarshal([]byte(s), &defs) != nil {
		return nil
	}
	var out []elem
	for _, d := range defs {
		for _, sec := range d.Secrets {
			out = append(out, elem{value: sec.ValueFrom, at: a.Range()})
		}
	}
	return out
}

func hclValueFroms(a *hclcheck.Attr, x hclsyntax.Expression) ([]elem, bool) {
	list, ok := x.(*hclsyntax.TupleConsExpr)
	if !ok {
		return nil, false
	}
	var out []elem
	for _, cd := range list.Exprs {
		obj, ok := cd.(*hclsyntax.ObjectConsExpr)
		if !ok {
			return nil, false
		}
		sx := item(a, obj, "secrets")
		if sx == nil {
			continue
		}
		secrets, ok := sx.(*hclsyntax.TupleConsExpr)
		if !ok {
			return nil, false
		}
		for _, se := range secrets.Exprs {
			so, ok := se.(*hclsyntax.ObjectConsExpr)
			if !ok {
				return nil, false
			}
			vx := item(a, so, "valueFrom")
			if vx == nil {
				continue
			}
			if v, _, ok := a.Pattern(vx); ok {
				out = append(out, elem{value: v, at: vx.Range()})
			}
		}
	}
	return out, true
}

// consumersMissingRead checks the reads that configuration declares
// (consumers: role address -> parameter names or "/path/*"): a name needs
// ssm:GetParameter on it, a path ssm:GetParametersByPath on the path.
func consumersMissingRead(pass *hclcheck.Pass) {
	c := pass.Config
	for addr, names := range pass.Settings().Consumers {
		role := c.Resource(addr)
		if role == nil || role.Type() != "aws_iam_role" {
			continue // not in this configuration
		}
		rp := policiesOf(c, role)
		if rp.unknown || managedMayRead(rp) {
			continue
		}
		for _, n := range names {
			action, name := "ssm:GetParameter", n
			if strings.HasSuffix(n, "/*") {
				action, name = "ssm:GetParametersByPath", strings.TrimSuffix(n, "/*")
			}
			arn, _ := parameterARNFor(name)
			if allows(rp.stmts, action, arn) != grantNo {
				continue
			}
			pass.Report(role, role.DefRange(), "policy",
				"%s reads %s (consumers in the configuration), but its policies do not allow %s on it: the application gets AccessDenied", role.Addr, n, action)
		}
	}
}
