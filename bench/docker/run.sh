#!/usr/bin/env bash
# Side-by-side benchmark of the Docker provider, same config, same engine, one run:
#   1. `up` of a fresh gitspace vs `devcontainer up --workspace-folder` (reference CLI 0.89.0)
#   2. warm start of a stopped gitspace vs raw `docker start` + one `docker exec`
#   3. listing 200 gitspaces vs `docker ps -a --filter label=…`
# Prints a Markdown table for docs/benchmarks-docker.md. Setup/measurement only; needs docker, git, node tools.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
RUNS="${RUNS:-5}"
LIST_COUNT="${LIST_COUNT:-200}"
IMAGE="${GITSPACES_BASE_IMAGE:-gitspaces-base:bookworm}"
DEVCONTAINER="$ROOT/tests/node-tools/node_modules/.bin/devcontainer"
WORK="$(mktemp -d /tmp/gitspaces-bench.XXXXXX)"
export GITSPACES_HOME="$WORK/home" HOME_SAVED="$HOME"
export HOME="$WORK/user"
mkdir -p "$HOME"
cleanup() {
  docker ps -aq --filter label=gitspaces.bench=1 | xargs -r docker rm -f >/dev/null 2>&1 || true
  docker ps -aq --filter label=dev.gitspaces.bench=1 | xargs -r docker rm -f >/dev/null 2>&1 || true
  docker volume ls -q --filter label=dev.gitspaces.bench=1 | xargs -r docker volume rm -f >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

dotnet build -c Release -v q -nologo "$ROOT/bench/docker/Gitspaces.Bench.Docker" >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
BENCH="$ROOT/artifacts/build/bin/Gitspaces.Bench.Docker/release/gitspaces-docker-bench.dll"

# One repository, used by both tools; waitFor postStartCommand so both return after every command ran.
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
echo "# bench" > "$REPO/README.md"
git -C "$REPO" init -q -b main
git -C "$REPO" add -A
git -C "$REPO" -c user.email=bench@gitspaces.dev -c user.name=bench commit -qm bench

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

ours_up=() ; ref_up=() ; ours_start=() ; raw_start=() ; ours_list=() ; raw_list=()
for i in $(seq 1 "$RUNS"); do
  t0=$(now); dotnet "$BENCH" up "$REPO" --name "bench-$i" >/dev/null; t1=$(now)
  ours_up+=("$(elapsed "$t0" "$t1")")
  # warm start: stop, then time start (postStartCommand runs)
  dotnet "$BENCH" stop "bench-$i" >/dev/null
  t0=$(now); dotnet "$BENCH" start "bench-$i" >/dev/null; t1=$(now)
  ours_start+=("$(elapsed "$t0" "$t1")")
  dotnet "$BENCH" delete "bench-$i" >/dev/null

  t0=$(now); "$DEVCONTAINER" up --workspace-folder "$REPO" --id-label "gitspaces.bench=1" --id-label "run=$i" >/dev/null 2>&1; t1=$(now)
  ref_up+=("$(elapsed "$t0" "$t1")")
  c=$(docker ps -q --filter label=run="$i" --filter label=gitspaces.bench=1)
  docker stop -t 1 "$c" >/dev/null
  t0=$(now); docker start "$c" >/dev/null; docker exec "$c" /bin/sh -c "echo started" >/dev/null; t1=$(now)
  raw_start+=("$(elapsed "$t0" "$t1")")
  docker rm -f "$c" >/dev/null
done

# 200 gitspaces: labelled containers and volumes as the provider makes them (created, not started).
for i in $(seq 1 "$LIST_COUNT"); do
  docker volume create --label dev.gitspaces.bench=1 --label dev.gitspaces.provider=docker --label "dev.gitspaces.id=list-$i" "gitspace-list-$i-workspace" >/dev/null
  docker create --label dev.gitspaces.bench=1 --label dev.gitspaces.provider=docker --label "dev.gitspaces.id=list-$i" --name "gitspace-list-$i" "$IMAGE" true >/dev/null
done
for i in $(seq 1 "$RUNS"); do
  t0=$(now); dotnet "$BENCH" list >/dev/null; t1=$(now)
  ours_list+=("$(elapsed "$t0" "$t1")")
  t0=$(now); docker ps -a --filter label=dev.gitspaces.provider=docker >/dev/null; t1=$(now)
  raw_list+=("$(elapsed "$t0" "$t1")")
done

m() { printf '%s\n' "$@" | median; }
ou=$(m "${ours_up[@]}"); ru=$(m "${ref_up[@]}"); os=$(m "${ours_start[@]}"); rs=$(m "${raw_start[@]}"); ol=$(m "${ours_list[@]}"); rl=$(m "${raw_list[@]}")
ratio() { echo "scale=2; $1 / $2" | bc; }
echo "Machine: $(nproc) cores, $(uname -sr), Docker $(docker version --format '{{.Server.Version}}'), load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ); median of $RUNS"
echo
echo "| what | gitspaces | reference | ratio | target |"
echo "| --- | --- | --- | --- | --- |"
echo "| up (fresh, postCreate + postStart) | ${ou} s | devcontainer up ${ru} s | $(ratio "$ou" "$ru")× | ≤ 0.6× |"
echo "| warm start (postStart) | ${os} s | docker start + exec ${rs} s | $(ratio "$os" "$rs")× | ≤ 1.3× |"
echo "| list ${LIST_COUNT} | ${ol} s | docker ps --filter ${rl} s | $(ratio "$ol" "$rl")× | ≤ 1.5× |"
