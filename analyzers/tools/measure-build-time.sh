#!/usr/bin/env bash
# Measures how much the ServicePolicy analyzers (SP1001-SP1005) add to a build (issues 5 and 16).
#
#   bash analyzers/tools/measure-build-time.sh [files] [runs]     (defaults: 2000 files, 3 runs)
#
# Generates a project of <files> C# files outside the repository (in $TMPDIR), each with ~20
# creations of customer interactions in the forms the rules cover (most complete, some not), builds
# it <runs> times with and without the analyzers (alternating, after a warm-up of each), and prints
# the median wall time (compiler server on) and CPU time (compiler in-process, less sensitive to
# other load), their ratios, and the analyzers' own time as the compiler reports it
# (-p:ReportAnalyzer=true). Nothing it generates is part of the repository.
set -euo pipefail
cd "$(dirname "$0")/../.."
files="${1:-2000}"
runs="${2:-3}"
out="${TMPDIR:-/tmp}/sp-analyzer-buildtime"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

rm -rf "$out"
mkdir -p "$out/bin" "$out/gen/src"

echo "building ServicePolicy and the analyzers (Release)..."
dotnet build src/ServicePolicy -c Release --artifacts-path "$out/bin" -nologo -v:q > "$out/build-deps.log" 2>&1 \
    || { cat "$out/build-deps.log"; exit 1; }
lib="$(find "$out/bin/bin/ServicePolicy" -path '*release_net8.0*' -name ServicePolicy.dll | head -1)"
analyzer="$(find "$out/bin/bin/ServicePolicy.Analyzers" -name ServicePolicy.Analyzers.dll | head -1)"
nodatime="$(find ~/.nuget/packages/nodatime -path '*lib/net8.0*' -name NodaTime.dll 2>/dev/null | sort | tail -1)"
[ -n "$nodatime" ] || nodatime="$(find ~/.nuget/packages/nodatime -name NodaTime.dll | sort | tail -1)"

cat > "$out/gen/Gen.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <OutputType>Library</OutputType>
    <Nullable>enable</Nullable>
    <LangVersion>latest</LangVersion>
    <ImplicitUsings>disable</ImplicitUsings>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="ServicePolicy" HintPath="$lib" />
    <Reference Include="NodaTime" HintPath="$nodatime" />
    <Analyzer Include="$analyzer" Condition="'\$(UseServicePolicyAnalyzers)' == 'true'" />
  </ItemGroup>
</Project>
XML

python3 - "$out/gen/src" "$files" <<'PY'
import os, sys
root, count = sys.argv[1], int(sys.argv[2])
model = '''// generated
using System;
using System.Threading.Tasks;
using NodaTime;
using ServicePolicy;

namespace Gen;

public sealed record OwnerRef(string Name);

[CustomerInteraction]
public class Ticket
{
    public Ticket() { }
    public Ticket(string subject, OwnerRef? owner = null, Instant? followUpBy = null) { Subject = subject; Owner = owner; FollowUpBy = followUpBy; }
    public string Subject { get; set; } = "";
    [InteractionOwner] public OwnerRef? Owner { get; set; }
    [FollowUpDeadline] public Instant? FollowUpBy { get; set; }
    [SetsInteractionOwner] public Ticket AssignTo(OwnerRef owner) { Owner = owner; return this; }
    [SetsFollowUpDeadline] public Ticket FollowUpAt(Instant at) { FollowUpBy = at; return this; }
    [CreatesCustomerInteraction] public static Ticket Open(string subject) => new Ticket(subject);
}

[CustomerInteraction]
public sealed record Callback([InteractionOwner] string Agent, [FollowUpDeadline] Instant CallBackBy, string Phone);

public static class Desk
{
    public static OwnerRef Alice { get; } = new OwnerRef("alice");
    public static Instant Tomorrow { get; } = Instant.FromUtc(2030, 1, 2, 9, 0);
    public static void Enqueue(Ticket ticket) => GC.KeepAlive(ticket);
    public static Task<OwnerRef> PickAsync() => Task.FromResult(Alice);
}
'''
with open(os.path.join(root, "Model.cs"), "w") as f:
    f.write(model)
