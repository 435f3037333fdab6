// Package bench holds ssmlint's performance harness: a deterministic
// generator of synthetic Terraform corpora (Generate), the parse floor
// (ParseFloor: reading and parsing every file with hclsyntax, which ssmlint
// cannot beat), and the Go benchmarks comparing the two. The commands
// gencorpus, parsefloor and benchrun, in the separate tools module
// (tools/ at the repository's root), drive them.
package bench

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// GeneratorVersion changes whenever Generate's output for a given seed and
// size changes, so that cached corpora (benchrun's ./.bench) are rebuilt.
const GeneratorVersion = 2

// Options select the corpus.
type Options struct {
	// Files is the approximate number of files (.tf and .tfvars) to write.
	// The result is at least Files and at most one stack (~15 files)
	// more, once Files is above the fixed part: the shared module and
	// modules/, 39 files.
	Files int
	// Seed makes the corpus: the same seed and Files give the same bytes.
	Seed uint64
}

// Stats describe a generated corpus.
type Stats struct {
	Files    int // .tf and .tfvars files written
	Lines    int
	Bytes    int
	Examples int // examples/NAME roots, each calling the shared module at the corpus root
	Stacks   int // stacks/ENV/NAME roots, each calling modules/*
}

// Stamp is a one-line description of what Generate writes for opt; a
// cached corpus with the same stamp has the same content.
func Stamp(opt Options) string {
	return fmt.Sprintf("ssmlint-bench-corpus v%d seed=%d files=%d", GeneratorVersion, opt.Seed, opt.Files)
}

// StampFile is the name of the file, in the corpus root, holding Stamp.
// It is not a Terraform file, so scanners ignore it.
const StampFile = ".corpus-stamp"

// Generate writes a synthetic Terraform corpus into dir (created if
// needed; it should be empty). Layout:
//
//	*.tf                 a shared module (~20 files) at the root
//	examples/NAME/       roots calling the shared module (source = "../../")
//	modules/NAME/        a few local modules
//	stacks/ENV/NAME/     roots with tfvars calling modules/* and holding
//	                     most of the resources of their own
//
// The mix of resources is what an AWS estate using Systems Manager
// typically has; a share of the Parameter Store resources is wrong on
// purpose (secret names on String parameters, literal SecureString values,
// invalid names, Advanced tier for small values, oversized values, the
// high-throughput setting) so that a scan reports findings.
func Generate(dir string, opt Options) (Stats, error) {
	if opt.Files <= 0 {
		return Stats{}, fmt.Errorf("bench: Files must be positive")
	}
	g := &gen{
		dir: dir,
		rng: rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15)),
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Stats{}, err
	}
	g.sharedModule()
	g.localModules()
	fixed := g.stats.Files
	var exampleFiles int
	for i := 0; g.err == nil && g.stats.Files < opt.Files; i++ {
		// About 55% of the non-fixed files are examples, the rest stacks.
		rest := g.stats.Files - fixed
		if float64(exampleFiles) <= 0.55*float64(rest) {
			before := g.stats.Files
			g.example(g.stats.Examples)
			g.stats.Examples++
			exampleFiles += g.stats.Files - before
		} else {
			g.stack(g.stats.Stacks)
			g.stats.Stacks++
		}
	}
	if g.err == nil {
		g.err = os.WriteFile(filepath.Join(dir, StampFile), []byte(Stamp(opt)+"\n"), 0o644)
	}
	return g.stats, g.err
}

// gen is the state of one Generate call.
type gen struct {
	dir   string
	rng   *rand.Rand
	stats Stats
	err   error
}

// file writes one file (path relative to the corpus root).
func (g *gen) file(rel string, w *hw) {
	if g.err != nil {
		return
	}
	p := filepath.Join(g.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		g.err = err
		return
	}
	src := w.String()
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		g.err = err
		return
	}
	g.stats.Files++
	g.stats.Lines += strings.Count(src, "\n")
	g.stats.Bytes += len(src)
}

// Random helpers. All randomness goes through g.rng, in program order, so
// the output depends only on the seed and the size.

