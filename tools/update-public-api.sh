#!/usr/bin/env bash
# Brings a library's PublicAPI.Unshipped.txt (src/ServicePolicy by default) up to date after a deliberate public API change: builds the
# library, adds every symbol PublicApiAnalyzers reports as missing (RS0016) and removes every listed symbol it
# reports as gone (RS0017), keeping the file sorted. Review the diff before committing it.
# (`dotnet format analyzers --diagnostics RS0016` would be the usual way; with this SDK it fixes nothing.)
# Run from the project root: bash tools/update-public-api.sh [src/ServicePolicy.Hosting]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

project="${1:-src/ServicePolicy}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# Build errors are expected here (RS0016/RS0017 are errors under TreatWarningsAsErrors); other errors are reported below.
dotnet build "$project" -c Release --no-incremental -nologo -clp:NoSummary > "$log" 2>&1 || true

python3 - "$project/PublicAPI.Unshipped.txt" "$log" <<'PY'
import re, sys
path, log = sys.argv[1], sys.argv[2]
text = open(log, encoding="utf-8", errors="replace").read()
added = set(re.findall(r"error RS0016: Symbol '(.+?)' is not part of the declared public API", text))
removed = set(re.findall(r"error RS0017: Symbol '(.+?)' is part of the declared API", text))
others = sorted({m for m in re.findall(r"error ((?!RS001[67])[A-Z]+\d+: .*?) \[", text)})
lines = open(path, encoding="utf-8").read().splitlines()
header, body = lines[:1], set(lines[1:])
body = (body | added) - removed
with open(path, "w", encoding="utf-8") as f:
    f.write("\n".join(header + sorted(body, key=str.lower)) + "\n")
print(f"update-public-api: {len(added)} added, {len(removed)} removed")
for e in others:
    print(f"  other build error (fix it and run again): {e}", file=sys.stderr)
sys.exit(1 if others else 0)
PY
