#!/usr/bin/env bash
# The hostile battery: request smuggling (CL.TE, TE.CL, obfuscated Transfer-Encoding), Host and request-target
# abuse, header and trailer limits, slowloris, pipelining floods with and without reading (with the proxy's RSS)
# and broken upstream responses (ambiguous framing, truncated, unsolicited 101, 100 Continue then 200), run
# against `turnout proxy` and nginx in the same run, both one thread, both in front of the same recording
# backend (bench/hostile/backend.py). Prints one line per case and, last, the cases where Turnout is weaker
# (fails where nginx passes); exits non-zero when there is one.
#
#   bench/hostile.sh
#   TURNOUT_BIN=path/to/turnout bench/hostile.sh     # skip the release build
#   HOSTILE_ONLY=flood bench/hostile.sh              # only the cases whose name contains "flood"
#
# Needs python3 and nginx (installed with apt-get when missing) and a release build of turnout (built into
# .build-proxy-release when TURNOUT_BIN is not set). Takes about two minutes after the build.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
source bench/support.sh
bench_need nginx curl python3
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
bench_turnout_binary
bench_workdir hostile
# The 1,000-connection flood needs two descriptors a connection in each proxy (client and upstream).
ulimit -n 8192 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

python3 bench/hostile/battery.py "$WORK" &
BATTERY=$!
PIDS+=($BATTERY)
for _ in $(seq 1 200); do [ -f "$WORK/backend-port" ] && break; sleep 0.05; done
BACKEND_PORT=$(cat "$WORK/backend-port")

NGINX_PORT=$(free_port)
mkdir -p "$WORK/nginx"
# One process (no master), so its RSS is the proxy's; keep-alive to the backend as Turnout does; timeouts as
# Turnout's defaults (head 10 s) so slowloris compares like with like.
cat > "$WORK/nginx/nginx.conf" <<EOF
daemon off;
master_process off;
worker_processes 1;
worker_rlimit_nofile 8192;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_header_timeout 10s;
    keepalive_requests 1000000;
    client_body_temp_path $WORK/nginx;
    proxy_temp_path $WORK/nginx;
    fastcgi_temp_path $WORK/nginx;
    uwsgi_temp_path $WORK/nginx;
    scgi_temp_path $WORK/nginx;
    upstream backend {
        server 127.0.0.1:$BACKEND_PORT;
        keepalive 64;
    }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location / {
            proxy_pass http://backend;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
        }
    }
}
EOF
"$NGINX" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
NGINX_PID=$!
PIDS+=($NGINX_PID)

TURNOUT_PORT=$(free_port)
"$TURNOUT_BIN" proxy --listen "127.0.0.1:$TURNOUT_PORT" --threads 1 --log-level error \
    --backend "127.0.0.1:$BACKEND_PORT" > "$WORK/turnout.log" 2>&1 &
TURNOUT_PID=$!
PIDS+=($TURNOUT_PID)

wait_for "http://127.0.0.1:$NGINX_PORT/"
wait_for "http://127.0.0.1:$TURNOUT_PORT/"

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -sr), $("$NGINX" -v 2>&1 | sed 's/.*: //'), turnout $(git rev-parse --short HEAD)"
printf 'turnout=%s:%s\nnginx=%s:%s\n' "$TURNOUT_PORT" "$TURNOUT_PID" "$NGINX_PORT" "$NGINX_PID" > "$WORK/proxies.tmp"
mv "$WORK/proxies.tmp" "$WORK/proxies"
set +e
wait "$BATTERY"
STATUS=$?
set -e
exit $STATUS
