#!/usr/bin/env bash
# Times `devcontainer read-configuration` (the pinned reference CLI) against our reader as whole processes, in the
# same run, interleaved, on a typical configuration; then the library read in-process. Writes results.md here.
#   bench/devcontainer-read/run.sh [runs]        (default 20 runs per reader)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${1:-20}
ref="$root/tests/node-tools/node_modules/.bin/devcontainer"
[ -x "$ref" ] || { echo "reference CLI missing: cd tests/node-tools && npm ci" >&2; exit 1; }

dotnet build "$here/ReadBench" -c Release -nologo -v q >/dev/null
bench="$root/artifacts/build/bin/ReadBench/release/ReadBench"
# The same console, Native AOT (the library is AOT-compatible): what a CLI published that way costs. gcc links it here.
aot_dir="$root/artifacts/bench/readbench-aot"
aot="$aot_dir/ReadBench"
dotnet publish "$here/ReadBench" -c Release -r linux-x64 -p:PublishAot=true -p:CppCompilerAndLinker=gcc -o "$aot_dir" -nologo -v q >/dev/null 2>&1 || aot=""
cli="$root/artifacts/bin/gitspaces"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
folder="$work/typical"
cp -r "$root/tests/Gitspaces.DevContainers.Tests/Fixtures/Differential/all-properties" "$folder"

# Both must print the same configuration, or the timing means nothing.
"$ref" read-configuration --workspace-folder "$folder" 2>/dev/null | python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps({"configuration":d["configuration"],"workspace":d["workspace"]},sort_keys=True))' > "$work/ref.json"
"$bench" read "$folder" | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin),sort_keys=True))' > "$work/ours.json"
cmp -s "$work/ref.json" "$work/ours.json" && same=yes || same=NO

have_cli=no
if [ -x "$cli" ] && "$cli" devcontainer read "$folder" --json >/dev/null 2>&1; then have_cli=yes; fi

now() { date +%s%N; }
declare -a t_ref t_bench t_cli t_aot
for ((i = 0; i < runs; i++)); do
  s=$(now); "$ref" read-configuration --workspace-folder "$folder" >/dev/null 2>&1; t_ref+=($(( ($(now) - s) / 1000000 )))
  s=$(now); "$bench" read "$folder" >/dev/null; t_bench+=($(( ($(now) - s) / 1000000 )))
  if [ -n "$aot" ]; then s=$(now); "$aot" read "$folder" >/dev/null; t_aot+=($(( ($(now) - s) / 1000000 ))); fi
  if [ "$have_cli" = yes ]; then s=$(now); "$cli" devcontainer read "$folder" --json >/dev/null; t_cli+=($(( ($(now) - s) / 1000000 ))); fi
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
m_ref=$(median "${t_ref[@]}"); m_bench=$(median "${t_bench[@]}")
micro=$("$bench" micro "$folder" 2000)
load=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo "# devcontainer read: reference CLI vs ours ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "Config: Fixtures/Differential/all-properties (every property). $runs interleaved runs each, medians; load average $load on $(nproc) cores. Same output: $same."
  echo
  echo "| reader | median wall (ms) | speed-up |"
  echo "|---|---|---|"
  echo "| \`devcontainer read-configuration\` (@devcontainers/cli 0.89.0, node $(node --version)) | $m_ref | 1× |"
  echo "| ReadBench read (DevContainerReader in a bare .NET console, JIT) | $m_bench | $(awk "BEGIN {printf \"%.1f\", $m_ref/$m_bench}")× |"
  if [ -n "$aot" ]; then
    m_aot=$(median "${t_aot[@]}")
    echo "| ReadBench read, Native AOT | $m_aot | $(awk "BEGIN {printf \"%.1f\", $m_ref/($m_aot>0?$m_aot:1)}")× |"
  fi
  if [ "$have_cli" = yes ]; then
    m_cli=$(median "${t_cli[@]}")
    echo "| \`gitspaces devcontainer read --json\` | $m_cli | $(awk "BEGIN {printf \"%.1f\", $m_ref/$m_cli}")× |"
  else
    echo "| \`gitspaces devcontainer read --json\` | not measured: artifacts/bin/gitspaces has no working \`devcontainer read\` yet | |"
  fi
  echo
  echo "In-process library read (after warm-up): $micro"
} | tee "$here/results.md"
