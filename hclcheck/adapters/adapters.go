// Package adapters holds ssmlint's own Terraform models of the registry
// modules most stacks use, so that a stack that calls them without
// `terraform init` (no .terraform/modules) can still be evaluated.
//
// Each adapter is a small module written for ssmlint from the registry
// module's documented interface: the same inputs, the same outputs, and
// the resources that matter to the Session Manager reachability rules
// (subnets, routes, gateways, endpoints, security groups, instances,
// launch templates, IAM roles and instance profiles), declared at the
// addresses the real module uses. Each file's header says which version
// line it follows and what it leaves out. Values an adapter cannot know
// stay unknown, so rules that meet them stay silent.
package adapters

import (
	"embed"
	"io/fs"
	"path"
	"strings"
)

//go:embed vpc/*.tf vpc_endpoints/*.tf ec2_instance/*.tf autoscaling/*.tf
var tfFiles embed.FS

// registryHost is the public registry's host, which a source may name.
const registryHost = "registry.terraform.io/"

// adapter ties a canonical registry source to its directory here.
type adapter struct {
	source string // namespace/name/provider[//subdir], lower case
	dir    string // directory in files
}

var adapters = []adapter{
	{source: "terraform-aws-modules/vpc/aws", dir: "vpc"},
	{source: "terraform-aws-modules/vpc/aws//modules/vpc-endpoints", dir: "vpc_endpoints"},
	{source: "terraform-aws-modules/ec2-instance/aws", dir: "ec2_instance"},
	{source: "terraform-aws-modules/autoscaling/aws", dir: "autoscaling"},
}

// Lookup returns the adapter for a module source, as written in a module
// block's `source` (the version constraint, a separate attribute, does
// not matter: each adapter follows one version line). Only public
// registry addresses match, with or without the registry.terraform.io
// host, case-insensitively as the registry does; git, GitHub, HTTP, S3
// and local sources, other hosts, query strings and other sub-directories
// do not.
//
// dir is a pseudo directory such as
// "adapter:terraform-aws-modules/vpc/aws" (the sub-directory of
// `//modules/vpc-endpoints` becomes "/modules/vpc-endpoints"), stable and
// distinct for each adapter, for positions in messages; it is never a
// path on disk. files holds the adapter's .tf files by name: dir + "/" +
// file name, so that path.Dir of each name is dir. The contents must not
// be modified.
func Lookup(source string) (dir string, files map[string][]byte, ok bool) {
	a, ok := match(source)
	if !ok {
		return "", nil, false
	}
	dir = "adapter:" + strings.Replace(a.source, "//", "/", 1)
	return dir, read(a.dir, dir), true
}

// match normalizes a source and finds its adapter.
func match(source string) (adapter, bool) {
	s := strings.ToLower(strings.TrimSpace(source))
	s = strings.TrimPrefix(s, registryHost)
	if strings.ContainsAny(s, "?#:") {
		return adapter{}, false // query strings, git::, URLs, hosts with ports
	}
	// A trailing slash on the sub-directory is tolerated.
	if i := strings.Index(s, "//"); i >= 0 {
		s = strings.TrimSuffix(s, "/")
	}
	for _, a := range adapters {
		if s == a.source {
			return a, true
		}
	}
	return adapter{}, false
}

// read returns the .tf files of an embedded directory, named under the
// pseudo directory.
func read(embedded, pseudo string) map[string][]byte {
	entries, err := fs.ReadDir(tfFiles, embedded)
	if err != nil {
		panic("adapters: " + err.Error()) // embedded at build time
	}
	out := make(map[string][]byte, len(entries))
	for _, e := range entries {
		b, err := fs.ReadFile(tfFiles, path.Join(embedded, e.Name()))
		if err != nil {
			panic("adapters: " + err.Error())
		}
		out[pseudo+"/"+e.Name()] = b
	}
	return out
}
