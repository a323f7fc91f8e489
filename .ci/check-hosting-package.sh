#!/usr/bin/env bash
# Proves that the hosting packages pack as packages of their own (package validation across net8.0 and net10.0 runs
# on pack), each with lib/net8.0 and lib/net10.0, its dependencies, and none of the assemblies it depends on:
#   ServicePolicy.Hosting             -> ServicePolicy, Polly.Core
#   ServicePolicy.Hosting.Sqlite      -> ServicePolicy.Hosting, Microsoft.Data.Sqlite
#   ServicePolicy.Hosting.PostgreSql  -> ServicePolicy.Hosting, Npgsql
# Run from the project root: bash .ci/check-hosting-package.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work="$(pwd)/artifacts/hosting-package"
version="0.0.0-ci.$(date -u +%Y%m%d%H%M%S).$$"
fail() { echo "check-hosting-package: FAIL: $*" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work/feed"
check() {
    local package="$1" inside_forbidden="$2"; shift 2
    dotnet pack "src/$package" -c Release -o "$work/feed" -p:Version="$version" \
        --artifacts-path "$work/build" -nologo -v:q > "$work/pack-$package.log" 2>&1 \
        || { cat "$work/pack-$package.log" >&2; fail "dotnet pack src/$package failed"; }
    local nupkg="$work/feed/$package.$version.nupkg"
    [ -f "$nupkg" ] || fail "expected $nupkg after packing"
    python3 - "$nupkg" "$package" "$inside_forbidden" "$@" <<'PY' || fail "unexpected content in $package (above)"
import re, sys, zipfile
path, package, forbidden, deps = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
archive = zipfile.ZipFile(path)
names = archive.namelist()
problems = []
for tfm in ("net8.0", "net10.0"):
    if f"lib/{tfm}/{package}.dll" not in names:
        problems.append(f"missing lib/{tfm}/{package}.dll")
for assembly in forbidden.split(","):
    if any(n.endswith(f"/{assembly}.dll") for n in names):
        problems.append(f"{assembly}.dll is packed inside {package}")
nuspec = archive.read(next(n for n in names if n.endswith(".nuspec"))).decode()
for dep in deps:
    if not re.search(rf'<dependency id="{re.escape(dep)}"', nuspec):
        problems.append(f"no dependency on {dep}")
for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
    echo "check-hosting-package: $package $version packs with lib/net8.0, lib/net10.0 and depends on $*"
}
check ServicePolicy.Hosting ServicePolicy ServicePolicy Polly.Core
check ServicePolicy.Hosting.Sqlite ServicePolicy,ServicePolicy.Hosting ServicePolicy.Hosting Microsoft.Data.Sqlite
check ServicePolicy.Hosting.PostgreSql ServicePolicy,ServicePolicy.Hosting ServicePolicy.Hosting Npgsql
