#!/usr/bin/env bash
# plugin-e2e: build a golangci-lint with ssmlint's module plugin the manual
# way (golangci-lint's documented alternative to `golangci-lint custom`,
# which needs to clone from GitHub) and check that it reports SSM601 on
# testdata/crosslang, as go vet -vettool=ssmvet does.
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
# it without decryption, and the inventory ssmlint writes for it.
cp -r "$repo/testdata/crosslang" "$work/fixture"
(cd "$work/fixture" && "$go" mod download && "$ssmlint" --write-inventory inventory.json terraform >/dev/null)
cat > "$work/fixture/.golangci.yml" <<'YML'
version: "2"
linters:
  default: none
  enable: [ssmlint]
  settings:
    custom:
      ssmlint:
        type: module
        description: AWS Systems Manager mistakes in Go (SSM6xx)
        settings:
          inventory: inventory.json
YML

# 4. Run it and check the report.
set +e
out=$(cd "$work/fixture" && "$work/custom-gcl" run ./... 2>&1)
code=$?
set -e
echo "$out"
want='app/config.go:13:35: ssm601: GetParameter reads "/app/db/dsn" without WithDecryption, so a SecureString comes back encrypted: declared SecureString by aws_ssm_parameter.dsn at terraform/main.tf:8 (ssmlint)'
if [ $code -ne 1 ] || ! grep -qF "$want" <<<"$out"; then
	echo "plugin-e2e: FAIL: want exit 1 and a line containing:" >&2
	echo "$want" >&2
	exit 1
fi
if grep -q '/app/region' <<<"$out"; then
	echo "plugin-e2e: FAIL: the plain String /app/region was reported" >&2
	exit 1
fi
echo "plugin-e2e: ok (custom golangci-lint $version with the ssmlint plugin reports SSM601)"
