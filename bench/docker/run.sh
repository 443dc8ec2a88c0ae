#!/usr/bin/env bash
# Side-by-side benchmark of the Docker provider through the real CLI (artifacts/bin/gitspaces, what users run),
# same config, same engine, one run, interleaved:
#   1. `gitspaces up` of a fresh gitspace vs `devcontainer up --workspace-folder` (reference CLI 0.89.0)
#   2. warm `gitspaces start` of a stopped gitspace (postStartCommand runs) vs raw `docker start` + one `docker exec`
#   3. `gitspaces list` with LIST_COUNT gitspaces vs `docker ps -a --filter label=…`, and the floor of any .NET list
#      published as the sidecar is (bench/docker/ListFloor)
# Usage: bench/docker/run.sh   (RUNS=7 LIST_COUNT=200 BUILD=0 to skip `node scripts/build.mjs`)
# Prints the date, machine, load before and after, and a Markdown table of medians for docs/benchmarks-docker.md.
set -euo pipefail
RUNS="${RUNS:-7}"
WORK_PREFIX=docker
source "$(dirname "$0")/../lib.sh"
LIST_COUNT="${LIST_COUNT:-200}"
CREATED_LIST=0
cleanup() {
  docker ps -aq --filter label=gitspaces.bench=1 | xargs -r docker rm -f >/dev/null 2>&1 || true
  # The list set is removed only when this run made it (another engineer's run may be using one that exists).
  if [ "$CREATED_LIST" = 1 ]; then
    docker ps -aq --filter label=dev.gitspaces.bench=1 | xargs -r docker rm -f >/dev/null 2>&1 || true
    docker volume ls -q --filter label=dev.gitspaces.bench=1 | xargs -r docker volume rm -f >/dev/null 2>&1 || true
  fi
  for i in $(seq 1 "$RUNS"); do
    docker rm -f "gitspace-bench-$i" >/dev/null 2>&1 || true
    docker volume rm -f "gitspace-bench-$i-workspace" >/dev/null 2>&1 || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

bench_build
# The floor of a .NET list, published as the sidecar is (framework-dependent, ReadyToRun): see ListFloor/Program.cs.
FLOOR="$ROOT/artifacts/bench/ListFloor/ListFloor"
dotnet publish "$ROOT/bench/docker/ListFloor/ListFloor.csproj" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$ROOT/artifacts/bench/ListFloor" --nologo -v quiet >"$WORK/floor.log" 2>&1 || { cat "$WORK/floor.log" >&2; exit 1; }

# One repository, used by both tools; waitFor postStartCommand so both return only after every command ran.
REPO="$WORK/repo"
mkdir -p "$REPO/.devcontainer"
cat > "$REPO/.devcontainer/devcontainer.json" <<JSON
{
  "image": "$IMAGE",
  "postCreateCommand": "echo created",
  "postStartCommand": "echo started",
  "waitFor": "postStartCommand"
}
JSON
bench_repo "$REPO"

load_before="$(load)"
# One warm-up round of each tool, not counted (first-run disk caches).
must "$GITSPACES" up "$REPO" --name bench-warm --json
must "$GITSPACES" delete bench-warm --yes --json
must "$DEVCONTAINER" up --workspace-folder "$REPO" --id-label "gitspaces.bench=1" --id-label "run=warm"
docker ps -aq --filter label=run=warm | xargs -r docker rm -f >/dev/null

ours_up=(); ref_up=(); ours_start=(); raw_start=(); ours_list=(); raw_list=(); floor_list=()
for i in $(seq 1 "$RUNS"); do
  t0=$(now); must "$GITSPACES" up "$REPO" --name "bench-$i" --json; t1=$(now)
  ours_up+=("$(ms "$t0" "$t1")")
  t0=$(now); must "$DEVCONTAINER" up --workspace-folder "$REPO" --id-label "gitspaces.bench=1" --id-label "run=$i"; t1=$(now)
  ref_up+=("$(ms "$t0" "$t1")")

  # Warm start: both stopped, then timed back to running with postStartCommand run.
  must "$GITSPACES" stop "bench-$i" --json
  c=$(docker ps -q --filter label=run="$i" --filter label=gitspaces.bench=1)
  docker stop -t 1 "$c" >/dev/null
  t0=$(now); must "$GITSPACES" start "bench-$i" --json; t1=$(now)
  ours_start+=("$(ms "$t0" "$t1")")
  t0=$(now); docker start "$c" >/dev/null; docker exec "$c" /bin/sh -c "echo started" >/dev/null; t1=$(now)
  raw_start+=("$(ms "$t0" "$t1")")

  must "$GITSPACES" delete "bench-$i" --yes --json
  docker rm -f "$c" >/dev/null
done

# LIST_COUNT gitspaces: labelled containers and volumes as the provider makes them (created, not started).
docker inspect gitspace-list-1 >/dev/null 2>&1 || CREATED_LIST=1
for i in $(seq 1 "$LIST_COUNT"); do
  docker inspect "gitspace-list-$i" >/dev/null 2>&1 && continue
  docker volume create --label dev.gitspaces.bench=1 --label dev.gitspaces.provider=docker --label "dev.gitspaces.id=list-$i" "gitspace-list-$i-workspace" >/dev/null
  docker create --label dev.gitspaces.bench=1 --label dev.gitspaces.provider=docker --label "dev.gitspaces.id=list-$i" --name "gitspace-list-$i" "$IMAGE" true >/dev/null
done
count=$("$GITSPACES" list --provider docker --json | grep -o '"id":"list-' | wc -l)
[ "$count" -ge "$LIST_COUNT" ] || { echo "gitspaces list found $count of $LIST_COUNT" >&2; exit 1; }
for i in $(seq 1 $((RUNS * 3))); do
  t0=$(now); "$GITSPACES" list --provider docker --json >/dev/null; t1=$(now)
  ours_list+=("$(ms "$t0" "$t1")")
  t0=$(now); docker ps -a --filter label=dev.gitspaces.provider=docker >/dev/null; t1=$(now)
  raw_list+=("$(ms "$t0" "$t1")")
  t0=$(now); "$FLOOR" >/dev/null; t1=$(now)
  floor_list+=("$(ms "$t0" "$t1")")
done

m() { printf '%s\n' "$@" | median; }
ou=$(m "${ours_up[@]}"); ru=$(m "${ref_up[@]}"); os=$(m "${ours_start[@]}"); rs=$(m "${raw_start[@]}"); ol=$(m "${ours_list[@]}"); rl=$(m "${raw_list[@]}"); fl=$(m "${floor_list[@]}")
ratio() { echo "scale=2; $1 / $2" | bc; }
echo "$(date -u +%Y-%m-%dT%H:%MZ); $(nproc) cores, $(uname -sr), Docker $(docker version --format '{{.Server.Version}}'), devcontainer $("$DEVCONTAINER" --version); load $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after; medians of $RUNS runs (list: $((RUNS * 3)))"
echo
echo "| what | gitspaces | reference | ratio | target |"
echo "| --- | --- | --- | --- | --- |"
echo "| \`up\` (fresh clone, postCreate + postStart) | ${ou} ms | \`devcontainer up\` ${ru} ms | $(ratio "$ou" "$ru")× | ≤ 0.6× |"
echo "| warm \`start\` (postStart) | ${os} ms | \`docker start\` + \`docker exec\` ${rs} ms | $(ratio "$os" "$rs")× | ≤ 1.15× |"
echo "| \`list\` ${LIST_COUNT} | ${ol} ms | \`docker ps -a --filter\` ${rl} ms | $(ratio "$ol" "$rl")× | ≤ 1.2× |"
echo "| the floor: a bare .NET list (ListFloor) | ${fl} ms | \`docker ps -a --filter\` ${rl} ms | $(ratio "$fl" "$rl")× | — |"
echo
echo "all runs (ms): up ${ours_up[*]} | devcontainer up ${ref_up[*]} | start ${ours_start[*]} | docker start+exec ${raw_start[*]} | list ${ours_list[*]} | docker ps ${raw_list[*]} | ListFloor ${floor_list[*]}"
