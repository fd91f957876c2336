#!/usr/bin/env bash
# The overload benchmark of BENCHMARKS.md ("Overload"): capacity, 3x capacity offered, and one
# channel flooding. The capacity step gets a fresh gateway (embedded PostgreSQL in a fresh data
# directory); the others share one warmed gateway, each with its own seed, so no step replays or
# conflicts with another's source ids. Everything runs under nice 19.
#
#   ./mvnw -q -DskipTests package
#   loadtest/overload-bench.sh CAPACITY [SECONDS]
#
# CAPACITY is the node's intake capacity in records/s (measured with the first step); the channel
# rates are set to it, split like the steady profile's mix (phone 45%, web 40%, 12345 15%).
# Results go to a fresh directory under ${TMPDIR:-/tmp}, named on the last line.
# Needs java, wrk, jq and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
CAP=${1:?capacity in records/s}
SECS=${2:-30}
PORT=${PORT:-18437}
OUT=$(mktemp -d "${TMPDIR:-/tmp}/overload-bench.XXXXXX")
GATEWAY=gateway/target/intake-gateway.jar
LOADTEST=loadtest/target/intake-loadtest.jar

cat > "$OUT/limits.yaml" <<EOF
limits:
  channels:
    phone: {rate: $((CAP * 45 / 100)), burst: $((CAP * 90 / 100))}
    web: {rate: $((CAP * 40 / 100)), burst: $((CAP * 80 / 100))}
    "12345": {rate: $((CAP * 15 / 100)), burst: $((CAP * 30 / 100))}
EOF

PID=
start_gateway() { # $1: run name
  INTAKE_CONFIG="$OUT/limits.yaml" INTAKE_DATA_DIR="$OUT/$1.data" INTAKE_HTTP_PORT=$PORT \
    nice -n 19 java -XX:MaxTenuringThreshold=1 -Xmx1g -jar "$GATEWAY" > "$OUT/$1.gateway.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 180); do
    grep -q "ready on port" "$OUT/$1.gateway.log" && return 0
    sleep 1
  done
  echo "gateway did not start: $OUT/$1.gateway.log" >&2
  exit 1
}
stop_gateway() {
  kill "$PID" && wait "$PID" || true
}
trap 'kill $PID 2>/dev/null || true' EXIT

# Heap used and live data after the last GC, every 2 s, while a run lasts.
sample_heap() { # $1: file
  while true; do
    curl -s "http://127.0.0.1:$PORT/metrics" | awk -v t="$(date +%s)" '
      /^jvm_memory_used_bytes\{area="heap"/ {used += $NF}
      /^jvm_gc_live_data_size_bytes / {live = $NF}
      END {printf "%s %d %d\n", t, used, live}' >> "$1"
    sleep 2
  done
}

run() { # $1: name, $2: measured seconds, rest: loadtest arguments
  local name=$1 secs=$2
  shift 2
  nice -n 19 java -XX:MaxTenuringThreshold=1 -jar "$LOADTEST" run --target "http://127.0.0.1:$PORT" --duration "${secs}s" \
    --ramp 5s --warmup 5s --no-verify --out "$OUT/$name" "$@" > "$OUT/$name.log" 2>&1 || true
}

# The flood: wrk (bench/intake-paced.lua) at about 3 x CAPACITY for SECS + 10 s, every record of the
# steady corpus posted with the web key. The load tool costs about 0.27 ms of CPU a request, so a
# flood from it took most of a core from the gateway it measures; wrk costs a tenth of that, and the
# victims are still measured by the load tool. 96 connections, each pausing 96000 / (3 x CAPACITY)
# ms after an answer, less the 3 ms an answer took on average in the run of 2026-12-02 13:05 (most
# are refusals, back within a millisecond or two); flood-web.txt has the rate achieved.
# wrk runs under SCHED_IDLE (chrt --idle): it gets only the cycles nothing else wants, as a generator
# on another machine would take none of the gateway's; the rate it still reaches is what counts.
# Its bodies are written before anything starts, one file per wrk thread.
java -jar "$LOADTEST" corpus --profile steady --count $((CAP * 3 * (SECS + 10) * 11 / 10)) --seed 104 \
  --out - 2>/dev/null | jq -r '.channel + "\t" + (.body | tojson)' > "$OUT/flood-bodies.tsv"
for i in 0 1; do awk -v i=$i 'NR % 2 == i' "$OUT/flood-bodies.tsv" > "$OUT/flood-bodies.$i"; done
flood_web() { # $1: name, $2: requests/s
  local secs=$((SECS + 10)) rate=$2
  chrt --idle 0 wrk -t2 -c96 --timeout 10s -d"${secs}s" -s bench/intake-paced.lua "http://127.0.0.1:$PORT" -- \
    "$OUT/flood-bodies" "$1-$RANDOM" "$OUT/$1-series" demo-web-key demo-web-key demo-web-key - \
    $((96000 / rate > 4 ? 96000 / rate - 3 : 1)) > "$OUT/$1-web.txt" 2>&1 || true
}

# 1. Capacity: the channel rates as configured, offered at capacity.
start_gateway capacity
run capacity "$SECS" --profile steady --rate "$CAP" --connections 256 --seed 101
stop_gateway

# 2. The other channels' p99 at 40% of capacity, alone and while web floods at 3x capacity (every
#    record of the flood posted with the web key), the flood starting first and ending last; then
#    3. three times capacity offered, the heap sampled. All on one gateway, warmed first (WARM
#    seconds at half capacity): a fresh JVM spends its first minute compiling, and the steps would
#    otherwise compare the JIT's progress, not the load. Each step has its own seed, so no step
#    replays another's source ids; the 3x step comes last so that its backlog cannot reach the
#    steps it would disturb.
start_gateway warmed
run warm "${WARM:-60}" --profile steady --rate $((CAP / 2)) --connections 128 --seed 100
run alone "$SECS" --profile steady --rate $((CAP * 40 / 100)) --connections 128 --seed 103
# The same 40% while web also sends, from wrk, what its bucket leaves the victims' web share (the
# web bucket is 40% of CAPACITY, the victims' web records 40% of 40%): a busy web channel that keeps
# to its quota. Set against `flooded`, it parts what the flood's refused excess costs the other
# channels from what its admitted share costs them.
flood_web quota $((CAP * 24 / 100)) &
FLOOD=$!
sleep 3
run quota "$SECS" --profile steady --rate $((CAP * 40 / 100)) --connections 128 --seed 106
wait $FLOOD || true
sleep 5
flood_web flood $((CAP * 3)) &
FLOOD=$!
sleep 3
run flooded "$SECS" --profile steady --rate $((CAP * 40 / 100)) --connections 128 --seed 105
wait $FLOOD || true
sleep 5
# The same 40% alone once more: with `alone` it brackets the steps between, so a drift of the
# machine or of the gateway over the run shows instead of passing for the flood's effect.
run after "$SECS" --profile steady --rate $((CAP * 40 / 100)) --connections 128 --seed 107
sleep 5
sample_heap "$OUT/triple.heap" &
SAMPLER=$!
run triple "$SECS" --profile steady --rate $((CAP * 3)) --connections 512 --seed 102
kill $SAMPLER
stop_gateway
echo "$OUT"
