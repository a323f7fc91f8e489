#!/usr/bin/env bash
# Smoke test of the benchmarks: runs every benchmark once (--quick: BenchmarkDotNet Dry job, in process) so CI proves
# they still build, pass their setup checks (engine and day-walking baseline agree) and execute. Not a measurement:
# real numbers come from a MediumRun on a quiet machine (docs/performance.md). Exits non-zero when a benchmark fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work="$(pwd)/artifacts/benchmarks"
rm -rf "$work"
mkdir -p "$work"
log="$work/quick.log"

start=$(date +%s)
status=0
# Own artifacts path: the smoke build never touches the bin/obj folders of other builds.
dotnet run -c Release --project benchmarks/ServicePolicy.Benchmarks --artifacts-path "$work/build" -- \
    --quick --filter '*' --artifacts "$work/results" >"$log" 2>&1 || status=$?
elapsed=$(( $(date +%s) - start ))

# Program exits non-zero when no benchmark ran or any failed; the summary's issue list is a second opinion.
if grep -q -E '^(// \* )?Benchmarks with issues' "$log"; then status=1; fi
executed=$(grep -E '^Global total time:' "$log" | sed -E 's/.*executed benchmarks: ([0-9]+).*/\1/' || true)

if [ "$status" -ne 0 ]; then
    tail -n 80 "$log" >&2
    echo "benchmarks: FAILED after ${elapsed}s (full log: $log)" >&2
    exit 1
fi
echo "benchmarks: ${executed:-?} executed once each in ${elapsed}s (log: $log)"
