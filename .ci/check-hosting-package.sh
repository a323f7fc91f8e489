#!/usr/bin/env bash
# Proves that ServicePolicy.Hosting packs as a package of its own (package validation across net8.0 and net10.0
# runs on pack) with lib/net8.0 and lib/net10.0 and a dependency on ServicePolicy and Polly.Core, and carries none of
# the core's assemblies. Run from the project root: bash .ci/check-hosting-package.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work="$(pwd)/artifacts/hosting-package"
version="0.0.0-ci.$(date -u +%Y%m%d%H%M%S).$$"
fail() { echo "check-hosting-package: FAIL: $*" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work/feed"
dotnet pack src/ServicePolicy.Hosting -c Release -o "$work/feed" -p:Version="$version" \
    --artifacts-path "$work/build" -nologo -v:q > "$work/pack.log" 2>&1 \
    || { cat "$work/pack.log" >&2; fail "dotnet pack src/ServicePolicy.Hosting failed"; }

nupkg="$work/feed/ServicePolicy.Hosting.$version.nupkg"
[ -f "$nupkg" ] || fail "expected $nupkg after packing"
python3 - "$nupkg" "$version" <<'PY' || fail "unexpected package content (above)"
import re, sys, zipfile
path, version = sys.argv[1], sys.argv[2]
names = zipfile.ZipFile(path).namelist()
problems = []
for tfm in ("net8.0", "net10.0"):
    if f"lib/{tfm}/ServicePolicy.Hosting.dll" not in names:
        problems.append(f"missing lib/{tfm}/ServicePolicy.Hosting.dll")
if any(re.search(r"/ServicePolicy\.dll$", n) for n in names):
    problems.append("the core assembly is packed inside the hosting package")
nuspec = zipfile.ZipFile(path).read(next(n for n in names if n.endswith(".nuspec"))).decode()
for dep in ("ServicePolicy", "Polly.Core"):
    if not re.search(rf'<dependency id="{re.escape(dep)}"', nuspec):
        problems.append(f"no dependency on {dep}")
for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
echo "check-hosting-package: ServicePolicy.Hosting $version packs with lib/net8.0, lib/net10.0 and its dependencies"
