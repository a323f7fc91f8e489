#!/usr/bin/env bash
# Compares the queue benchmark of two revisions in one process (see Program.cs): builds each revision's benchmarks
# from a clean export, then alternates them. Run from the project root:
#   bash benchmarks/QueueAbComparison/compare.sh <base revision> [<revision, default HEAD>] [rounds, default 30] [passes, default 4]
# Prints a line per round and, last, the B/A ratios (B is the second revision). Quote the median per-round ratio.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
base="$1"; head="${2:-HEAD}"; rounds="${3:-30}"; passes="${4:-4}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for rev in "$base" "$head"; do
    mkdir -p "$work/$rev/src"
    git archive "$rev" | tar -x -C "$work/$rev/src"
    # Analyzers do not change the code measured; skipping them keeps old revisions buildable and the build short.
    dotnet build "$work/$rev/src/benchmarks/ServicePolicy.Benchmarks" -c Release -v q -nologo -p:RunAnalyzers=false -o "$work/$rev/bin" > "$work/$rev.log" 2>&1 \
        || { cat "$work/$rev.log"; exit 1; }
done
dotnet run -c Release --project benchmarks/QueueAbComparison -- "$rounds" "$passes" "$work/$base/bin" "$work/$head/bin"