func (g *gen) intn(n int) int            { return g.rng.IntN(n) }
func (g *gen) between(lo, hi int) int    { return lo + g.rng.IntN(hi-lo+1) }
func (g *gen) chance(p float64) bool     { return g.rng.Float64() < p }
func (g *gen) pick(xs ...string) string  { return xs[g.rng.IntN(len(xs))] }
func (g *gen) pickOf(xs []string) string { return xs[g.rng.IntN(len(xs))] }

// target is a file length in lines, 40 to 150, most between 60 and 110;
// the block that reaches it adds up to ~45 more.
func (g *gen) target() int {
	n := 40 + g.rng.IntN(45) + g.rng.IntN(45) + g.rng.IntN(30)
	return min(n, 150)
}

// subset returns k distinct elements of xs, in xs order.
func (g *gen) subset(xs []string, k int) []string {
	idx := g.rng.Perm(len(xs))[:min(k, len(xs))]
	keep := make([]bool, len(xs))
	for _, i := range idx {
		keep[i] = true
	}
	var out []string
	for i, x := range xs {
		if keep[i] {
			out = append(out, x)
		}
	}
	return out
}

// hw builds one HCL file.
type hw struct {
	b     strings.Builder
	lines int
}

// l writes one line (format and args as fmt.Sprintf; with no args the
// format is written as is).
func (w *hw) l(format string, args ...any) {
	if len(args) > 0 {
		format = fmt.Sprintf(format, args...)
	}
	w.b.WriteString(format)
	w.b.WriteByte('\n')
	w.lines++
}

// blank writes an empty line.
func (w *hw) blank() { w.l("") }

// text writes a block of lines verbatim (a trailing newline is added when
// missing).
func (w *hw) text(s string) {
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	w.b.WriteString(s)
	w.lines += strings.Count(s, "\n")
}

// kv is one attribute for group.
type kv struct{ k, v string }

// group writes attributes aligned as terraform fmt does.
func (w *hw) group(indent int, kvs ...kv) {
	width := 0
	for _, p := range kvs {
		width = max(width, len(p.k))
	}
	pad := strings.Repeat("  ", indent)
	for _, p := range kvs {
		w.l("%s%-*s = %s", pad, width, p.k, p.v)
	}
}

func (w *hw) String() string { return w.b.String() }

// q quotes a string for HCL (the generator never needs escapes beyond
// what %q gives, and never writes "${" through q).
func q(s string) string { return fmt.Sprintf("%q", s) }

// Name pools.
var (
	apps = []string{
		"billing", "orders", "payments", "search", "catalog", "inventory", "auth",
		"reporting", "ledger", "notifications", "gateway", "scheduler", "ingest",
		"analytics", "media", "profile", "shipping", "pricing", "checkout", "audit",
	}
	envs     = []string{"dev", "staging", "prod", "qa", "sandbox", "perf"}
	regions  = []string{"us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "ap-northeast-1"}
	variants = []string{
		"complete", "minimal", "private-only", "with-patching", "multi-az", "single-nat",
		"endpoints-only", "bastion", "advanced-parameters", "autoscaling", "kms-cmk", "logging",
	}
	teams         = []string{"platform", "payments", "data", "identity", "sre", "growth", "core"}
	instanceTypes = []string{"t3.micro", "t3.small", "t3.medium", "m6i.large", "c6i.large", "r6i.large", "t4g.small"}
	configWords   = []string{
		"log_level", "feature_flags", "max_connections", "timeout_seconds", "queue_url",
		"db_host", "db_port", "cache_endpoint", "bucket_name", "retry_limit", "batch_size",
		"upstream_url", "region_override", "sampling_rate", "worker_count", "pool_size",
		"cors_origins", "read_replica_host", "smtp_host", "metrics_namespace",
	}
	secretWords = []string{
		"db_password", "api_key", "client_secret", "stripe_token", "admin_password",
		"private_key", "webhook_secret", "oauth_token", "smtp_password", "jwt_secret",
	}
	// badNames are parameter names AWS rejects (SSM203).
	badNames = []string{
		"ssm-agent/version", "aws/reserved/flag", "app config/%s", "%s/db/host",
		"/%s/db host", "/%s/config:v2", "/%s/feature flags", "awsconfig-%s",
	}
)
