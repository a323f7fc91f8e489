#!/usr/bin/env bash
# Runs samples/QuickStart (the README's main command) and compares its output with the committed
# samples/QuickStart/expected-output.txt. The sample evaluates fixed instants, so any difference is a change in
# behaviour (or in the sample): exits non-zero and prints the diff. After an intentional change, regenerate with
#   dotnet run -c Release --project samples/QuickStart > samples/QuickStart/expected-output.txt
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work="$(pwd)/artifacts/quickstart"
mkdir -p "$work"
actual="$work/actual-output.txt"

start=$(date +%s)
# .ci/run builds the solution in Release first; build here only when run on its own.
build_flag=--no-build
if [ ! -f samples/QuickStart/bin/Release/net10.0/QuickStart.dll ]; then build_flag=; fi
status=0
dotnet run -c Release $build_flag --project samples/QuickStart >"$actual" 2>"$work/stderr.txt" || status=$?
elapsed=$(( $(date +%s) - start ))

if [ "$status" -ne 0 ]; then
    cat "$work/stderr.txt" >&2
    echo "quickstart: FAILED, exit code $status after ${elapsed}s (output: $actual)" >&2
    exit 1
fi
if ! diff -u samples/QuickStart/expected-output.txt "$actual" >"$work/output.diff"; then
    cat "$work/output.diff" >&2
    echo "quickstart: output differs from samples/QuickStart/expected-output.txt (diff above; actual: $actual)" >&2
    exit 1
fi
echo "quickstart: output matches samples/QuickStart/expected-output.txt ($(wc -l <"$actual") lines, ${elapsed}s)"
