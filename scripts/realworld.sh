#!/usr/bin/env bash
# realworld.sh: how one ssmlint binary behaves on checked-out real-world
# Terraform repositories (the corpus in shared/realworld/terraform.tsv).
#
# For every repository it scans the root and every directory that directly
# holds a .tf, .tf.json or .tofu file (skipping .git/ and .terraform/), each
# the way a user would: cd DIR && ssmlint --format json --fail-on warning .
# with the Go analyzers (SSM601-SSM609) off and a 120 s timeout per run.
#
# It writes OUTDIR/runs.jsonl, one line per run:
#   repo, dir (relative to the repository), exit, secs (wall time),
#   by_rule {RULE: count}, errors [{file, line, message}],
#   findings [{rule, file, line, message}] (file relative to dir)
# and keeps each run's raw report and stderr under OUTDIR/raw/.
#
# Usage: scripts/realworld.sh BIN OUTDIR REPO_DIR...
# Needs bash, coreutils, find, timeout and jq.
set -u

[ $# -ge 3 ] || { echo "usage: $0 BIN OUTDIR REPO_DIR..." >&2; exit 64; }
command -v jq >/dev/null || { echo "$0: jq is required" >&2; exit 69; }
bin=$(realpath "$1") out=$(realpath -m "$2"); shift 2
go_rules=SSM601,SSM602,SSM603,SSM604,SSM605,SSM606,SSM607,SSM608,SSM609
mkdir -p "$out/raw"; : > "$out/runs.jsonl"

for repo_dir in "$@"; do
	repo_dir=$(realpath "$repo_dir") repo=$(basename "$repo_dir")
	dirs=$( { echo .; cd "$repo_dir" && find . \( -name .git -o -name .terraform \) -prune -o \
		-type f \( -name '*.tf' -o -name '*.tf.json' -o -name '*.tofu' \) -printf '%h\n'; } | sort -u)
	while IFS= read -r dir; do
		raw="$out/raw/$repo/$(echo "${dir#./}" | tr / '%')"; [ "$dir" = . ] && raw="$out/raw/$repo/%root"
		mkdir -p "$(dirname "$raw")"
		start=$(date +%s%N)
		(cd "$repo_dir/$dir" && timeout 120 "$bin" --format json --fail-on warning \
			--disable "$go_rules" . </dev/null >"$raw.json" 2>"$raw.stderr")
		rc=$? ms=$(( ($(date +%s%N) - start) / 1000000 ))
		jq -c --arg repo "$repo" --arg dir "${dir#./}" --argjson rc "$rc" --argjson ms "$ms" '{
			repo: $repo, dir: (if $dir == "." then "" else $dir end), exit: $rc, secs: ($ms / 1000),
			by_rule: (reduce .findings[] as $f ({}; .[$f.rule] += 1)),
			errors: [.errors[] | {file, line, message}],
			findings: [.findings[] | {rule, file, line, message}]}' "$raw.json" 2>/dev/null ||
		jq -nc --arg repo "$repo" --arg dir "${dir#./}" --argjson rc "$rc" --argjson ms "$ms" \
			--rawfile err "$raw.stderr" '{repo: $repo, dir: (if $dir == "." then "" else $dir end),
			exit: $rc, secs: ($ms / 1000), by_rule: {}, findings: [],
			errors: [{file: "", line: 0, message: ("no JSON report; stderr: " + $err[0:500])}]}'
	done <<<"$dirs" >>"$out/runs.jsonl"
	echo "$repo: $(echo "$dirs" | wc -l) runs" >&2
done
