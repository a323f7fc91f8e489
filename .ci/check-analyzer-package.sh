#!/usr/bin/env bash
# Proves that the packed ServicePolicy package carries working analyzers (issue 5). Run from the
# project root: bash .ci/check-analyzer-package.sh
#
# 1. `dotnet pack src/ServicePolicy` with a unique version into artifacts/package-consumer/feed
#    (a fresh version, so a stale package in the NuGet cache can never be used);
# 2. checks the nupkg holds lib/net8.0, lib/net10.0 (each with the fr and de satellite resource
#    assemblies of the customer-facing text, docs/customer-text.md) and both analyzer assemblies under
#    analyzers/dotnet/cs/;
# 3. builds each project in $projects from that folder (a PackageReference, not a project reference)
#    and checks that its SP1001/SP1002/SP1003 warnings are exactly the ones its "// expect: SPxxxx"
#    comments name, at those lines, and that nothing else is reported: tests/ServicePolicy.PackageConsumer
#    (every form the rules cover) and samples/AnalyzerDemo (the sample a new user builds, issue 8).
# Exits non-zero, saying what differs, on any mismatch; prints one OK line per project otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

root="$(pwd)"
work="$root/artifacts/package-consumer"
feed="$work/feed"
# Both take the package version from -p:ServicePolicyPackageVersion and the feed as a restore source.
projects=(tests/ServicePolicy.PackageConsumer samples/AnalyzerDemo)
version="0.0.0-ci.$(date -u +%Y%m%d%H%M%S).$$"

fail() { echo "check-analyzer-package: FAIL: $*" >&2; exit 1; }

global_packages="$(dotnet nuget locals global-packages --list | sed -E 's/^global-packages: //')"
cleanup() { rm -rf "${global_packages:?}/servicepolicy/$version"; }
trap cleanup EXIT

rm -rf "$work"
mkdir -p "$feed"

echo "check-analyzer-package: packing ServicePolicy $version"
dotnet pack src/ServicePolicy -c Release -o "$feed" -p:Version="$version" \
    --artifacts-path "$work/build" -nologo -v:q > "$work/pack.log" 2>&1 \
    || { cat "$work/pack.log" >&2; fail "dotnet pack src/ServicePolicy failed"; }

nupkg="$feed/ServicePolicy.$version.nupkg"
[ -f "$nupkg" ] || fail "expected $nupkg after packing"

python3 - "$nupkg" <<'PY' || fail "the package does not have the expected layout"
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
required = [
    "lib/net8.0/ServicePolicy.dll",
    "lib/net10.0/ServicePolicy.dll",
    "lib/net8.0/fr/ServicePolicy.resources.dll",
    "lib/net8.0/de/ServicePolicy.resources.dll",
    "lib/net10.0/fr/ServicePolicy.resources.dll",
    "lib/net10.0/de/ServicePolicy.resources.dll",
    "analyzers/dotnet/cs/ServicePolicy.Analyzers.dll",
    "analyzers/dotnet/cs/ServicePolicy.Analyzers.CodeFixes.dll",
]
missing = [n for n in required if n not in names]
for n in missing:
    print(f"  missing from the package: {n}", file=sys.stderr)
leaked = [n for n in names if n.startswith("lib/") and "CodeAnalysis" in n]
for n in leaked:
    print(f"  Roslyn assembly leaked into lib/: {n}", file=sys.stderr)
sys.exit(1 if missing or leaked else 0)
PY
echo "check-analyzer-package: package layout OK"

# check_warnings PROJECT_DIR: builds the project against the packed package and compares its SP
# warnings with its "// expect:" comments. Prints the differences and returns non-zero on a mismatch.
check_warnings() {
    local project="$1" name log status=0
    name="$(basename "$project")"
    log="$work/$name-build.log"
    echo "check-analyzer-package: building $name against the package"
    # Real paths in the warnings (no /_/ path map), whatever CI sets.
    dotnet build "$project" -c Release -p:ServicePolicyPackageVersion="$version" \
        -p:RestoreAdditionalProjectSources="$feed" \
        -p:ContinuousIntegrationBuild=false -p:DeterministicSourcePaths=false \
        --artifacts-path "$work/$name" --no-incremental -nologo -clp:NoSummary \
        > "$log" 2>&1 || status=$?
    if [ "$status" -ne 0 ]; then
        cat "$log" >&2
        echo "check-analyzer-package: FAIL: $name did not build (log: $log)" >&2
        return 1
    fi

    python3 - "$root/$project" "$name" "$log" <<'PY'
import os, re, sys
project, name, log = sys.argv[1], sys.argv[2], sys.argv[3]

# (file, line, rule) -> how many times the line's "// expect:" comment names the rule
want = {}
for dirpath, dirnames, filenames in os.walk(project):
    dirnames[:] = [d for d in dirnames if d not in ("bin", "obj")]
    for filename in filenames:
        if not filename.endswith(".cs"):
            continue
        path = os.path.join(dirpath, filename)
        rel = os.path.relpath(path, project)
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                m = re.search(r"//\s*expect:\s*(.+)$", line)
                if m:
                    for rule in set(re.findall(r"SP\d{4}", m.group(1))):
                        want[(rel, number, rule)] = m.group(1).count(rule)

got = {}
seen = set()
pattern = re.compile(r"^\s*(?P<path>/[^(]+)\((?P<line>\d+),(?P<col>\d+)\): (?P<sev>warning|error) (?P<id>SP\d{4}):")
with open(log, encoding="utf-8", errors="replace") as f:
    for text in f:
        m = pattern.match(text)
        if not m:
            continue
        key = (m.group("path"), m.group("line"), m.group("col"), m.group("id"))
        if key in seen:  # MSBuild may print a warning more than once
            continue
        seen.add(key)
        rel = os.path.relpath(m.group("path"), project)
        k = (rel, int(m.group("line")), m.group("id"))
        got[k] = got.get(k, 0) + 1

problems = []
for rule in ("SP1001", "SP1002", "SP1003"):
    if not any(k[2] == rule for k in want):
        problems.append(f"no line of {name} expects {rule}: the check would prove nothing about it")
for k in sorted(set(want) | set(got)):
    if want.get(k, 0) != got.get(k, 0):
        problems.append(f"{k[0]}:{k[1]}: expected {want.get(k, 0)} x {k[2]}, got {got.get(k, 0)}")

if problems:
    print(f"check-analyzer-package: FAIL: the warnings of {name} differ from its // expect: comments:", file=sys.stderr)
    for p in problems:
        print("  " + p, file=sys.stderr)
    sys.exit(1)
lines = len({(k[0], k[1]) for k in got})
print(f"check-analyzer-package: OK: {name}: {sum(got.values())} SP warnings on {lines} lines, exactly as expected; none elsewhere")
PY
}

failed=()
for project in "${projects[@]}"; do
    check_warnings "$project" || failed+=("$project")
done
[ "${#failed[@]}" -eq 0 ] || fail "the package's analyzers did not report what ${failed[*]} expect (details above)"
