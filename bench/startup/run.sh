#!/usr/bin/env bash
# Startup benchmark: gitspaces serve (Native AOT, as users get it) vs a bare framework-dependent ReadyToRun .NET console app answering the same frames: the emptiest JIT program.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
[ -x "$root/artifacts/bin/gitspaces" ] || node "$root/scripts/build.mjs"
dotnet publish "$root/bench/startup/BareApp/BareApp.csproj" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$root/artifacts/bench/BareApp" --nologo -v quiet
python3 "$root/bench/startup/startup.py" "${1:-20}"
