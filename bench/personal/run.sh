#!/usr/bin/env bash
# Side-by-side benchmark of #18's personalization through the real CLI (artifacts/bin/gitspaces, what users run) and
# the reference CLI, same config, same engine, one run, interleaved (docs/personalization.md):
#   1. `up` without personalization: gitspaces vs `devcontainer up` (the baseline the next two add to)
#   2. `up` with a dotfiles repository whose install.sh links files into home: `gitspaces up --dotfiles <folder>`
#      (cloned here, copied in) vs `devcontainer up --dotfiles-repository` (cloned inside the container from a bind
#      mount of the same repository, as the reference only clones in the container)
#   3. `up` with 20 secrets: `gitspaces secret set` (global scope, set before the round) vs `devcontainer up
#      --secrets-file` (a JSON file of the same 20 values)
#   4. what auto-stop's in-container watcher costs an idle gitspace at the default timeout: its CPU time (with the
#      processes it ran) over WATCH_SECONDS, per hour, and its resident memory
# Usage: bench/personal/run.sh   (RUNS=5 WATCH_SECONDS=120, BUILD=0 to skip `node scripts/build.mjs`)
# Prints the date, machine, load before and after, and a Markdown table of medians for docs/benchmarks.md.
set -euo pipefail
WORK_PREFIX=personal
source "$(dirname "$0")/../lib.sh"
WATCH_SECONDS="${WATCH_SECONDS:-120}"
export GITSPACES_FORWARD_SSH_AGENT=0   # no agent runs here; the sessions below need none
REPO="$WORK/benchpersonal"
DOTFILES="$WORK/dotfiles"