template = '''// generated
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Gen.N{i};

public sealed class Workflow{i}
{{
    private readonly List<Ticket> _open = new();
    private int _counter;

    public Ticket Complete(string s) => new Ticket(s, Desk.Alice, Desk.Tomorrow);
    public Ticket Initializer(string s) => new Ticket {{ Subject = s, Owner = Desk.Alice, FollowUpBy = Desk.Tomorrow }};
    public Ticket TargetTyped(string s) {{ Ticket t = new(s) {{ Owner = Desk.Alice, FollowUpBy = Desk.Tomorrow }}; return t; }}
    public Ticket Fluent(string s) => Ticket.Open(s).AssignTo(Desk.Alice).FollowUpAt(Desk.Tomorrow);
    public Callback Record(string phone) => new Callback("bob", Desk.Tomorrow, phone);
    public Callback With(Callback c) => c with {{ Agent = "carol" }};

    public Ticket Later(string s)
    {{
        var t = new Ticket(s);
        t.Subject = t.Subject.Trim() + _counter++;
        if (t.Subject.Length > 3) {{ t.Subject = t.Subject.ToUpperInvariant(); }}
        t.Owner = Desk.Alice;
        t.FollowUpBy = Desk.Tomorrow;
        _open.Add(t);
        return t;
    }}

    public async Task<Ticket> Async(string s)
    {{
        var t = Ticket.Open(s);
        t.Owner = await Desk.PickAsync();
        t.FollowUpBy = Desk.Tomorrow;
        return t;
    }}

    public Func<string, Ticket> Lambda() => s => new Ticket(s, Desk.Alice, Desk.Tomorrow);

    public List<Ticket> Collection() => [new("a", Desk.Alice, Desk.Tomorrow), new("b") {{ Owner = Desk.Alice, FollowUpBy = Desk.Tomorrow }}];

    public Ticket Local(string s)
    {{
        return Make(s);
        static Ticket Make(string x) => new Ticket(x, Desk.Alice, Desk.Tomorrow);
    }}

    // Incomplete creations (reported): one in ten files.
    {bad}

    // Ordinary code the analyzers must look at and dismiss.
    public int Busy(IEnumerable<int> values)
    {{
        var sum = 0;
        foreach (var v in values.Where(v => v % 3 == 0).Select(v => v * 2)) {{ sum += v; _counter = sum; }}
        var text = string.Join(",", values.Take(5).Select(v => v.ToString()));
        var map = new Dictionary<string, int> {{ ["a"] = 1, ["b"] = text.Length }};
        map["c"] = map.Count + sum;
        var list = new List<string>(map.Keys) {{ "x", "y" }};
        return list.Count + map.Values.Sum() + (text.Length > 0 ? 1 : 0);
    }}

    public int Count => _open.Count;
}}
'''
bad = '''public Ticket Bad1(string s) => new Ticket(s);
    public void Bad2(string s) { var t = new Ticket(s) { FollowUpBy = Desk.Tomorrow }; Desk.Enqueue(t); t.Owner = Desk.Alice; }
    public Ticket Bad3(string s) => new Ticket(s) { Owner = null!, FollowUpBy = Desk.Tomorrow };'''
for i in range(count):
    with open(os.path.join(root, f"Workflow{i}.cs"), "w") as f:
        f.write(template.format(i=i, bad=bad if i % 10 == 0 else ""))
PY
echo "generated $files files in $out/gen"

cd "$out/gen"
dotnet restore -nologo -v:q > /dev/null

# Two measurements per configuration, alternating with/without:
# - wall: a normal build with the compiler server (what a developer waits for; noisy on a busy machine);
# - cpu: user+sys CPU of the whole build with the compiler in-process (-p:UseSharedCompilation=false,
#   one node), which is far less sensitive to other load on the machine.
python3 - "$out" "$runs" <<'PY'
import os, re, resource, statistics, subprocess, sys, time
out, runs = sys.argv[1], int(sys.argv[2])

def build(use, cpu_mode, extra=()):
    args = ["dotnet", "build", "--no-restore", "--no-incremental", "-c", "Release", "-nologo", "-v:q",
            "-clp:NoSummary", f"-p:UseServicePolicyAnalyzers={use}", *extra]
    if cpu_mode:
        args += ["-p:UseSharedCompilation=false", "-nodeReuse:false", "-m:1"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    result = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        print(result.stdout)
        sys.exit(1)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result.stdout

print("warm-up...", flush=True)
build("false", False)
build("true", False)
data = {"wall": {"false": [], "true": []}, "cpu": {"false": [], "true": []}}
warnings = 0
for i in range(runs):
    for use in ("false", "true"):
        wall, _, log = build(use, False)
        data["wall"][use].append(wall)
        if use == "true":
            warnings = len(set(l for l in log.splitlines() if re.search(r"warning SP100[0-9]", l)))
    for use in ("false", "true"):
        _, cpu, _ = build(use, True)
        data["cpu"][use].append(cpu)
    print(f"run {i + 1}: wall without {data['wall']['false'][-1]:.1f} s / with {data['wall']['true'][-1]:.1f} s; "
          f"cpu without {data['cpu']['false'][-1]:.1f} s / with {data['cpu']['true'][-1]:.1f} s", flush=True)

for kind in ("wall", "cpu"):
    without, with_ = statistics.median(data[kind]["false"]), statistics.median(data[kind]["true"])
    print(f"median {kind:4}: without {without:6.2f} s, with {with_:6.2f} s, ratio {with_ / without:.3f} ({with_ - without:+.2f} s)")
print(f"SP warnings in a build with the analyzers: {warnings}")

_, _, log = build("true", False, ["-v:d", "-p:ReportAnalyzer=true"])
for line in log.splitlines():
    if "Total analyzer execution time" in line or re.match(r"\s*[\d.<]+\s+\d+\s+\S*(ServicePolicy|NetAnalyzers)", line):
        print("  " + line.strip())
PY
