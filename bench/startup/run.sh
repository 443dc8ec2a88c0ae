#!/usr/bin/env bash
# Startup benchmark: gitspaces serve vs a bare .NET console app, published the same way (ReadyToRun, framework-dependent).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
[ -x "$root/artifacts/bin/gitspaces" ] || node "$root/scripts/build.mjs"
dotnet publish "$root/bench/startup/BareApp/BareApp.csproj" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$root/artifacts/bench/BareApp" --nologo -v quiet
python3 "$root/bench/startup/startup.py" "${1:-20}"
