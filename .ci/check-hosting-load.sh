#!/usr/bin/env bash
# Smoke test of the hosting load tool (benchmarks/ServicePolicy.Hosting.Load): each scenario once on SQLite, small and
# bounded (seconds), so CI proves the tool still builds, drives the real runtime and clears what it seeds. Not a
# measurement: real numbers and their commands are in docs/performance.md ("Hosting"). Exits non-zero when a run fails
# (the tool exits non-zero on any error, including a burst not cleared or wake-ups not woken within --time-limit).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work="$(pwd)/artifacts/hosting-load"
rm -rf "$work"
mkdir -p "$work"
log="$work/smoke.log"

start=$(date +%s)
# Own artifacts path: the smoke build never touches the bin/obj folders of other builds.
dotnet build -c Release benchmarks/ServicePolicy.Hosting.Load --artifacts-path "$work/build" >"$work/build.log" 2>&1 || {
    tail -n 40 "$work/build.log" >&2
    echo "hosting load: build FAILED (log: $work/build.log)" >&2
    exit 1
}
tool="$(find "$work/build/bin" -name ServicePolicy.Hosting.Load.dll | head -n 1)"

status=0
run() {
    echo "== load $*" >>"$log"
    dotnet "$tool" "$@" --time-limit 60 >>"$log" 2>&1 || { echo "hosting load: '$*' FAILED" >&2; status=1; }
}
run timer --store sqlite --count 500 --batch 100
run facts --store sqlite --count 200 --group 1 --writers 2
run facts --store sqlite --count 200 --group 20 --writers 2
run lag --store sqlite --count 200 --duration 2 --rate 50 --poll 200
elapsed=$(( $(date +%s) - start ))

if [ "$status" -ne 0 ]; then
    tail -n 60 "$log" >&2
    echo "hosting load: FAILED after ${elapsed}s (full log: $log)" >&2
    exit 1
fi
echo "hosting load: 4 SQLite smoke runs in ${elapsed}s (log: $log)"