reference_down() { docker ps -aq --filter "label=devcontainer.local_folder=$REPO" | xargs -r docker rm -f >/dev/null 2>&1 || true; }
cleanup() {
  reference_down
  for i in $(seq 1 "$RUNS") watch; do
    for kind in plain dotfiles secrets; do "$GITSPACES" delete "bench-personal-$kind-$i" --yes >/dev/null 2>&1 || true; done
  done
  "$GITSPACES" delete bench-personal-watch --yes >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
bench_build

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

# A dotfiles repository as people keep them: a few files and an install script that links them into home.
mkdir -p "$DOTFILES/config"
printf 'alias ll="ls -l"\nexport EDITOR=vi\n' > "$DOTFILES/.bash_aliases"
printf '[alias]\n\tst = status\n' > "$DOTFILES/.gitconfig.local"
printf 'set number\n' > "$DOTFILES/config/vimrc"
cat > "$DOTFILES/install.sh" <<'SH'
#!/bin/sh
set -e
here="$(cd "$(dirname "$0")" && pwd)"
for f in .bash_aliases .gitconfig.local; do ln -sf "$here/$f" "$HOME/$f"; done
ln -sf "$here/config/vimrc" "$HOME/.vimrc"
echo "dotfiles installed"
SH
chmod +x "$DOTFILES/install.sh"
bench_repo "$DOTFILES"

# Twenty secrets, the same values for both tools; ours from stdin (never argv), the reference's from a file.
printf '{' > "$WORK/secrets.json"
for i in $(seq 1 20); do
  value="bench-value-$i-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  printf '%s"BENCH_SECRET_%d": "%s"' "$([ "$i" = 1 ] || echo ,)" "$i" "$value" >> "$WORK/secrets.json"
  eval "secret_$i=\$value"
done
printf '}\n' >> "$WORK/secrets.json"

load_before="$(load)"
# One warm-up round of each tool, not counted (first-run disk caches, the engine's lock image).
must "$GITSPACES" up "$REPO" --name bench-personal-plain-warm --json
must "$GITSPACES" delete bench-personal-plain-warm --yes --json
must "$DEVCONTAINER" up --workspace-folder "$REPO"
reference_down

declare -A times
round() { # round <kind> <our extra args...> -- <reference extra args...>
  local kind="$1"; shift
  local ours=() ref=()
  while [ "$1" != -- ]; do ours+=("$1"); shift; done; shift
  for i in $(seq 1 "$RUNS"); do
    t0=$(now); must "$GITSPACES" up "$REPO" --name "bench-personal-$kind-$i" --json "${ours[@]}"; t1=$(now)
    times[$kind.ours]+="$(ms "$t0" "$t1") "
    [ "$kind" = secrets ] && [ "$i" = "$RUNS" ] || must "$GITSPACES" delete "bench-personal-$kind-$i" --yes --json
    t0=$(now); must "$DEVCONTAINER" up --workspace-folder "$REPO" "$@"; t1=$(now)
    times[$kind.ref]+="$(ms "$t0" "$t1") "
    reference_down
  done
}
round plain -- 
round dotfiles --dotfiles "$DOTFILES" -- --mount "type=bind,source=$DOTFILES,target=/tmp/bench-dotfiles" --dotfiles-repository /tmp/bench-dotfiles
for i in $(seq 1 20); do eval "printf '%s' \"\$secret_$i\"" | must "$GITSPACES" secret set "BENCH_SECRET_$i"; done
round secrets -- --secrets-file "$WORK/secrets.json"

# Both did the work they were timed for: the dotfiles installed as the remote user, the secrets in a session.
last="bench-personal-secrets-$RUNS"
[ "$("$GITSPACES" ssh "$last" -- printenv BENCH_SECRET_20)" = "$secret_20" ] || { echo "the secret did not reach the session" >&2; exit 1; }
must "$GITSPACES" up "$REPO" --name bench-personal-watch --dotfiles "$DOTFILES" --json
[ -n "$("$GITSPACES" ssh bench-personal-watch -- sh -c 'readlink "$HOME/.vimrc"')" ] || { echo "the dotfiles were not installed" >&2; exit 1; }

# The watcher of an idle gitspace (no session from here on): CPU ticks of itself and the processes it waited for.
container=gitspace-bench-personal-watch
pid=$(docker exec "$container" cat /var/lib/gitspaces/auto-stop/watcher.pid)
ticks() { docker exec "$container" sh -c "set -- \$(sed 's/.*) //' /proc/$pid/stat); echo \$((\${12} + \${13} + \${14} + \${15}))"; }
hz=$(getconf CLK_TCK)
before=$(ticks); sleep "$WATCH_SECONDS"; after=$(ticks)
rss=$(docker exec "$container" sh -c "grep VmRSS /proc/$pid/status" | awk '{print $2}')
cpu_ms=$(( (after - before) * 1000 / hz ))
per_hour=$(awk -v c="$cpu_ms" -v s="$WATCH_SECONDS" 'BEGIN{printf "%.0f", c * 3600 / s}')
load_after="$(load)"

m() { tr ' ' '\n' <<<"${times[$1]}" | grep . | median; }
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  machine: $(nproc) cores  load before: $load_before  after: $load_after  runs: $RUNS"
echo
echo "| \`up\` (waitFor postStartCommand), median of $RUNS, ms | gitspaces | reference \`devcontainer up\` | ratio |"
echo "| --- | ---: | ---: | ---: |"
for kind in plain dotfiles secrets; do
  case $kind in plain) what="no personalization";; dotfiles) what="with a dotfiles repository (install.sh links 3 files)";; secrets) what="with 20 secrets";; esac
  echo "| $what | $(m $kind.ours) | $(m $kind.ref) | $(ratio "$(m $kind.ours)" "$(m $kind.ref)") |"
done
echo
minus() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%+.0f", a - b}'; }
echo "added to \`up\`, ms: dotfiles gitspaces $(minus "$(m dotfiles.ours)" "$(m plain.ours)"), reference $(minus "$(m dotfiles.ref)" "$(m plain.ref)"); 20 secrets gitspaces $(minus "$(m secrets.ours)" "$(m plain.ours)"), reference $(minus "$(m secrets.ref)" "$(m plain.ref)")"
echo "auto-stop watcher, idle gitspace at the default timeout: ${cpu_ms} ms CPU in ${WATCH_SECONDS} s (~${per_hour} ms per hour), ${rss} KiB resident"
echo
for k in plain dotfiles secrets; do echo "each run, ms: $k gitspaces ${times[$k.ours]}; reference ${times[$k.ref]}"; done
