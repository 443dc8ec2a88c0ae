#!/usr/bin/env bash
# SSH into a gitspace through our config and proxy vs a plain `docker exec`, same run, interleaved.
# Usage: bench/ssh/run.sh [runs]   (default 20). Needs dockerd, the local gitspaces-base:bookworm image, and
# `npm run build` output: artifacts/bin/gitspaces (Native AOT; `gitspaces ssh-proxy` is the ProxyCommand).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-20}"
dotnet build -c Release --nologo -v q "$root/tests/Gitspaces.Ssh.Tests" >/dev/null
host="$root/artifacts/build/bin/Gitspaces.Ssh.Tests/release/Gitspaces.Ssh.Tests"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(. /etc/os-release && echo "$PRETTY_NAME"), docker $(docker version -f '{{.Server.Version}}'), $(ssh -V 2>&1)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$host" bench "$runs"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
