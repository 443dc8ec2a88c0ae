#!/usr/bin/env bash
# Installs what the end-to-end test needs on a fresh Debian 12 machine (Node 20, root, npm registry and
# Debian apt only): Debian's chromium (Playwright drives it), ripgrep and libkrb5-dev (code-server's native
# modules), and code-server 4.100.3 (VS Code 1.100.3, the last line that runs on Node 20) into
# extensions/vscode/.e2e-tools. Idempotent: a second run with everything present takes well under a second.
# Recipe: shared/reference/vscode-e2e.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$here/.e2e-tools"
code_server_version="4.100.3"

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ "${#need_apt[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup-e2e: need root to install: ${need_apt[*]}" >&2
    exit 1
  fi
  echo "setup-e2e: apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

installed_version=""
if [ -f "$tools/node_modules/code-server/package.json" ]; then
  installed_version="$(node -p "require('$tools/node_modules/code-server/package.json').version")"
fi
if [ "$installed_version" != "$code_server_version" ] || [ ! -f "$tools/node_modules/code-server/out/node/entry.js" ]; then
  # @vscode/ripgrep downloads rg from GitHub in its postinstall; seed its cache with Debian's rg instead.
  tmp="$(node -p 'require("os").tmpdir()')"
  cache="$tmp/vscode-ripgrep-cache-1.15.11"
  stage="$(mktemp -d)"
  mkdir -p "$cache"
  cp "$(command -v rg)" "$stage/rg"
  tar czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$stage" rg
  rm -rf "$stage"

  mkdir -p "$tools"
  if [ ! -f "$tools/package.json" ]; then
    printf '{\n  "name": "gitspaces-vscode-e2e-tools",\n  "private": true\n}\n' > "$tools/package.json"
  fi
  echo "setup-e2e: npm install code-server@$code_server_version (builds native modules, about a minute)"
  # unsafe_perm: code-server's postinstall refuses root otherwise; yes: node-pty's postinstall runs
  # `npx node-gyp`; nodedir: the headers of the installed Node, since prebuilt binaries cannot be downloaded.
  (cd "$tools" && npm_config_yes=true npm_config_unsafe_perm=true npm_config_nodedir=/usr \
    npm install --no-audit --no-fund --loglevel=error "code-server@$code_server_version")
fi

# code-server writes a config file even for --version: give it a throw-away HOME and XDG dirs.
probe="$(mktemp -d)"
HOME="$probe" XDG_CONFIG_HOME="$probe/c" XDG_DATA_HOME="$probe/d" \
  node "$tools/node_modules/code-server/out/node/entry.js" --version >/dev/null 2>&1 || {
  rm -rf "$probe"
  echo "setup-e2e: code-server is installed but does not run (--version failed)" >&2
  exit 1
}
rm -rf "$probe"
echo "setup-e2e: ready (code-server $code_server_version, $(/usr/bin/chromium --version 2>/dev/null | head -1))"
