#!/usr/bin/env bash
# Measures logonrights as whole processes, the way people run it. From a fresh clone:
#
#   bench/run.sh                 # builds what is missing, then measures (about 5 minutes)
#   RUNS=11 BIG_RUNS=5 bench/run.sh
#
# (a) start-up: an offline audit of samples/server-fault through bin/logonrights and through plain
#     `java -jar`, against bench/Hello.java on the same JVM (the floor) and bench/PicocliHello.java
#     (the same hello as a one-option picocli command, run like the launcher runs logonrights), and
# (b) scale: audits of generated 200, 2,000 and 20,000-pool servers through bin/logonrights with
#     -Xmx512m (20,000 pools: 10,000 custom accounts in 20 groups, 20,000 SIDs in the service right).
#
# The compared commands run alternately (A B C A B C ...) so that a change in the machine's load
# hits all of them alike; medians are printed, with the load average before and after. Peak RSS
# comes from /usr/bin/time when it exists. No hyperfine needed: it would run each command's
# repetitions back to back instead of interleaving them.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-9}
BIG_RUNS=${BIG_RUNS:-3}
JAVA=${JAVA:-java}
JAR=target/logonrights.jar
OUT=target/bench
SERVERS=$OUT/servers

log() { printf '%s\n' "$*" >&2; }

if [ ! -f "$JAR" ]; then
    log "building $JAR (mvn package)..."
    mvn -B -q -DskipTests package >&2
fi
if [ ! -f target/logonrights.jsa ]; then
    log "note: no target/logonrights.jsa (AppCDS archive); bin/logonrights will create it on its first run"
fi
mkdir -p "$OUT"
if [ ! -f "$OUT/Hello.class" ] || [ bench/Hello.java -nt "$OUT/Hello.class" ]; then
    javac -d "$OUT" bench/Hello.java
fi
# The picocli floor: PicocliHello on the jar's picocli, packed in a jar (CDS archives no directory)
# and run as the launcher runs logonrights, with an archive of its own.
PICO_JAR=$OUT/picocli-hello.jar
PICO_JSA=$OUT/picocli-hello.jsa
PICO_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable -Xlog:all=warning,cds*=off:stderr"
if [ ! -f "$PICO_JAR" ] || [ bench/PicocliHello.java -nt "$PICO_JAR" ] || [ "$JAR" -nt "$PICO_JAR" ]; then
    rm -rf "$OUT/picocli-hello" "$PICO_JSA"
    javac -cp "$JAR" -d "$OUT/picocli-hello" bench/PicocliHello.java
    jar cf "$PICO_JAR" -C "$OUT/picocli-hello" .
fi
PICO_CP="$PICO_JAR:$JAR"
if [ ! -f "$PICO_JSA" ]; then
    # shellcheck disable=SC2086
    "$JAVA" $PICO_OPTS -XX:ArchiveClassesAtExit="$PICO_JSA" -cp "$PICO_CP" PicocliHello >/dev/null
fi
for pools in 200 2000 20000; do
    dir=$SERVERS/pools-$pools
    if [ ! -f "$dir/secedit.inf" ] || [ bench/GenerateServer.java -nt "$dir/secedit.inf" ]; then
        log "generating a $pools-pool server in $dir..."
        "$JAVA" bench/GenerateServer.java "$dir" --pools "$pools" --groups 20 --service-sids "$pools" --gpresult
    fi
done

TIME_BIN=
if [ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1; then
    TIME_BIN=/usr/bin/time
fi

declare -A WALL RSS
# run NAME COMMAND...: one timed run; wall ms and peak RSS KB appended to NAME's samples.
run() {
    local name=$1; shift
    local start end status rss=-
    start=$(date +%s%N)
    set +e
    if [ -n "$TIME_BIN" ]; then
        "$TIME_BIN" -f %M -o "$OUT/time.txt" "$@" >"$OUT/stdout.txt" 2>"$OUT/stderr.txt"
        status=$?
        rss=$(tail -n 1 "$OUT/time.txt")
    else
        "$@" >"$OUT/stdout.txt" 2>"$OUT/stderr.txt"
        status=$?
    fi
    set -e
    end=$(date +%s%N)
    # 0 and 1 are verdicts (1: a pool will fail or is at risk); anything else is an error.
    if [ "$status" -gt 1 ]; then
        log "error: '$*' exited with $status:"
        cat "$OUT/stderr.txt" >&2
        exit 1
    fi
    WALL[$name]="${WALL[$name]:-} $(( (end - start) / 1000000 ))"
    RSS[$name]="${RSS[$name]:-} $rss"
}

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : int((v[NR/2]+v[NR/2+1])/2)}'; }
maximum() { tr ' ' '\n' | grep -v -e '^$' -e '^-$' | sort -n | tail -n 1; }
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime | sed 's/.*average[s]*: //'; }

