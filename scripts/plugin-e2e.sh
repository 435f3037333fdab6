#!/usr/bin/env bash
# plugin-e2e: build a golangci-lint with ssmlint's module plugin the manual
# way (golangci-lint's documented alternative to `golangci-lint custom`,
# which needs to clone from GitHub) and check, on testdata/crosslang, that
# it reports SSM601 as go vet -vettool=ssmvet does, from the module root
# and from a package's directory (the inventory relative to the
# configuration), that the suppressed reads of testdata/suppressed-go stay
# silent, and that a missing inventory is a warning that does not stop the
# other linters.
#
# Usage: scripts/plugin-e2e.sh GOLANGCI_VERSION SSMLINT_BIN WORKDIR
set -euo pipefail

version=$1 ssmlint=$2 work=$3
repo=$(cd "$(dirname "$0")/.." && pwd)
go=${GO:-go}

rm -rf "$work"
mkdir -p "$work"

# 1. golangci-lint's source at the pinned version, through the module proxy.
src=$("$go" mod download -json "github.com/golangci/golangci-lint/v2@$version" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
cp -r "$src" "$work/golangci-lint"
chmod -R u+w "$work/golangci-lint"

# 2. The plugin, imported blank into its main package, from this tree.
cat > "$work/golangci-lint/cmd/golangci-lint/plugin_ssmlint.go" <<'GO'
package main

import _ "github.com/ssmlint/ssmlint/plugin"
GO
(
	cd "$work/golangci-lint"
	"$go" mod edit -require=github.com/ssmlint/ssmlint@v0.0.0 -replace="github.com/ssmlint/ssmlint=$repo"
	"$go" mod tidy
	"$go" build -o "$work/custom-gcl" ./cmd/golangci-lint
)

# 3. The fixture: Terraform declaring /app/db/dsn SecureString, Go reading
# it without decryption (app/config.go), the same reads suppressed
# (testdata/suppressed-go: //ssmlint:ignore SSM601 -- reason, and
# //nolint:ssmlint), a printf mistake for govet, and the inventory ssmlint
# writes. The configuration names the inventory relative to itself, and
# enables nolintlint, which reports a //nolint that suppresses nothing.
cp -r "$repo/testdata/crosslang" "$work/fixture"
cp "$repo/testdata/suppressed-go/suppressed.go" "$work/fixture/app/suppressed.go"
cat > "$work/fixture/app/printf.go" <<'GO'
package app

import "fmt"

// Count prints n with a verb for strings: govet's printf check reports it.
func Count(n int) { fmt.Printf("%s\n", n) }
GO
(cd "$work/fixture" && "$go" mod download && "$ssmlint" --write-inventory inventory.json terraform >/dev/null)
config() { # config INVENTORY LINTERS...
	local inv=$1
	shift
	cat <<YML
version: "2"
linters:
  default: none
  enable: [$(IFS=,; echo "$*")]
  settings:
    custom:
      ssmlint:
        type: module
        description: AWS Systems Manager mistakes in Go (SSM6xx)
        settings:
          inventory: $inv
YML
}
config inventory.json ssmlint nolintlint >"$work/fixture/.golangci.yml"
config missing.json ssmlint govet >"$work/fixture/missing.golangci.yml"

fail() {
	echo "plugin-e2e: FAIL: $*" >&2
	exit 1
}

# gcl DIR NAME ARGS...: run the custom golangci-lint in DIR (its own
# cache, so that no run reuses another's issues) and set out and code.
gcl() {
	local dir=$1 name=$2
	shift 2
	set +e
	out=$(cd "$dir" && GOLANGCI_LINT_CACHE="$work/cache-$name" "$work/custom-gcl" run "$@" 2>&1)
	code=$?
	set -e
	echo "--- golangci-lint run $* (in ${dir#"$work"/}):"
	echo "$out"
}

finding='config.go:13:35: ssm601: GetParameter reads "/app/db/dsn" without WithDecryption, so a SecureString comes back encrypted: declared SecureString by aws_ssm_parameter.dsn at terraform/main.tf:8 (ssmlint)'

# 4. From the module root: SSM601 on config.go with the Terraform's
# evidence; nothing on the suppressed reads (nor a nolintlint report that
# their //nolint:ssmlint is unused: golangci-lint applied it), nothing on
# the plain String /app/region.
gcl "$work/fixture" root ./...
[ $code -eq 1 ] && grep -qF "app/$finding" <<<"$out" || fail "want exit 1 and a line containing: app/$finding"
[ "$(grep -c '(ssmlint)' <<<"$out")" -eq 1 ] || fail "want one ssmlint issue, the suppressed reads silent"
! grep -q 'suppressed.go' <<<"$out" || fail "a suppressed read, or its //nolint, was reported"
! grep -q '/app/region' <<<"$out" || fail "the plain String /app/region was reported"

# 5. From the package's directory, as editors run it: golangci-lint finds
# the configuration above, and the plugin reads the inventory next to it.
gcl "$work/fixture/app" subdir ./...
[ $code -eq 1 ] && grep -qF "$finding" <<<"$out" || fail "from app/: want exit 1 and a line containing: $finding"
! grep -q 'ssmlint plugin: warning' <<<"$out" || fail "from app/: the inventory was not read"

# 6. An inventory that cannot be read is a warning for ssmlint alone: the
# other linters run and report, ssmlint runs without the inventory (so it
# cannot know /app/db/dsn is a SecureString).
gcl "$work/fixture" missing -c missing.golangci.yml ./...
[ $code -eq 1 ] && grep -q 'printf.go:.*(govet)' <<<"$out" || fail "with a missing inventory: want exit 1 and govet's printf report"
grep -q 'ssmlint plugin: warning: .*missing.json' <<<"$out" || fail "with a missing inventory: want the plugin's warning naming missing.json"
! grep -q '(ssmlint)' <<<"$out" || fail "with a missing inventory: ssmlint reported /app/db/dsn"

echo "plugin-e2e: ok (custom golangci-lint $version with the ssmlint plugin reports SSM601, from the root and from app/, keeps suppressed reads silent, and warns about a missing inventory)"
