#!/usr/bin/env bash
# Compares `turnout proxy` with nginx and haproxy as 90/10 weighted reverse proxies, one thread each,
# in the same run, on the same machine, against the same two nginx backends, driven by wrk with the
# same connections and duration. Prints requests/s, p50 and p99 per proxy and response size, and the
# ratios Turnout/nginx.
#
#   bench/proxy.sh                      # tiny and 64 KiB responses, 50 connections, 10 s each, 3 rounds
#   BENCH_DURATION=30 BENCH_CONNECTIONS=100 BENCH_ROUNDS=5 bench/proxy.sh
#
# The proxies take turns within each round and every figure is the median over the rounds, so a burst of
# other work on the machine hurts one sample of each rather than one proxy.
#   TURNOUT_BIN=path/to/turnout bench/proxy.sh   # skip the release build
#   TURNOUT_BASELINE_BIN=path/to/older/turnout bench/proxy.sh   # adds "turnout-base" (A/B of an optimisation, same run)
#   BENCH_NIO_FLOOR=1 bench/proxy.sh    # adds "nio-floor": a SwiftNIO byte forwarder (bench/nio-floor), the
#                                       # ceiling of any proxy on SwiftNIO with one event loop
#
# Needs nginx, haproxy and wrk (installed with apt-get when missing) and a release build of turnout
# (built into .build-proxy-release when TURNOUT_BIN is not set; about 10 minutes the first time).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${BENCH_DURATION:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-50}
WARMUP=${BENCH_WARMUP:-2}
ROUNDS=${BENCH_ROUNDS:-3}
BASE_PORT=${BENCH_BASE_PORT:-18000}
BACKEND_A=$((BASE_PORT + 1))
BACKEND_B=$((BASE_PORT + 2))
NGINX_PORT=$((BASE_PORT + 10))
HAPROXY_PORT=$((BASE_PORT + 11))
TURNOUT_PORT=$((BASE_PORT + 12))
BASELINE_PORT=$((BASE_PORT + 13))
FLOOR_PORT=$((BASE_PORT + 14))
PROXIES="nginx haproxy turnout"
[ -n "${TURNOUT_BASELINE_BIN:-}" ] && PROXIES="$PROXIES turnout-base"
[ -n "${BENCH_NIO_FLOOR:-}" ] && PROXIES="$PROXIES nio-floor"

source bench/support.sh
bench_need nginx haproxy wrk curl
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
HAPROXY=$(command -v haproxy || echo /usr/sbin/haproxy)

bench_turnout_binary

bench_workdir bench

# Payloads: a tiny body and 64 KiB.
mkdir -p "$WORK/www"
printf 'ok\n' > "$WORK/www/tiny"
head -c 65536 /dev/zero | tr '\0' 'x' > "$WORK/www/64k"


nginx_backend "$BACKEND_A" stable
nginx_backend "$BACKEND_B" canary

mkdir -p "$WORK/nginx"
cat > "$WORK/nginx/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_requests 1000000;
    client_body_temp_path $WORK/nginx;
    proxy_temp_path $WORK/nginx;
    fastcgi_temp_path $WORK/nginx;
    uwsgi_temp_path $WORK/nginx;
    scgi_temp_path $WORK/nginx;
    upstream backends {
        server 127.0.0.1:$BACKEND_A weight=90;
        server 127.0.0.1:$BACKEND_B weight=10;
        keepalive 256;
        keepalive_requests 1000000;
    }
    server {
        listen 127.0.0.1:$NGINX_PORT backlog=4096;
        location / {
            proxy_pass http://backends;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header X-Forwarded-For \$remote_addr;
            proxy_set_header X-Forwarded-Proto http;
            proxy_set_header X-Forwarded-Host \$host;
        }
    }
}
EOF
"$NGINX" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
PIDS+=($!)

cat > "$WORK/haproxy.cfg" <<EOF
global
    nbthread 1
    maxconn 4096
defaults
    mode http
    timeout connect 3s
    timeout client 60s
    timeout server 60s
    option http-keep-alive
    option forwardfor
    http-reuse always
frontend bench
    bind 127.0.0.1:$HAPROXY_PORT
    default_backend backends
backend backends
    balance roundrobin
    server stable 127.0.0.1:$BACKEND_A weight 90
    server canary 127.0.0.1:$BACKEND_B weight 10
EOF
"$HAPROXY" -f "$WORK/haproxy.cfg" -db &
PIDS+=($!)

"$TURNOUT_BIN" proxy --listen "127.0.0.1:$TURNOUT_PORT" --threads 1 --log-level warning \
    --backend "127.0.0.1:$BACKEND_A=90" --backend "127.0.0.1:$BACKEND_B=10" > "$WORK/turnout.log" 2>&1 &
PIDS+=($!)

if [ -n "${TURNOUT_BASELINE_BIN:-}" ]; then
    "$TURNOUT_BASELINE_BIN" proxy --listen "127.0.0.1:$BASELINE_PORT" --threads 1 --log-level warning \
        --backend "127.0.0.1:$BACKEND_A=90" --backend "127.0.0.1:$BACKEND_B=10" > "$WORK/turnout-base.log" 2>&1 &
    PIDS+=($!)
fi

if [ -n "${BENCH_NIO_FLOOR:-}" ]; then
    echo "building bench/nio-floor (release) ..." >&2
    swift build -c release --package-path bench/nio-floor --scratch-path .build-nio-floor >&2
    "$ROOT/.build-nio-floor/release/NIOFloor" "$FLOOR_PORT" "$BACKEND_A" "$BACKEND_B" > "$WORK/nio-floor.log" 2>&1 &
    PIDS+=($!)
