#!/usr/bin/env bash
# Fuzzes one Jazzer target for a while (see docs/bad-input.md):
#   scripts/fuzz.sh TARGET [DURATION]        e.g. scripts/fuzz.sh applicationHost 10m
# TARGET: securityTemplate applicationHost gpresult memberships textDecoder secureXml evtx eventLog audit
#
# Each target fuzzes in its own copy of the project (target/fuzz/TARGET/), so a run never races with
# your builds or with a second run. A crash stops the run; its input is copied to
# src/test/resources/org/logonrights/<package>/<Class>Inputs/TARGET/: fix the bug and commit the
# input with the fix, and every `mvn verify` replays it from then on.
# Runs niced with a 1 GB heap. Environment: KEEP_GOING=N to go on after N-1 distinct findings,
# MAVEN_OFFLINE=1 to run Maven with -o.
set -euo pipefail

# All in one function, read whole before it runs: editing this file during an hour-long run
# must not change what the running shell executes next.
main() {
  cd "$(dirname "$0")/.."
  root="$PWD"

  target="${1:?usage: scripts/fuzz.sh TARGET [DURATION]}"
  duration="${2:-10m}"
  case "$target" in
    securityTemplate|applicationHost|gpresult|memberships|textDecoder|secureXml|evtx|eventLog)
      class=org.logonrights.sources.ParsersFuzzTest ;;
    audit)
      class=org.logonrights.app.AuditPathFuzzTest ;;
    *)
      echo "unknown target '$target'" >&2; exit 2 ;;
  esac
  inputs="src/test/resources/$(dirname "${class//.//}")/${class##*.}Inputs/$target"
  offline=${MAVEN_OFFLINE:+-o}

  work="target/fuzz/$target"
  mkdir -p "$work"
  rm -rf "$work/src" "$work/pom.xml"
  cp -R src pom.xml "$work/"
  log="$root/target/fuzz/$target.log"
  echo "fuzzing $class#$target for $duration in $work; log in ${log#$root/}"

  cd "$work"
  mvn -B -q $offline test-compile
  set +e
  JAZZER_FUZZ=1 nice -n 10 mvn -B $offline surefire:test \
    -Dtest="$class#$target" -Djazzer.max_duration="$duration" -Djazzer.keep_going="${KEEP_GOING:-1}" \
    -Djazzer.hooks=true -Dtest.jvm.args=-Xmx1g >"$log" 2>&1
  status=$?
  set -e

  # Bring new crash inputs home.
  for f in "$inputs"/crash-* "$inputs"/timeout-* "$inputs"/oom-* "$inputs"/slow-unit-*; do
    [[ -e "$f" ]] || continue
    if [[ ! -e "$root/$inputs/$(basename "$f")" ]]; then
      cp "$f" "$root/$inputs/" && echo "new finding: $inputs/$(basename "$f")"
    fi
  done
  # libFuzzer's own summary: executions and duration.
  grep -E '^Done [0-9]+ runs in [0-9]+ second|^==[0-9]+== |^== Java Exception' "$log" || true
  exit $status
}

main "$@"