audit_args() {
    local dir=$1
    echo audit --secedit "$dir/secedit.inf" --applicationhost "$dir/applicationHost.config" \
        --memberships "$dir/memberships.json" --gpresult "$dir/gpresult.xml"
}

SMALL=$(audit_args samples/server-fault)
log "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo 2>/dev/null || echo '? GiB'), $("$JAVA" -version 2>&1 | head -n 1)"

log "start-up: $RUNS alternating rounds..."
load_before=$(load)
# One unmeasured round warms the file cache.
"$JAVA" -cp "$OUT" Hello >/dev/null; bin/logonrights $SMALL >/dev/null || true
for ((i = 0; i < RUNS; i++)); do
    run hello "$JAVA" -cp "$OUT" Hello
    # shellcheck disable=SC2086
    run picocli "$JAVA" $PICO_OPTS -Xshare:auto -XX:SharedArchiveFile="$PICO_JSA" -cp "$PICO_CP" PicocliHello
    run launcher bin/logonrights $SMALL
    run jar "$JAVA" -jar "$JAR" $SMALL
done
load_small="$load_before -> $(load)"

log "scale: $BIG_RUNS alternating rounds of 200, 2,000 and 20,000 pools..."
load_before=$(load)
for ((i = 0; i < BIG_RUNS; i++)); do
    for pools in 200 2000 20000; do
        LOGONRIGHTS_JAVA_OPTS=-Xmx512m run "p$pools" bin/logonrights $(audit_args "$SERVERS/pools-$pools")
    done
done
load_big="$load_before -> $(load)"

m() { echo "${WALL[$1]}" | median; }
r() { echo "${RSS[$1]}" | maximum; }
hello=$(m hello); picocli=$(m picocli); launcher=$(m launcher); jar=$(m jar)
p200=$(m p200); p2k=$(m p2000); p20k=$(m p20000)

printf '\n%-44s %10s %12s   %s\n' "command" "median ms" "peak RSS KB" "runs (ms)"
printf '%-44s %10s %12s   %s\n' "hello world (java -cp target/bench Hello)" "$hello" "$(r hello)" "${WALL[hello]}"
printf '%-44s %10s %12s   %s\n' "picocli hello (launcher options, AppCDS)" "$picocli" "$(r picocli)" "${WALL[picocli]}"
printf '%-44s %10s %12s   %s\n' "small audit, bin/logonrights" "$launcher" "$(r launcher)" "${WALL[launcher]}"
printf '%-44s %10s %12s   %s\n' "small audit, java -jar" "$jar" "$(r jar)" "${WALL[jar]}"
printf '%-44s %10s %12s   %s\n' "200 pools, bin/logonrights -Xmx512m" "$p200" "$(r p200)" "${WALL[p200]}"
printf '%-44s %10s %12s   %s\n' "2,000 pools, bin/logonrights -Xmx512m" "$p2k" "$(r p2000)" "${WALL[p2000]}"
printf '%-44s %10s %12s   %s\n' "20,000 pools, bin/logonrights -Xmx512m" "$p20k" "$(r p20000)" "${WALL[p20000]}"
printf '\nload average (1/5/15 min): start-up rounds %s; scale rounds %s\n' "$load_small" "$load_big"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) print "n/a"; else printf "%.2f", a / b }'; }
printf 'small audit / hello: launcher %s (goal <= 2, stretch 1.5), java -jar %s\n' \
    "$(ratio "$launcher" "$hello")" "$(ratio "$jar" "$hello")"
printf 'picocli hello / hello: %s (the framework floor); small audit / picocli hello: %s\n' \
    "$(ratio "$picocli" "$hello")" "$(ratio "$launcher" "$picocli")"
printf '20k / 2k after subtracting start-up (the small audit, %s ms): %s (goal <= 12)\n' \
    "$launcher" "$(ratio $((p20k - launcher)) $((p2k - launcher)))"
printf '20,000 pools: %s ms (goal < 3000 ms), -Xmx512m succeeded\n' "$p20k"
