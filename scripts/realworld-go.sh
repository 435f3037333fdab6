#!/usr/bin/env bash
# realworld-go.sh: how one ssmlint binary's Go analyzers (SSM601-SSM609)
# behave on checked-out real-world Go modules (the corpus in
# shared/realworld/go.tsv).
#
# Each MODULE_DIR is a directory inside a Go module (a repository checkout
# plus the corpus's go_module_dir). It is scanned once, the way a user
# would in CI: cd MODULE_DIR && ssmlint --format json --fail-on warning .
# with only the Go analyzers on (--only SSM6; the Terraform under the
# directory is still read for the parameter inventory SSM601 and SSM607
# use) and a 600 s timeout. ssmlint builds the packages with the go
# command (GOTOOLCHAIN=local, -mod=readonly), so warm the module cache
# first (go mod download in each module): a module that needs a newer Go
# or a dependency the module proxy refuses shows up as the run's error.
#
# It writes OUTDIR/runs.jsonl, one line per run:
#   repo (the directory holding .git above MODULE_DIR, else MODULE_DIR),
#   dir (MODULE_DIR relative to it), exit, secs (wall time),
#   by_rule {RULE: count}, errors [{file, line, message}],
#   findings [{rule, file, line, message}] (file relative to dir)
# and keeps each run's raw report and stderr under OUTDIR/raw/.
#
# Usage: scripts/realworld-go.sh BIN OUTDIR MODULE_DIR...
# Needs bash, coreutils, timeout, jq and a Go toolchain on PATH.
set -u

[ $# -ge 3 ] || { echo "usage: $0 BIN OUTDIR MODULE_DIR..." >&2; exit 64; }
command -v jq >/dev/null || { echo "$0: jq is required" >&2; exit 69; }
command -v go >/dev/null || { echo "$0: the go command is required" >&2; exit 69; }
bin=$(realpath "$1") out=$(realpath -m "$2"); shift 2
limit=600
export GOTOOLCHAIN=local
mkdir -p "$out/raw"; : > "$out/runs.jsonl"

for mod_dir in "$@"; do
	mod_dir=$(realpath "$mod_dir") top=$mod_dir
	while [ "$top" != / ] && [ ! -e "$top/.git" ]; do top=$(dirname "$top"); done
	[ "$top" = / ] && top=$mod_dir
	repo=$(basename "$top") dir=${mod_dir#"$top"}; dir=${dir#/}
	raw="$out/raw/$repo/$(echo "$dir" | tr / '%')"; [ -z "$dir" ] && raw="$out/raw/$repo/%root"
	mkdir -p "$(dirname "$raw")"
	start=$(date +%s%N)
	(cd "$mod_dir" && timeout -k 30 "$limit" "$bin" --format json --fail-on warning \
		--only SSM6 . </dev/null >"$raw.json" 2>"$raw.stderr")
	rc=$? ms=$(( ($(date +%s%N) - start) / 1000000 ))
	# -n with input: an empty report (ssmlint killed) is a failure, not no line.
	{ jq -cn --arg repo "$repo" --arg dir "$dir" --argjson rc "$rc" --argjson ms "$ms" 'input | {
		repo: $repo, dir: $dir, exit: $rc, secs: ($ms / 1000),
		by_rule: (reduce .findings[] as $f ({}; .[$f.rule] += 1)),
		errors: [.errors[] | {file, line, message}],
		findings: [.findings[] | {rule, file, line, message}]}' "$raw.json" 2>/dev/null ||
	jq -nc --arg repo "$repo" --arg dir "$dir" --argjson rc "$rc" --argjson ms "$ms" \
		--arg limit "$limit" --rawfile err "$raw.stderr" '{repo: $repo, dir: $dir,
		exit: $rc, secs: ($ms / 1000), by_rule: {}, findings: [],
		errors: [{file: "", line: 0, message: (if $rc == 124 or $rc == 137
			then "timed out after \($limit) s; " else "" end
			+ "no JSON report; stderr: " + $err[0:500])}]}'; } >>"$out/runs.jsonl"
	echo "$repo${dir:+/$dir}: exit $rc, $((ms / 1000)) s" >&2
done
