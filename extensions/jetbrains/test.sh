#!/usr/bin/env bash
# Builds the plain-Java core of the JetBrains plugin with javac and runs its JUnit 5 tests with the console
# launcher, both from Debian packages (libgoogle-gson-java, junit5). Ends with the line "N passed, N failed".
# Extra arguments go to the JUnit console launcher instead of --scan-class-path, for example
#   extensions/jetbrains/test.sh --select-class io.gitspaces.jetbrains.core.links.LinkBuildersTest
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$here/build"
gson=/usr/share/java/gson.jar
launcher=/usr/share/java/junit-platform-console-standalone.jar
jupiter_api=/usr/share/java/junit-jupiter-api.jar
jupiter_params=/usr/share/java/junit-jupiter-params.jar
apiguardian=/usr/share/java/apiguardian-api.jar
opentest4j=/usr/share/java/opentest4j.jar

missing=()
[ -f "$gson" ] || missing+=(libgoogle-gson-java)
[ -f "$launcher" ] && [ -f "$jupiter_api" ] && [ -f "$jupiter_params" ] || missing+=(junit5)
command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${missing[*]} with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=900 update -qq >/dev/null
    apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "error: missing ${missing[*]}; install them (Debian: apt-get install ${missing[*]})" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

rm -rf "$build/classes" "$build/test-results"
mkdir -p "$build/classes/main" "$build/classes/test" "$build/test-results"

echo "compiling core" >&2
find "$here/core/src/main/java" -name '*.java' > "$build/main-sources.txt"
javac --release 17 -encoding UTF-8 -Xlint:all -Xdoclint:all/protected -Werror \
  -cp "$gson" -d "$build/classes/main" @"$build/main-sources.txt"

echo "compiling tests" >&2
find "$here/core/src/test/java" -name '*.java' > "$build/test-sources.txt"
test_cp="$build/classes/main:$gson:$jupiter_api:$jupiter_params:$apiguardian:$opentest4j"
javac --release 17 -encoding UTF-8 -Xlint:all,-processing -Werror \
  -cp "$test_cp" -d "$build/classes/test" @"$build/test-sources.txt"

if [ $# -gt 0 ]; then select=("$@"); else select=(--scan-class-path "$build/classes/test"); fi

set +e
java -Dgitspaces.repoRoot="${GITSPACES_REPO_ROOT:-$root}" -Dgitspaces.classpath="$build/classes/test:$build/classes/main:$gson" \
  -jar "$launcher" \
  --disable-banner --disable-ansi-colors --details=tree --details-theme=ascii \
  --class-path "$build/classes/test:$build/classes/main:$gson" \
  --config junit.jupiter.execution.timeout.default=15m \
  --reports-dir "$build/test-results" \
  "${select[@]}" 2>&1 | tee "$build/test-output.txt"
status=${PIPESTATUS[0]}
set -e

count() { sed -n -E "s/^\[ *([0-9]+) tests $1 *\]$/\1/p" "$build/test-output.txt" | tail -1; }
passed=$(count successful); failed=$(count failed); aborted=$(count aborted)
found=$(count found); started=$(count started); skipped=$(count skipped)
# Tests that never started because their class failed to set up (a failed @BeforeAll) count as failed.
not_run=$(( ${found:-0} - ${started:-0} - ${skipped:-0} ))
passed=${passed:-0}; failed=$(( ${failed:-0} + ${aborted:-0} + (not_run > 0 ? not_run : 0) ))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then echo "no test ran" >&2; failed=1; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
