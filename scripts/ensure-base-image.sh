#!/usr/bin/env bash
# Makes sure the local base image the example and the tests use exists. Where a registry is reachable it
# pulls debian:bookworm and adds the few packages; otherwise it builds the image from Debian packages with
# debootstrap (about 40 s) and imports it. Setup only.
set -euo pipefail
IMAGE="${GITSPACES_BASE_IMAGE:-gitspaces-base:bookworm}"
PACKAGES="openssh-server,git,ca-certificates,sudo,procps"

if docker image inspect "$IMAGE" >/dev/null 2>&1; then
  echo "base image: $IMAGE (present)"
  exit 0
fi

if timeout 20 docker pull -q debian:bookworm >/dev/null 2>&1; then
  echo "building $IMAGE from debian:bookworm…"
  printf 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends %s && rm -rf /var/lib/apt/lists/*\n' \
    "${PACKAGES//,/ }" | docker build -q -t "$IMAGE" - >/dev/null
  echo "base image: $IMAGE (built from debian:bookworm)"
  exit 0
fi

if ! command -v debootstrap >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    apt-get -o DPkg::Lock::Timeout=900 update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq debootstrap >/dev/null
  else
    echo "No registry answers and debootstrap is missing: install debootstrap, or pull an image with openssh-server and git and tag it $IMAGE." >&2
    exit 1
  fi
fi
root="$(mktemp -d /tmp/gitspaces-rootfs.XXXXXX)"
trap 'rm -rf "$root"' EXIT
echo "no registry reachable: building $IMAGE from Debian packages with debootstrap (about 40 s)…"
debootstrap --variant=minbase --include="$PACKAGES" bookworm "$root" http://deb.debian.org/debian >/tmp/gitspaces-debootstrap.log 2>&1 \
  || { echo "debootstrap failed; see /tmp/gitspaces-debootstrap.log" >&2; exit 1; }
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/archives/*.deb
tar -C "$root" -c . | docker import -c 'CMD ["/bin/bash"]' -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$IMAGE" >/dev/null
echo "base image: $IMAGE (built with debootstrap)"
