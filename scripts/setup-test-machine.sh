#!/usr/bin/env bash
# Installs and starts what the test suites need on a fresh Debian/Ubuntu machine (as root): a Docker engine,
# the local base image, git, the OpenSSH client, Debian's docker-registry, the compose CLI (Debian's docker-compose) and
# the reference devcontainer CLI.
# The VS Code and JetBrains suites install their own extras (browser, JDK jars) from their own scripts.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"

need=()
for pair in git:git ssh:openssh-client ssh-keygen:openssh-client debootstrap:debootstrap docker-registry:docker-registry docker-compose:docker-compose ss:iproute2 script:bsdutils; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || need+=("${pair##*:}")
done
# gitspaces is published with Native AOT (scripts/release/publish.mjs): the ILCompiler links with clang and zlib;
# linux-arm64 is cross-linked with clang, lld and Debian's arm64 C library (npm run package:all, run by the tests).
if command -v dpkg >/dev/null 2>&1; then
  # qemu-user runs the linux-arm64 program of the release in the tests; javac, jar and Gson build the JetBrains core jar.
  for package in clang lld llvm zlib1g-dev gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user openjdk-17-jdk-headless libgoogle-gson-java; do
    dpkg -s "$package" >/dev/null 2>&1 || need+=("$package")
  done
fi
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${need[*]}…"
    apt-get -o DPkg::Lock::Timeout=900 update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq "${need[@]}" >/dev/null
  else
    echo "missing tools: ${need[*]} (install them, then run the tests again)" >&2
    exit 1
  fi
fi
# Debian starts docker-registry as a service on install; the tests run their own on loopback.
systemctl disable --now docker-registry >/dev/null 2>&1 || true

bash "$here/ensure-docker.sh"
bash "$here/ensure-base-image.sh"

if [ ! -x "$root/tests/node-tools/node_modules/.bin/devcontainer" ]; then
  echo "installing the reference devcontainer CLI…"
  (cd "$root/tests/node-tools" && npm ci --no-audit --no-fund --loglevel=error)
fi
git config --global user.email >/dev/null 2>&1 || git config --global user.email "tests@gitspaces.local"
git config --global user.name >/dev/null 2>&1 || git config --global user.name "gitspaces tests"
