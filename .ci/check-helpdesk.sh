#!/usr/bin/env bash
# Runs samples/HelpdeskService (the hosted sample in the README) for a few seconds and checks what it printed:
# - on SQLite, in a fresh temporary directory (the database file is created and migrated on first start): it exits 0
#   and the outbox relay delivered at least one escalation;
# - when SERVICEPOLICY_POSTGRES is set (.ci/run sets it when it starts a throwaway cluster): two copies side by side on
#   one PostgreSQL database (a schema of their own), each exits 0, between them they delivered at least one
#   escalation, and no key was delivered twice (no copy is killed here, so every delivery is marked sent before any
#   lease can run out: a duplicate would be a bug).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

seconds="${HELPDESK_CHECK_SECONDS:-25}"
work="$(pwd)/artifacts/helpdesk"
rm -rf "$work"
mkdir -p "$work"
# .ci/run builds the solution in Release first; build here only when run on its own.
dll="$(pwd)/samples/HelpdeskService/bin/Release/net10.0/HelpdeskService.dll"
if [ ! -f "$dll" ]; then
    dotnet build -c Release samples/HelpdeskService >"$work/build.txt" 2>&1 || { cat "$work/build.txt" >&2; exit 1; }
fi

# Keys of the deliveries printed in the given files (the sample ends each delivery line with "; key <key>").
delivered_keys() { grep -hE '^[0-9:]+ \[[^]]+\] (ESCALATION|REMEDY) ' "$@" | sed 's/.*; key //' || true; }
escalations() { cat "$@" | grep -cE '^[0-9:]+ \[[^]]+\] ESCALATION ' || true; }

status=0

# 1. SQLite, in a temporary directory.
sqlite_dir="$(mktemp -d /tmp/servicepolicy-helpdesk.XXXXXX)"
trap 'rm -rf "$sqlite_dir"' EXIT
run_status=0
(cd "$sqlite_dir" && timeout $((seconds + 60)) dotnet "$dll" --duration "$seconds" --node ci-sqlite --seed 1) \
    >"$work/sqlite.out" 2>"$work/sqlite.err" || run_status=$?
count="$(escalations "$work/sqlite.out")"
if [ "$run_status" -ne 0 ]; then
    tail -n 20 "$work/sqlite.err" >&2
    echo "helpdesk (SQLite): FAILED, exit code $run_status (output: $work/sqlite.out)" >&2
    status=1
elif [ "$count" -lt 1 ] || [ ! -f "$sqlite_dir/helpdesk.db" ]; then
    echo "helpdesk (SQLite): FAILED, no escalation delivered in ${seconds}s, or no database file (output: $work/sqlite.out)" >&2
    status=1
else
    echo "helpdesk (SQLite): exit 0, $count escalation(s) delivered in ${seconds}s, database file created"
fi

# 2. PostgreSQL, two copies side by side.
if [ -n "${SERVICEPOLICY_POSTGRES:-}" ]; then
    # A schema of this run's own, so that earlier runs and the tests' schemas are not involved.
    export ServicePolicy__Hosting__PostgreSql__Schema="helpdesk_ci_$$"
    pids=()
    for node in ci-pg-a ci-pg-b; do
        seed=$([ "$node" = ci-pg-a ] && echo 7 || echo 8)
        timeout $((seconds + 60)) dotnet "$dll" --postgres "$SERVICEPOLICY_POSTGRES" --duration "$seconds" --node "$node" --seed "$seed" \
            >"$work/$node.out" 2>"$work/$node.err" &
        pids+=("$!")
    done
    pg_status=0
    for i in "${!pids[@]}"; do
        node_status=0
        wait "${pids[$i]}" || node_status=$?
        if [ "$node_status" -ne 0 ]; then
            tail -n 20 "$work/ci-pg-$([ "$i" -eq 0 ] && echo a || echo b).err" >&2
            echo "helpdesk (PostgreSQL): a copy exited with code $node_status" >&2
            pg_status=1
        fi
    done
    count="$(escalations "$work/ci-pg-a.out" "$work/ci-pg-b.out")"
    delivered_keys "$work/ci-pg-a.out" "$work/ci-pg-b.out" | sort >"$work/pg-keys.txt"
    duplicates="$(uniq -d "$work/pg-keys.txt")"
    if [ -n "$duplicates" ]; then
        echo "helpdesk (PostgreSQL): keys delivered more than once:" >&2
        echo "$duplicates" >&2
        grep -hF -f <(echo "$duplicates") "$work/ci-pg-a.out" "$work/ci-pg-b.out" >&2 || true
        pg_status=1
    fi
    if [ "$count" -lt 1 ]; then
        echo "helpdesk (PostgreSQL): no escalation delivered in ${seconds}s (output: $work/ci-pg-*.out)" >&2
        pg_status=1
    fi
    if [ "$pg_status" -eq 0 ]; then
        echo "helpdesk (PostgreSQL): two copies exited 0; $count escalation(s), $(wc -l <"$work/pg-keys.txt") deliveries, no key twice" \
            "(a: $(delivered_keys "$work/ci-pg-a.out" | wc -l), b: $(delivered_keys "$work/ci-pg-b.out" | wc -l))"
    else
        status=1
    fi
else
    echo "helpdesk (PostgreSQL): skipped, SERVICEPOLICY_POSTGRES is not set"
fi
exit "$status"
