#!/usr/bin/env bash
# A long run of the transport fuzzer against a real `gitspaces serve` (the bounded, seeded run is in the test suite:
# tests/Gitspaces.Server.Tests/Rpc/FrameFuzzTests.cs). Usage: bench/fuzz/run.sh [frames] [seed]
# (default 35000 frames, a random seed that is printed so a failure can be run again).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
frames="${1:-35000}"
seed="${2:-$(( RANDOM * 32768 + RANDOM ))}"
echo "fuzzing gitspaces serve: $frames frames, seed $seed"
dotnet build --nologo -v q "$root/tests/Gitspaces.Server.Tests" >/dev/null
GITSPACES_FUZZ_SEED="$seed" GITSPACES_FUZZ_FRAMES="$frames" \
  dotnet test "$root/tests/Gitspaces.Server.Tests" --no-build --filter "FullyQualifiedName~FrameFuzzTests" --logger "console;verbosity=normal"
