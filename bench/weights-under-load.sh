#!/usr/bin/env bash
# Changes the canary weight of `turnout proxy` 100 times through its admin endpoint while wrk drives traffic
# through it, on loopback, for a bounded time, and fails unless wrk saw zero non-2xx responses and zero socket
# errors and every weight change was answered 200 with the new weight in effect.
#
#   bench/weights-under-load.sh                         # builds turnout (release), 100 changes, ~35 s
#   TURNOUT_BIN=path/to/turnout bench/weights-under-load.sh
#   WEIGHT_CHANGES=500 LOAD_DURATION=60 LOAD_CONNECTIONS=100 bench/weights-under-load.sh
#
# Backends are two nginx processes (1 worker each, `GET /` answers a few bytes); nginx is installed with
# apt-get when missing, like wrk. The proxy runs with `--threads 2`, so a change has to reach both event
# loops before the admin call returns. wrk runs a little longer than the changes take, and the script
# waits for it; a change that fails, or a wrk that hangs past its duration plus 30 s, fails the run.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
CHANGES=${WEIGHT_CHANGES:-100}
DURATION=${LOAD_DURATION:-30}
CONNECTIONS=${LOAD_CONNECTIONS:-50}
THREADS=${PROXY_THREADS:-2}
BASE_PORT=${BENCH_BASE_PORT:-18100}
BACKEND_A=$((BASE_PORT + 1))
BACKEND_B=$((BASE_PORT + 2))
PROXY_PORT=$((BASE_PORT + 10))
ADMIN_PORT=$((BASE_PORT + 11))

source bench/support.sh
bench_need nginx wrk curl
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

bench_turnout_binary

bench_workdir weights

nginx_backend "$BACKEND_A" stable
nginx_backend "$BACKEND_B" canary

"$TURNOUT_BIN" proxy --listen "127.0.0.1:$PROXY_PORT" --admin "127.0.0.1:$ADMIN_PORT" --threads "$THREADS" \
    --log-level warning --backend "127.0.0.1:$BACKEND_A=90" --backend "127.0.0.1:$BACKEND_B=10" > "$WORK/turnout.log" 2>&1 &
PIDS+=($!)

wait_for "http://127.0.0.1:$BACKEND_A/"
wait_for "http://127.0.0.1:$BACKEND_B/"
wait_for "http://127.0.0.1:$PROXY_PORT/"
wait_for "http://127.0.0.1:$ADMIN_PORT/healthz"

echo "weights under load — $(date -u +%Y-%m-%dT%H:%MZ) — $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk -t1 -c$CONNECTIONS -d${DURATION}s through turnout proxy --threads $THREADS; $CHANGES weight changes via PUT /routes/default/weight"

wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$PROXY_PORT/" > "$WORK/wrk.txt" 2>&1 &
WRK_PID=$!
PIDS+=("$WRK_PID")
sleep 1

# Spread the changes over the run (each one waits for every event loop, so under load a change takes a while;
# a change that is late is sent at once); weights jump around 1..100 (7 × i mod 101), so both pools gain and lose.
start=$(date +%s.%N)
failed_changes=0
for i in $(seq 1 "$CHANGES"); do
    pause=$(awk -v s="$start" -v now="$(date +%s.%N)" -v d="$DURATION" -v n="$CHANGES" -v i="$i" \
        'BEGIN { t = s + (i - 1) * (d - 6) / n - now; printf "%.3f", (t > 0 ? t : 0) }')
    sleep "$pause"
    weight=$(( (i * 7) % 101 ))
    code=$(curl -s -o "$WORK/change.json" -w '%{http_code}' -X PUT "http://127.0.0.1:$ADMIN_PORT/routes/default/weight" \
        -d "{\"canaryWeight\": $weight}" || echo 000)
    if [ "$code" != 200 ] || ! grep -q "\"effectiveCanaryWeight\" : $weight\b" "$WORK/change.json"; then
        failed_changes=$((failed_changes + 1))
        echo "change $i to $weight: HTTP $code: $(head -c 300 "$WORK/change.json" 2>/dev/null)" >&2
    fi
done
if ! kill -0 "$WRK_PID" 2>/dev/null; then
    echo "wrk finished before the last weight change: raise LOAD_DURATION" >&2
    failed_changes=$((failed_changes + 1))
fi

# wrk stops on its own after DURATION; give it 30 s of slack before calling it hung.
for _ in $(seq 1 300); do kill -0 "$WRK_PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$WRK_PID" 2>/dev/null; then echo "wrk did not finish" >&2; exit 1; fi
wait "$WRK_PID" || { echo "wrk failed" >&2; cat "$WORK/wrk.txt" >&2; exit 1; }

cat "$WORK/wrk.txt"
requests=$(awk '/requests in/ { print $1 }' "$WORK/wrk.txt")
non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $5 }' "$WORK/wrk.txt")
socket_errors=$(awk '/Socket errors:/ { gsub(/,/, ""); print $4 + $6 + $8 + $10 }' "$WORK/wrk.txt")
non2xx=${non2xx:-0}
socket_errors=${socket_errors:-0}
final=$(curl -s "http://127.0.0.1:$ADMIN_PORT/routes" | grep -o '"effectiveCanaryWeight" : [0-9]*' | head -1 || true)

echo
echo "requests: ${requests:-?}, weight changes: $CHANGES (failed: $failed_changes), non-2xx: $non2xx, socket errors: $socket_errors, final: $final"
if [ "$failed_changes" -ne 0 ] || [ "$non2xx" -ne 0 ] || [ "$socket_errors" -ne 0 ] || [ -z "${requests:-}" ]; then
    echo "FAIL" >&2
    exit 1
fi
echo "PASS"
