#!/usr/bin/env bash
# Port forwarding: throughput of a 100 MB download through `gitspaces forward` vs the same bytes piped out of
# `docker exec` (the engine's own stream, which the forward rides on), and the time to the first byte of a request
# through a forward vs the same request made inside the container. Interleaved runs, medians.
# Usage: bench/ports/run.sh [runs]   (default 5). Needs dockerd, the local gitspaces-base:bookworm image, curl, and
# `npm run build` output: artifacts/bin/gitspaces (Native AOT).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-5}"
sidecar="$root/artifacts/bin/gitspaces"
work="$(mktemp -d)"
export GITSPACES_HOME="$work/home" GITSPACES_SSH_CONFIG="$work/ssh_config"
name="bench-ports-$$"
container="gitspace-$name"
port=18180
cleanup() {
  "$sidecar" ports "$name" --stop all >/dev/null 2>&1 || true
  "$sidecar" delete "$name" --yes >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/repo/.devcontainer"
printf '{ "image": "gitspaces-base:bookworm" }\n' > "$work/repo/.devcontainer/devcontainer.json"
git -C "$work/repo" init -q && git -C "$work/repo" add -A && git -C "$work/repo" -c user.name=b -c user.email=b@example.com commit -qm bench
"$sidecar" up "$work/repo" --name "$name" >/dev/null
docker cp "$root/tests/Gitspaces.Server.Tests/Published/web-server.pl" "$container:/tmp/web-server.pl"
docker exec "$container" sh -c 'head -c 104857600 /dev/urandom > /tmp/big'
docker exec -d "$container" perl /tmp/web-server.pl "$port"
sleep 1

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), docker $(docker version -f '{{.Server.Version}}'), curl $(curl --version | head -1 | cut -d' ' -f2)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
now() { date +%s.%N; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# A new forward each run: the first request through it is the "first byte through a new forward".
new_forward=() via_forward=() via_exec=() exec_request=() inside=() forwarded_mb=()
for i in $(seq "$runs"); do
  start=$(now)
  url=$("$sidecar" forward "$name" "$port" --background --json | sed -E 's/.*"url":"([^"]+)".*/\1/')
  ttfb=$(curl -s -o /dev/null -w '%{time_starttransfer}' "${url}hello")
  new_forward+=("$(echo "$(now) - $start" | bc -l)")
  # A new connection through the forward that is now up.
  via_forward+=("$(curl -s -o /dev/null -w '%{time_starttransfer}' "${url}hello")")
  # The same request made inside the container: from the host through `docker exec` (what a user would type), and
  # measured inside the container alone (no engine in the way).
  start=$(now)
  docker exec "$container" perl -MIO::Socket::INET -e '$s = IO::Socket::INET->new("127.0.0.1:'"$port"'") or die; print $s "GET /hello HTTP/1.0\r\n\r\n"; sysread $s, $b, 1' 
  exec_request+=("$(echo "$(now) - $start" | bc -l)")
  inside+=("$(docker exec "$container" perl -MIO::Socket::INET -MTime::HiRes=time -e '$t = time; $s = IO::Socket::INET->new("127.0.0.1:'"$port"'") or die; print $s "GET /hello HTTP/1.0\r\n\r\n"; sysread $s, $b, 1; printf "%.6f", time - $t')")
  # 100 MB through the forward, then piped out of docker exec.
  via_exec+=("$( { /usr/bin/time -f '%e' sh -c "docker exec $container cat /tmp/big > /dev/null"; } 2>&1 )")
  forwarded_mb+=("$(curl -s -o /dev/null -w '%{speed_download}' "${url}file/tmp/big")")
  "$sidecar" ports "$name" --stop all >/dev/null
done

fwd=$(printf '%s\n' "${forwarded_mb[@]}" | median)
exec_s=$(printf '%s\n' "${via_exec[@]}" | median)
exec_mb=$(echo "104857600 / $exec_s" | bc -l)
printf 'throughput, 100 MB: forwarded %.1f MB/s, docker exec piped %.1f MB/s (%.0f%%)\n' "$(echo "$fwd / 1048576" | bc -l)" "$(echo "$exec_mb / 1048576" | bc -l)" "$(echo "100 * $fwd / $exec_mb" | bc -l)"
nf=$(printf '%s\n' "${new_forward[@]}" | median)
vf=$(printf '%s\n' "${via_forward[@]}" | median)
er=$(printf '%s\n' "${exec_request[@]}" | median)
in=$(printf '%s\n' "${inside[@]}" | median)
printf 'first byte: new forward (gitspaces forward --background + first request) %.0f ms; new connection through a forward %.1f ms\n' "$(echo "$nf * 1000" | bc -l)" "$(echo "$vf * 1000" | bc -l)"
printf 'same request inside the container: through docker exec %.0f ms; inside alone %.2f ms\n' "$(echo "$er * 1000" | bc -l)" "$(echo "$in * 1000" | bc -l)"
printf 'ratio: new connection / docker exec request %.2f×; new forward / docker exec request %.2f×\n' "$(echo "$vf / $er" | bc -l)" "$(echo "$nf / $er" | bc -l)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
