#!/usr/bin/env bash
# `git ls-remote` that needs a login, inside a gitspace: the login asked of the user's own credential helper on this
# machine through the sidecar's forwarded socket (docs/credentials.md), against the same login stored in the container
# (git's `store` helper), which is what users do without forwarding. Both are timed inside one SSH session, so only
# git's own work and the login differ. The git server (git http-backend, basic auth) listens on 127.0.0.1 of this
# machine and reaches the gitspace through the benchmark's own `ssh -R`.
#
#   bench/credentials/run.sh [runs]      (needs `npm run build` first; default 15 runs each)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-15}"
sidecar="$PWD/artifacts/bin/gitspaces"
[ -x "$sidecar" ] || { echo "run npm run build first" >&2; exit 1; }

work="$(mktemp -d)"
export GITSPACES_FORWARD_SSH_AGENT=0 HOME="$work/home" GITSPACES_HOME="$work/state" GIT_CONFIG_GLOBAL="$work/home/.gitconfig" GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME"
name="bench-creds-$$"
secret="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
server_pid=""
cleanup() {
  [ -n "${TUNNEL_PID:-}" ] && kill "$TUNNEL_PID" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  "$sidecar" delete "$name" --yes >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# The user's own helper on this machine knows the password; nothing else does.
printf '#!/bin/sh\n[ "$1" = get ] || exit 0\necho username=alice\necho password=%s\n' "$secret" > "$work/helper"
chmod 700 "$work/helper"
printf '[user]\n\tname = Bench\n\temail = bench@example.com\n[credential]\n\thelper = %s\n' "$work/helper" > "$GIT_CONFIG_GLOBAL"

repo="$work/repo"
mkdir -p "$repo/.devcontainer" "$work/served"
echo '{ "image": "gitspaces-base:bookworm" }' > "$repo/.devcontainer/devcontainer.json"
git -C "$repo" init -q -b main && git -C "$repo" add -A && git -C "$repo" commit -qm bench
git clone -q --bare "$repo" "$work/served/bench.git"

"$sidecar" up "$repo" --name "$name" >/dev/null
python3 bench/credentials/server.py "$work/served" "alice:$secret" > "$work/port" &
server_pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(head -n1 "$work/port")
url="http://127.0.0.1:$port/bench.git"

coproc TUNNEL { ssh -F "$HOME/.ssh/config" -T -o BatchMode=yes -o ExitOnForwardFailure=yes -R "127.0.0.1:$port:127.0.0.1:$port" -- "gitspace-$name" 'echo ready; exec cat >/dev/null' 2>/dev/null; }
read -r ready <&"${TUNNEL[0]}"
[ "$ready" = ready ] || { echo "the tunnel did not open" >&2; exit 1; }

# Each run prints its milliseconds; the first of each kind warms caches and is dropped.
loop='for i in $(seq 0 '"$runs"'); do s=$(date +%s%N); GIT_TERMINAL_PROMPT=0 git "$@" ls-remote '"$url"' >/dev/null || exit 1; e=$(date +%s%N); [ "$i" = 0 ] || echo $(( (e - s) / 1000 )); done'
forwarded=$("$sidecar" ssh "$name" -- sh -c "$loop" sh)
"$sidecar" ssh "$name" -- sh -c "printf 'http://alice:%s@127.0.0.1:$port\n' '$secret' > /tmp/bench-store" >/dev/null
stored=$("$sidecar" ssh "$name" -- sh -c "$loop" sh -c credential.helper= -c "credential.helper=store --file=/tmp/bench-store")

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}'; }
echo "git ls-remote with a login, inside a gitspace, median of $runs (ms):"
echo "  asked of the user's helper through the sidecar: $(echo "$forwarded" | median)"
echo "  stored in the container (git's store helper):   $(echo "$stored" | median)"
