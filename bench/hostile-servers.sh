#!/usr/bin/env bash
# The client-side cases of the hostile battery (bench/hostile/battery.py in client-side mode) against Turnout's
# other listeners, which have no recording backend behind them: a Service listener of `turnout up` (the
# embedded proxy, in front of one demo-app replica), `turnout demo-app` directly and the REST API of
# `turnout up`. Prints one line per case and, per server, the cases it fails; exits non-zero when there is one.
#
#   bench/hostile-servers.sh
#   TURNOUT_BIN=.build/debug/turnout bench/hostile-servers.sh   # skip the release build
#   HOSTILE_ONLY=Host bench/hostile-servers.sh                  # the cases whose name contains "Host"
#
# Needs python3 and curl (installed with apt-get when missing). Takes about two minutes after the build.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
source bench/support.sh
bench_need curl python3
bench_turnout_binary
bench_workdir hostile-servers

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

DEMO_PORT=$(free_port)
"$TURNOUT_BIN" demo-app --color blue --listen "127.0.0.1:$DEMO_PORT" > "$WORK/demo.log" 2>&1 &
DEMO_PID=$!
PIDS+=($DEMO_PID)

API_PORT=$(free_port)
"$TURNOUT_BIN" up --state-dir "$WORK/state" --api "127.0.0.1:$API_PORT" --log-level error > "$WORK/up.log" 2>&1 &
UP_PID=$!
PIDS+=($UP_PID)
wait_for "http://127.0.0.1:$DEMO_PORT/color"
wait_for "http://127.0.0.1:$API_PORT/api/v1/listeners"

cat > "$WORK/rollout.yaml" <<'YAML'
apiVersion: turnout.dev/v1alpha1
kind: Rollout
metadata:
  name: hostile
spec:
  replicas: 1
  selector:
    matchLabels: {app: hostile}
  template:
    metadata:
      labels: {app: hostile}
    spec:
      containers:
        - name: demo
          image: argoproj/rollouts-demo:blue
          ports:
            - containerPort: 8080
  strategy:
    blueGreen:
      activeService: hostile-active
---
apiVersion: v1
kind: Service
metadata:
  name: hostile-active
spec:
  selector: {app: hostile}
  ports:
    - port: 80
      targetPort: 8080
YAML
"$TURNOUT_BIN" apply -f "$WORK/rollout.yaml" --server "http://127.0.0.1:$API_PORT" > "$WORK/apply.log"
LISTENER=""
for _ in $(seq 1 600); do
    LISTENER=$(curl -fsS "http://127.0.0.1:$API_PORT/api/v1/listeners" | python3 -c '
import json, sys
for listener in json.load(sys.stdin):
    if listener["name"] == "service/hostile-active":
        print(listener.get("url") or "http://" + listener["address"])
' || true)
    if [ -n "$LISTENER" ] && curl -fsS -o /dev/null "$LISTENER/color" 2>/dev/null; then break; fi
    LISTENER=""
    sleep 0.1
done
[ -n "$LISTENER" ] || { echo "the Service listener never answered; apply said:" >&2; cat "$WORK/apply.log" >&2; exit 1; }
SERVICE=${LISTENER#http://}
SERVICE=${SERVICE%/}

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -sr), turnout $(git rev-parse --short HEAD) ($TURNOUT_BIN)"
set +e
HOSTILE_TARGETS="up-service=$SERVICE:$UP_PID demo-app=127.0.0.1:$DEMO_PORT:$DEMO_PID up-api=127.0.0.1:$API_PORT:$UP_PID" \
    python3 bench/hostile/battery.py
STATUS=$?
set -e
exit $STATUS
