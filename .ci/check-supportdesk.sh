#!/usr/bin/env bash
# Runs samples/SupportDesk on a small, fixed week (500 interactions, seed 7, 5 days) in plain-text mode and checks
# that it exits 0 and prints the whole report (tables, chart, escalation ladders); then that `-- --help` prints the
# usage on standard output with exit code 0, and a bad option an error on standard error with exit code 2.
# Exits non-zero otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work="$(pwd)/artifacts/supportdesk"
mkdir -p "$work"
log="$work/output.txt"

start=$(date +%s)
# .ci/run builds the solution in Release first; build here only when run on its own.
build_flag=--no-build
if [ ! -f samples/SupportDesk/bin/Release/net10.0/SupportDesk.dll ]; then build_flag=; fi
status=0
timeout 120 dotnet run -c Release $build_flag --project samples/SupportDesk -- \
    --interactions 500 --seed 7 --days 5 --plain >"$log" 2>&1 || status=$?
elapsed=$(( $(date +%s) - start ))

if [ "$status" -eq 0 ]; then
    for section in '^REPORT$' '^500 interactions, ' '^Commitments by policy$' '^Commitments by kind$' \
        '^Commitments by the day they started$' '^  total ' '^Breaches by hour of the day' '^Worst escalation ladders$'; do
        if ! grep -q -E "$section" "$log"; then
            echo "supportdesk: the report has no line matching /$section/" >&2
            status=1
        fi
    done
fi
if [ "$status" -eq 0 ]; then
    help_status=0
    dotnet run -c Release --no-build --project samples/SupportDesk -- --help >"$work/help.txt" 2>"$work/help-err.txt" \
        || help_status=$?
    if [ "$help_status" -ne 0 ] || [ -s "$work/help-err.txt" ] \
        || [ "$(head -n 1 "$work/help.txt")" != 'Usage: dotnet run --project samples/SupportDesk -- [options]' ]; then
        echo "supportdesk: --help should print the usage on stdout and exit 0 (exit $help_status; see $work/help*.txt)" >&2
        status=1
    fi
    usage_status=0
    dotnet run -c Release --no-build --project samples/SupportDesk -- --days 0 >"$work/usage.txt" 2>"$work/usage-err.txt" \
        || usage_status=$?
    if [ "$usage_status" -ne 2 ] || [ -s "$work/usage.txt" ] || ! grep -q -F -- '--days needs' "$work/usage-err.txt"; then
        echo "supportdesk: --days 0 should print an error on stderr and exit 2 (exit $usage_status; see $work/usage*.txt)" >&2
        status=1
    fi
fi
if [ "$status" -ne 0 ]; then
    tail -n 60 "$log" >&2
    echo "supportdesk: FAILED after ${elapsed}s (exit code or report check; full output: $log)" >&2
    exit 1
fi
echo "supportdesk: 500 interactions simulated, report complete in ${elapsed}s ($(grep -E '^500 interactions' "$log"))"