fi

port_of() { # proxy
    case $1 in
        nginx) echo "$NGINX_PORT" ;;
        haproxy) echo "$HAPROXY_PORT" ;;
        turnout) echo "$TURNOUT_PORT" ;;
        turnout-base) echo "$BASELINE_PORT" ;;
        nio-floor) echo "$FLOOR_PORT" ;;
    esac
}

for port in "$BACKEND_A" "$BACKEND_B"; do wait_for "http://127.0.0.1:$port/"; done
for proxy in $PROXIES; do wait_for "http://127.0.0.1:$(port_of "$proxy")/"; done

# Prints "requests_per_second p50_ms p99_ms non2xx socket_errors" for one wrk run.
measure() { # port path
    local out
    out=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$1$2")
    echo "$out" > "$WORK/last-wrk.txt"
    echo "$out" | awk '
        function ms(v) {
            if (v ~ /us$/) { sub(/us$/, "", v); return v / 1000 }
            if (v ~ /ms$/) { sub(/ms$/, "", v); return v + 0 }
            if (v ~ /s$/)  { sub(/s$/, "", v);  return v * 1000 }
            return v
        }
        /Requests\/sec:/ { rps = $2 }
        /^ +50%/ { p50 = ms($2) }
        /^ +99%/ { p99 = ms($2) }
        /Non-2xx or 3xx responses:/ { bad = $5 }
        /Socket errors:/ { errors = $4 + $6 + $8 + $10; gsub(/,/, "", errors) }
        END { printf "%.0f %.3f %.3f %d %d\n", rps, p50, p99, bad + 0, errors + 0 }'
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "turnout proxy benchmark — $(date -u +%Y-%m-%dT%H:%MZ) — $(nproc) cores ($(lscpu | sed -n "s/^Model name: *//p")), $(uname -sr)"
echo "wrk -t1 -c$CONNECTIONS -d${DURATION}s per run, $ROUNDS rounds, medians; each proxy 1 thread, 90/10 over two nginx backends (1 worker each)"
echo "versions: nginx $("$NGINX" -v 2>&1 | sed 's/.*\///'), haproxy $("$HAPROXY" -v | head -1 | awk '{print $3}'), $(wrk -v 2>&1 | head -1 | awk '{print $1, $2}')"
echo
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '%-6s %-12s %10s %18s %9s %9s %7s %7s\n' size proxy "req/s" "(min-max)" "p50 ms" "p99 ms" non2xx errors
status=0
for size in tiny 64k; do
    path=/; [ "$size" = 64k ] && path=/64k
    declare -A RPS=() P50=() P99=() BAD=() ERR=()
    for proxy in $PROXIES; do
        port=$(port_of "$proxy")
        wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" "http://127.0.0.1:$port$path" > /dev/null
    done
    for round in $(seq 1 "$ROUNDS"); do
        for proxy in $PROXIES; do
            port=$(port_of "$proxy")
            read -r rps p50 p99 bad errors < <(measure "$port" "$path")
            RPS[$proxy]="${RPS[$proxy]:-} $rps"
            P50[$proxy]="${P50[$proxy]:-} $p50"
            P99[$proxy]="${P99[$proxy]:-} $p99"
            BAD[$proxy]=$(( ${BAD[$proxy]:-0} + bad ))
            ERR[$proxy]=$(( ${ERR[$proxy]:-0} + errors ))
        done
    done
    for proxy in $PROXIES; do
        rps=$(echo "${RPS[$proxy]}" | median)
        range="($(echo "${RPS[$proxy]}" | tr ' ' '\n' | grep -v '^$' | sort -g | head -1)-$(echo "${RPS[$proxy]}" | tr ' ' '\n' | grep -v '^$' | sort -g | tail -1))"
        printf '%-6s %-12s %10.0f %18s %9s %9s %7s %7s\n' "$size" "$proxy" "$rps" "$range" \
            "$(echo "${P50[$proxy]}" | median)" "$(echo "${P99[$proxy]}" | median)" "${BAD[$proxy]}" "${ERR[$proxy]}"
        if [ "${BAD[$proxy]}" -ne 0 ] || [ "${ERR[$proxy]}" -ne 0 ]; then status=1; fi
    done
    awk -v t="$(echo "${RPS[turnout]}" | median)" -v n="$(echo "${RPS[nginx]}" | median)" \
        -v tp="$(echo "${P99[turnout]}" | median)" -v np="$(echo "${P99[nginx]}" | median)" -v s="$size" \
        'BEGIN { printf "%-6s turnout/nginx: throughput %.2f (goal >= 1.00), p99 %.2f (goal <= 1.00)\n", s, t / n, tp / np }'
    if [ -n "${TURNOUT_BASELINE_BIN:-}" ]; then
        awk -v t="$(echo "${RPS[turnout]}" | median)" -v b="$(echo "${RPS[turnout-base]}" | median)" -v s="$size" \
            'BEGIN { printf "%-6s turnout/turnout-base: throughput %.2f\n", s, t / b }'
    fi
    if [ -n "${BENCH_NIO_FLOOR:-}" ]; then
        awk -v f="$(echo "${RPS[nio-floor]}" | median)" -v n="$(echo "${RPS[nginx]}" | median)" -v t="$(echo "${RPS[turnout]}" | median)" -v s="$size" \
            'BEGIN { printf "%-6s nio-floor/nginx: throughput %.2f; turnout/nio-floor %.2f\n", s, f / n, t / f }'
    fi
    unset RPS P50 P99 BAD ERR
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
