#!/usr/bin/env bash
# Side-by-side benchmark of a two-service Docker Compose gitspace (an app and a database, as the official templates
# shape them) through the real CLI (artifacts/bin/gitspaces, what users run) and the reference CLI, same config, same
# engine, same compose CLI, one run, interleaved: `gitspaces up` vs `devcontainer up --workspace-folder`, each of a
# fresh project (both removed between rounds, not timed).
# Usage: bench/compose/run.sh   (RUNS=5, BUILD=0 to skip `node scripts/build.mjs`)
# Prints the date, machine, load before and after, and a Markdown table of medians for docs/benchmarks.md.
set -euo pipefail
WORK_PREFIX=compose
source "$(dirname "$0")/../lib.sh"
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

bench_build

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
bench_repo "$REPO"

load_before="$(load)"
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
load_after="$(load)"

m_ours=$(printf '%s\n' "${ours[@]}" | median)
m_ref=$(printf '%s\n' "${ref[@]}" | median)
compose_version=$( (docker compose version --short 2>/dev/null || docker-compose version --short) | head -1)
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  machine: $(nproc) cores  load before: $load_before  after: $load_after  compose: $compose_version  runs: $RUNS"
echo
echo "| two-service compose \`up\` (app + db, waitFor postStartCommand) | gitspaces | reference \`devcontainer up\` | ratio | target |"
echo "| --- | ---: | ---: | ---: | ---: |"
echo "| median of $RUNS, ms | $m_ours | $m_ref | $(ratio "$m_ours" "$m_ref") | ≤ 0.8× |"
echo
echo "each run, ms: gitspaces ${ours[*]}; reference ${ref[*]}"
