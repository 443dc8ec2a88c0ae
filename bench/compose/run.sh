#!/usr/bin/env bash
# Side-by-side benchmark of a two-service Docker Compose gitspace (an app and a database, as the official templates
# shape them) through the real CLI (artifacts/bin/gitspaces, what users run) and the reference CLI, same config, same
# engine, same compose CLI, one run, interleaved: `gitspaces up` vs `devcontainer up --workspace-folder`, each of a
# fresh project (both removed between rounds, not timed).
# Usage: bench/compose/run.sh   (RUNS=5, BUILD=0 to skip `node scripts/build.mjs`)
# Prints the date, machine, load before and after, and a Markdown table of medians for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
RUNS="${RUNS:-5}"
IMAGE="${GITSPACES_BASE_IMAGE:-gitspaces-base:bookworm}"
DEVCONTAINER="$ROOT/tests/node-tools/node_modules/.bin/devcontainer"
GITSPACES="$ROOT/artifacts/bin/gitspaces"
WORK="$(mktemp -d /tmp/gitspaces-bench-compose.XXXXXX)"
export GITSPACES_HOME="$WORK/home"
export HOME="$WORK/user"
export GITSPACES_SSH_CONFIG="$WORK/user/.ssh/config"
mkdir -p "$HOME"
REPO="$WORK/benchcompose"

compose() { if docker compose version >/dev/null 2>&1; then docker compose "$@"; else docker-compose "$@"; fi; }
reference_down() {
  # The reference names its project after the folder; its containers carry the folder as a label.
  for project in $(docker ps -a --filter "label=devcontainer.local_folder=$REPO" --format '{{.Label "com.docker.compose.project"}}' | sort -u); do
    compose -p "$project" -f "$REPO/.devcontainer/docker-compose.yml" down -v >/dev/null 2>&1 || true
  done
}
cleanup() {
  reference_down
  for i in warm $(seq 1 "$RUNS"); do "$GITSPACES" delete "bench-compose-$i" --yes >/dev/null 2>&1 || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ "${BUILD:-1}" != 0 ]; then
  node scripts/build.mjs >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
fi

mkdir -p "$REPO/.devcontainer"
cat > "$REPO/.devcontainer/devcontainer.json" <<JSON
{
  "dockerComposeFile": "docker-compose.yml",
  "service": "app",
  "workspaceFolder": "/workspaces/benchcompose",
  "postCreateCommand": "echo created",
  "postStartCommand": "echo started",
  "waitFor": "postStartCommand"
}
JSON
cat > "$REPO/.devcontainer/docker-compose.yml" <<YAML
services:
  app:
    image: $IMAGE
    volumes:
      - ../..:/workspaces:cached
    command: sleep infinity
    network_mode: service:db
  db:
    image: $IMAGE
    command: sleep infinity
    volumes:
      - db-data:/data
volumes:
  db-data:
YAML
echo "# bench" > "$REPO/README.md"
git -C "$REPO" init -q -b main
git -C "$REPO" add -A
git -C "$REPO" -c user.email=bench@gitspaces.dev -c user.name=bench commit -qm bench

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
must() { "$@" >"$WORK/last.log" 2>&1 || { echo "failed: $*" >&2; cat "$WORK/last.log" >&2; exit 1; }; }

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
# One warm-up round of each tool, not counted (first-run disk caches, the engine's lock image).
must "$GITSPACES" up "$REPO" --name bench-compose-warm --json
must "$GITSPACES" delete bench-compose-warm --yes --json
must "$DEVCONTAINER" up --workspace-folder "$REPO"
reference_down

ours=(); ref=()
for i in $(seq 1 "$RUNS"); do
  t0=$(now); must "$GITSPACES" up "$REPO" --name "bench-compose-$i" --json; t1=$(now)
  ours+=("$(ms "$t0" "$t1")")
  must "$GITSPACES" delete "bench-compose-$i" --yes --json
  t0=$(now); must "$DEVCONTAINER" up --workspace-folder "$REPO"; t1=$(now)
  ref+=("$(ms "$t0" "$t1")")
  reference_down
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

m_ours=$(printf '%s\n' "${ours[@]}" | median)
m_ref=$(printf '%s\n' "${ref[@]}" | median)
compose_version=$( (docker compose version --short 2>/dev/null || docker-compose version --short) | head -1)
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  machine: $(nproc) cores  load before: $load_before  after: $load_after  compose: $compose_version  runs: $RUNS"
echo
echo "| two-service compose \`up\` (app + db, waitFor postStartCommand) | gitspaces | reference \`devcontainer up\` | ratio | target |"
echo "| --- | ---: | ---: | ---: | ---: |"
echo "| median of $RUNS, ms | $m_ours | $m_ref | $(awk -v a="$m_ours" -v b="$m_ref" 'BEGIN{printf "%.2f×", a/b}') | ≤ 0.8× |"
echo
echo "each run, ms: gitspaces ${ours[*]}; reference ${ref[*]}"
