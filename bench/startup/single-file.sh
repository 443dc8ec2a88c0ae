#!/usr/bin/env bash
# What ReadyToRun buys the self-contained single-file programs (the macOS and Windows packages published from Linux,
# scripts/release/publish.mjs): the same single-file build for linux-x64 in three ReadyToRun variants, timed beside the
# Native AOT program and the bare .NET app in one interleaved run (bench/startup/startup.py), with each program's size.
#   start-up path   what ships: per-assembly ReadyToRun minus the list in server/Gitspaces.Server/Gitspaces.Server.csproj
#   everything      the SDK's default for single-file: one composite image of the whole framework
#   none            IL only, every method compiled on first call
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-20}"
[ -x "$root/artifacts/bin/gitspaces" ] || node "$root/scripts/build.mjs"
dotnet publish "$root/bench/startup/BareApp/BareApp.csproj" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$root/artifacts/bench/BareApp" --nologo -v quiet
common=(-c Release -r linux-x64 --nologo -v quiet -p:PublishAot=false -p:SelfContained=true -p:PublishSingleFile=true
  -p:PublishTrimmed=true -p:DebuggerSupport=false -p:TreatWarningsAsErrors=false -p:EnableCompressionInSingleFile=true -p:DebugType=none)
project="$root/server/Gitspaces.Server/Gitspaces.Server.csproj"
out="$root/artifacts/bench/single-file"
# One at a time: concurrent publishes of one project race on its obj folder.
dotnet publish "$project" "${common[@]}" -p:PublishReadyToRun=true -o "$out/start-up-path"
dotnet publish "$project" "${common[@]}" -p:PublishReadyToRun=true -p:GitspacesReadyToRunEverything=true -o "$out/everything"
dotnet publish "$project" "${common[@]}" -p:PublishReadyToRun=false -o "$out/none"
for variant in start-up-path everything none; do
  echo "single-file, ReadyToRun $variant: $(stat -c %s "$out/$variant/gitspaces" | awk '{printf "%.1f MB", $1/1048576}')"
done
echo "Native AOT: $(stat -c %s "$root/artifacts/bin/gitspaces" | awk '{printf "%.1f MB", $1/1048576}')"
GITSPACES_BENCH_SUBJECTS="$(printf '{"single-file, ReadyToRun start-up path": ["%s", "serve"], "single-file, ReadyToRun everything": ["%s", "serve"], "single-file, no ReadyToRun": ["%s", "serve"]}' \
  "$out/start-up-path/gitspaces" "$out/everything/gitspaces" "$out/none/gitspaces")" \
  python3 "$root/bench/startup/startup.py" "$runs"
# `list` against the engine as it is (Docker.DotNet and Newtonsoft.Json on the path), interleaved likewise.
python3 - "$runs" "$root/artifacts/bin/gitspaces" "$out/start-up-path/gitspaces" "$out/everything/gitspaces" "$out/none/gitspaces" <<'PY'
import statistics, subprocess, sys, time
runs, programs = int(sys.argv[1]), sys.argv[2:]
names = ["Native AOT", "single-file, ReadyToRun start-up path", "single-file, ReadyToRun everything", "single-file, no ReadyToRun"]
times = {n: [] for n in names}
for i in range(runs + 2):
    for name, program in zip(names, programs):
        start = time.perf_counter()
        subprocess.run([program, "list"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        if i >= 2:
            times[name].append(time.perf_counter() - start)
print("\n| `gitspaces list` | median ms |\n|---|---|")
for name in names:
    print(f"| {name} | {statistics.median(times[name]) * 1000:.0f} |")
PY
