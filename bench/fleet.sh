#!/usr/bin/env bash
# Measures the fleet roll-up: 'logonrights audit --snapshot DIR' over 1,000 snapshots of 50 pools
# each (docs/performance.md, "Fleet roll-up"). From a fresh clone:
#
#   bench/fleet.sh                    # builds what is missing, then measures (about a minute)
#   HOSTS=5000 POOLS=50 bench/fleet.sh
#
# One 50-pool server is generated (bench/GenerateServer.java, with gpresult), collected into a
# snapshot, and copied HOSTS times under distinct machine names. The roll-up then runs in JSON and
# in text, each with a small heap (-Xmx, default 64m: far less than 1,000 reports would take at
# once), through /usr/bin/time for wall time and peak RSS; the output is checked to cover every host.
set -euo pipefail

cd "$(dirname "$0")/.."
HOSTS=${HOSTS:-1000}
POOLS=${POOLS:-50}
HEAP=${HEAP:-64m}
JAVA=${JAVA:-java}
JAR=target/logonrights.jar
OUT=target/bench/fleet
SERVER=$OUT/server-$POOLS
DIR=$OUT/snapshots-$HOSTS-$POOLS

log() { printf '%s\n' "$*" >&2; }

if [ ! -f "$JAR" ]; then
    log "building $JAR (mvn package)..."
    mvn -B -q -DskipTests package >&2
fi
mkdir -p "$OUT"
if [ ! -f "$SERVER/secedit.inf" ] || [ bench/GenerateServer.java -nt "$SERVER/secedit.inf" ]; then
    "$JAVA" bench/GenerateServer.java "$SERVER" --pools "$POOLS" --groups 5 --service-sids "$POOLS" --gpresult
fi
if [ ! -f "$DIR/host-$(printf %05d "$HOSTS").json" ] || [ "$JAR" -nt "$DIR/host-00001.json" ]; then
    rm -rf "$DIR" && mkdir -p "$DIR"
    "$JAVA" -jar "$JAR" collect --secedit "$SERVER/secedit.inf" --applicationhost "$SERVER/applicationHost.config" \
        --memberships "$SERVER/memberships.json" --gpresult "$SERVER/gpresult.xml" --output "$OUT/template.json" 2>/dev/null
    for i in $(seq -f %05g 1 "$HOSTS"); do
        sed "s/BENCH-WEB-01/BENCH-WEB-$i/g" "$OUT/template.json" > "$DIR/host-$i.json"
    done
fi
log "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a); $(nproc) cores; $("$JAVA" -version 2>&1 | head -1)"
printf '%-8s %8s %10s %12s %14s\n' format hosts pools seconds "peak RSS MiB"
for format in json text; do
    report=$OUT/fleet.$format
    # shellcheck disable=SC2086
    set +e
    /usr/bin/time -f '%e %M' -o "$OUT/time.$format" "$JAVA" -Xmx"$HEAP" -jar "$JAR" audit --snapshot "$DIR" \
        --format "$format" --output "$report" --fail-on never
    code=$?
    set -e
    if [ "$code" -ne 0 ]; then
        log "the roll-up exited $code"; exit 1
    fi
    read -r seconds rss < "$OUT/time.$format"
    if [ "$format" = json ]; then
        covered=$(grep -c '"status" : "AUDITED"' "$report")
    else
        covered=$(grep -c '^BENCH-WEB-[0-9]*  *AUDITED' "$report")
    fi
    if [ "$covered" -ne "$HOSTS" ]; then
        log "the $format report covers $covered hosts, not $HOSTS"; exit 1
    fi
    printf '%-8s %8d %10d %12s %14d\n' "$format" "$HOSTS" $((HOSTS * POOLS)) "$seconds" $((rss / 1024))
done
log "reports: $OUT/fleet.json ($(du -h "$OUT/fleet.json" | cut -f1)), $OUT/fleet.text; load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
