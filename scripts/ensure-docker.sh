#!/usr/bin/env bash
# Makes sure a Docker engine answers: DOCKER_HOST or the local socket. As root on Debian/Ubuntu without
# an engine it installs Debian's docker.io and starts dockerd in the background. Setup only: the product
# itself never shells out to this.
set -euo pipefail

engine_answers() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

if command -v docker >/dev/null 2>&1 && engine_answers; then
  echo "docker engine: $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')"
  exit 0
fi
if [ -n "${DOCKER_HOST:-}" ]; then
  echo "DOCKER_HOST=$DOCKER_HOST does not answer; start that engine or unset DOCKER_HOST." >&2
  exit 1
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "No Docker engine answers on the local socket. Install Docker (https://docs.docker.com/engine/install/) and start it, or set DOCKER_HOST." >&2
  exit 1
fi
if ! command -v dockerd >/dev/null 2>&1; then
  echo "installing docker.io from Debian's packages…"
  apt-get -o DPkg::Lock::Timeout=900 update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq docker.io >/dev/null
fi
if ! pgrep -x dockerd >/dev/null 2>&1; then
  echo "starting dockerd…"
  nohup dockerd >/var/log/gitspaces-dockerd.log 2>&1 &
fi
for _ in $(seq 1 60); do
  if engine_answers; then
    echo "docker engine: $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')"
    exit 0
  fi
  sleep 0.5
done
echo "dockerd did not answer within 30 s; see /var/log/gitspaces-dockerd.log" >&2
exit 1
