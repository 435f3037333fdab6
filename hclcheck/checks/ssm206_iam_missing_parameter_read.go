package checks

import (
	"strings"

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
		for _, vf := range valueFroms(c, a) {
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

// valueFroms finds the secrets[].valueFrom of container definitions,
// read as a document: a valueFrom computed from a parameter
// (aws_ssm_parameter.db.arn, data.aws_ssm_parameter.db.arn) is that
// parameter's name.
func valueFroms(c *hclcheck.Config, a *hclcheck.Attr) []elem {
	doc, ok, _ := a.Document("JSON")
	if !ok {
		return nil
	}
	defs, _ := doc.Root.([]any)
	var out []elem
	for i := range defs {
		secrets, _ := doc.Get(i, "secrets").([]any)
		for j := range secrets {
			path := []any{i, "secrets", j, "valueFrom"}
			switch v := doc.Get(path...).(type) {
			case string:
				out = append(out, elem{value: v, at: doc.At(path...)})
			case *hclcheck.Placeholder:
				if name, ok := parameterNamed(c, v); ok {
					out = append(out, elem{value: name, at: doc.At(path...)})
				}
			}
		}
	}
	return out
}

// parameterNamed is the parameter a computed value stands for: the name
// of the one parameter (declared, or looked up with a data source) it
// refers to, else the value's pattern (an ARN with unknown parts).
func parameterNamed(c *hclcheck.Config, p *hclcheck.Placeholder) (string, bool) {
	var names []string
	for _, r := range c.ResourcesOf(p.Refs) {
		if r.Type() != "aws_ssm_parameter" {
			continue
		}
		n, _, ok := hclcheck.AttrString(r.Body, "name")
		if !ok {
			return "", false
		}
		names = append(names, n)
	}
	switch {
	case len(names) == 1:
		return names[0], true
	case len(names) == 0 && p.Pattern != "":
		return p.Pattern, true
	}
	return "", false
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
