#!/usr/bin/env bash
# Times `devcontainer read-configuration` (the pinned reference CLI) against `gitspaces devcontainer read --json` as
# whole processes, in the same run, interleaved, on a typical configuration; with the library in a bare console
# (JIT, ReadyToRun like gitspaces, Native AOT), that console's empty start (the floor of a ReadyToRun process here),
# and the library read in-process. Writes results.md here.
#   bench/devcontainer-read/run.sh [runs]        (default 20 runs per reader)
#   GITSPACES_BIN=/path/to/gitspaces bench/devcontainer-read/run.sh   (default artifacts/bin/gitspaces, from `node scripts/build.mjs`)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${1:-20}
ref="$root/tests/node-tools/node_modules/.bin/devcontainer"
[ -x "$ref" ] || { echo "reference CLI missing: cd tests/node-tools && npm ci" >&2; exit 1; }
cli=${GITSPACES_BIN:-$root/artifacts/bin/gitspaces}

dotnet build "$here/ReadBench" -c Release -nologo -v q >/dev/null
bench="$root/artifacts/build/bin/ReadBench/release/ReadBench"
# The same console published as gitspaces is (framework-dependent, ReadyToRun): what the library costs in a process
# that loads nothing else, and (`noop`) what any such process costs before it does anything.
r2r_dir="$root/artifacts/bench/readbench-r2r"
r2r="$r2r_dir/ReadBench"
dotnet publish "$here/ReadBench" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$r2r_dir" -nologo -v q >/dev/null
# The same console, Native AOT (the library is AOT-compatible): what a CLI published that way costs. gcc links it here.
aot_dir="$root/artifacts/bench/readbench-aot"
aot="$aot_dir/ReadBench"
dotnet publish "$here/ReadBench" -c Release -r linux-x64 -p:PublishAot=true -p:CppCompilerAndLinker=gcc -o "$aot_dir" -nologo -v q >/dev/null 2>&1 || aot=""

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
folder="$work/typical"
cp -r "$root/tests/Gitspaces.DevContainers.Tests/Fixtures/Differential/all-properties" "$folder"

# Each must print the reference's configuration and workspace, or its timing means nothing.
normalize() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps({"configuration":d["configuration"],"workspace":d["workspace"]},sort_keys=True))'; }
"$ref" read-configuration --workspace-folder "$folder" 2>/dev/null | normalize > "$work/ref.json"
"$bench" read "$folder" | normalize > "$work/bench.json"
cmp -s "$work/ref.json" "$work/bench.json" && same_bench=yes || same_bench=NO

have_cli=no
same_cli=-
jit_cli=-
if [ -x "$cli" ] && "$cli" devcontainer read "$folder" --json > "$work/cli-raw.json" 2>/dev/null; then
  have_cli=yes
  normalize < "$work/cli-raw.json" > "$work/cli.json"
  cmp -s "$work/ref.json" "$work/cli.json" && same_cli=yes || same_cli=NO
  # Methods the read compiles at start-up (ReadyToRun cannot precompile some generic code): a count no load skews.
  DOTNET_JitStdOutFile="$work/jit.txt" DOTNET_JitDisasmSummary=1 "$cli" devcontainer read "$folder" --json >/dev/null
  # A Native AOT program has no JIT and writes no such file: nothing is compiled at start-up.
  jit_cli=$( [ -f "$work/jit.txt" ] && grep -c 'JIT compiled' "$work/jit.txt" || echo "0 (Native AOT)")
fi
DOTNET_JitStdOutFile="$work/jit-noop.txt" DOTNET_JitDisasmSummary=1 "$r2r" noop
jit_noop=$(grep -c 'JIT compiled' "$work/jit-noop.txt" || true)

now() { date +%s%N; }
declare -a t_ref t_cli t_bench t_r2r t_noop t_aot
for ((i = 0; i < runs; i++)); do
  s=$(now); "$ref" read-configuration --workspace-folder "$folder" >/dev/null 2>&1; t_ref+=($(( ($(now) - s) / 1000000 )))
  if [ "$have_cli" = yes ]; then s=$(now); "$cli" devcontainer read "$folder" --json >/dev/null; t_cli+=($(( ($(now) - s) / 1000000 ))); fi
  s=$(now); "$bench" read "$folder" >/dev/null; t_bench+=($(( ($(now) - s) / 1000000 )))
  s=$(now); "$r2r" read "$folder" >/dev/null; t_r2r+=($(( ($(now) - s) / 1000000 )))
  s=$(now); "$r2r" noop; t_noop+=($(( ($(now) - s) / 1000000 )))
  if [ -n "$aot" ]; then s=$(now); "$aot" read "$folder" >/dev/null; t_aot+=($(( ($(now) - s) / 1000000 ))); fi
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
minimum() { printf '%s\n' "$@" | sort -n | head -1; }
m_ref=$(median "${t_ref[@]}")
speedup() { awk "BEGIN {printf \"%.1f\", $m_ref/($1>0?$1:1)}"; }
row() { local m; m=$(median "$@"); echo "$m | $(minimum "$@") | $(speedup "$m")×"; }
micro=$("$bench" micro "$folder" 2000)
load=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo "# devcontainer read: reference CLI vs ours ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "Config: Fixtures/Differential/all-properties (every property). $runs interleaved runs each; load average $load on $(nproc) cores."
  echo "Same configuration and workspace as the reference: gitspaces $same_cli, ReadBench $same_bench."
  echo
  echo "| reader | median wall (ms) | min wall (ms) | speed-up (medians) |"
  echo "|---|---|---|---|"
  echo "| \`devcontainer read-configuration\` (@devcontainers/cli 0.89.0, node $(node --version)) | $m_ref | $(minimum "${t_ref[@]}") | 1× |"
  if [ "$have_cli" = yes ]; then
    echo "| **\`gitspaces devcontainer read --json\`** ($cli) | $(row "${t_cli[@]}") |"
  else
    echo "| \`gitspaces devcontainer read --json\` | not measured: $cli has no working \`devcontainer read\` | | |"
  fi
  echo "| ReadBench read (DevContainerReader in a bare console, JIT) | $(row "${t_bench[@]}") |"
  echo "| ReadBench read, ReadyToRun (published as gitspaces is) | $(row "${t_r2r[@]}") |"
  echo "| ReadBench noop, ReadyToRun (start and exit: the floor) | $(row "${t_noop[@]}") |"
  if [ -n "$aot" ]; then
    echo "| ReadBench read, Native AOT | $(row "${t_aot[@]}") |"
  fi
  echo
  echo "Methods JIT-compiled at start-up: gitspaces devcontainer read $jit_cli, an empty ReadyToRun console $jit_noop."
  echo
  echo "In-process library read (after warm-up): $micro"
} | tee "$here/results.md"
