# Shared by the benchmark scripts (sourced, not run): the tools, a private state home, a throwaway repository, and
# the timing helpers. A script sets WORK_PREFIX before sourcing and may set RUNS/BUILD; see bench/*/run.sh.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS="${RUNS:-5}"
IMAGE="${GITSPACES_BASE_IMAGE:-gitspaces-base:bookworm}"
DEVCONTAINER="$ROOT/tests/node-tools/node_modules/.bin/devcontainer"
GITSPACES="$ROOT/artifacts/bin/gitspaces"
WORK="$(mktemp -d "/tmp/gitspaces-bench-${WORK_PREFIX:-run}.XXXXXX")"
# The user's state, SSH config and git config stay inside the run's folder.
export GITSPACES_HOME="$WORK/home"
export HOME="$WORK/user"
export GITSPACES_SSH_CONFIG="$WORK/user/.ssh/config"
mkdir -p "$HOME"

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f×", a/b}'; }
must() { "$@" >"$WORK/last.log" 2>&1 || { echo "failed: $*" >&2; cat "$WORK/last.log" >&2; exit 1; }; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# Publishes the sidecar as users get it unless BUILD=0.
bench_build() {
  if [ "${BUILD:-1}" != 0 ]; then
    node scripts/build.mjs >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
  fi
  [ -x "$GITSPACES" ] || { echo "artifacts/bin/gitspaces is missing: run npm run build" >&2; exit 1; }
}

# bench_repo <folder>: a one-commit git repository of the files already written into <folder>.
bench_repo() {
  echo "# bench" > "$1/README.md"
  git -C "$1" init -q -b main
  git -C "$1" add -A
  git -C "$1" -c user.email=bench@gitspaces.dev -c user.name=bench commit -qm bench
}
