#!/usr/bin/env bash
# Mutation testing of the engine with PIT (see docs/mutation-testing.md):
#   scripts/mutation.sh
# Mutates every class of org.logonrights.engine (rules included), runs the engine's tests against
# each mutant on two threads, and prints how many mutants the tests killed. Fails (exit 1) when
# fewer than 90% are killed: the pom's mutationThreshold. Not part of `mvn verify`: it takes
# minutes. Report: target/pit-reports/index.html; raw results: target/pit-reports/mutations.xml.
# Environment: MAVEN_OFFLINE=1 to run Maven with -o.
set -euo pipefail

main() {
  cd "$(dirname "$0")/.."
  offline=${MAVEN_OFFLINE:+-o}
  report=target/pit-reports/mutations.xml
  log=target/pit-reports.log
  mkdir -p target
  rm -f "$report"

  echo "mutation testing org.logonrights.engine; log in $log"
  set +e
  nice -n 10 mvn -B $offline -Pmutation -Dcds.skip=true test-compile org.pitest:pitest-maven:mutationCoverage >"$log" 2>&1
  status=$?
  set -e

  if [[ ! -f "$report" ]]; then
    echo "PIT wrote no report; see $log" >&2
    tail -n 30 "$log" >&2
    exit "$status"
  fi
  # detected='true' covers KILLED, TIMED_OUT and MEMORY_ERROR, as PIT's own score counts them.
  count() { grep -o "$1" "$report" | wc -l; }
  total=$(count '<mutation ')
  killed=$(count "detected='true'")
  survived=$(count "status='SURVIVED'")
  uncovered=$(count "status='NO_COVERAGE'")
  awk -v k="$killed" -v t="$total" -v s="$survived" -v u="$uncovered" 'BEGIN {
    printf "engine mutants killed: %d of %d (%.1f%%); %d survived, %d not covered\n", k, t, t ? 100 * k / t : 0, s, u
  }'
  echo "report: target/pit-reports/index.html"
  if [[ $status -ne 0 ]]; then
    grep -E 'below threshold|ERROR' "$log" | head -n 5 >&2 || true
  fi
  exit "$status"
}

main "$@"
