#!/usr/bin/env bash
# Following Harness operations: the provider's adaptive polling (+ SSE logs on the open-source flavour) vs
# fixed-interval polling, same run, interleaved, against the stand-in control plane on 127.0.0.1.
# Usage: bench/harness/run.sh [runs] [stepMs]   (defaults 5 and 300)
#        bench/harness/run.sh watch [gitspaces] [running] [tickMs]   (what the watch loop costs the control plane)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dotnet build -c Release --nologo -v q "$root/bench/harness/Gitspaces.Bench.Harness" >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(. /etc/os-release && echo "$PRETTY_NAME"), $(dotnet --version) SDK; $(date -u +%Y-%m-%dT%H:%MZ)"
"$root/artifacts/build/bin/Gitspaces.Bench.Harness/release/gitspaces-harness-bench" "$@"
