# Shared by the bench scripts (sourced, not run): tools, the turnout release build, a work directory that is
# cleaned up on exit with every process started, nginx backends, and waiting for a server to answer.

# Installs the tools that are missing with apt-get (apt-get update first).
bench_need() { # tool...
    local missing=()
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || missing+=("$tool")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "installing ${missing[*]} ..." >&2
        local sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        $sudo apt-get update -qq >&2 || true
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
    fi
}

# Sets TURNOUT_BIN to a release build unless it is set already.
bench_turnout_binary() {
    if [ -z "${TURNOUT_BIN:-}" ]; then
        echo "building turnout (release) ..." >&2
        swift build -c release --scratch-path .build-proxy-release --product turnout >&2
        TURNOUT_BIN="$ROOT/.build-proxy-release/release/turnout"
    fi
}

# Makes WORK (a temporary directory) and PIDS; on exit every process in PIDS is stopped and WORK removed.
bench_workdir() { # name
    WORK=$(mktemp -d "/tmp/turnout-$1.XXXXXX")
    chmod 755 "$WORK"
    PIDS=()
    trap bench_cleanup EXIT
}

bench_cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}

# Starts an nginx backend (1 worker): `GET /` answers NAME, `GET /64k` serves $WORK/www/64k when it exists.
nginx_backend() { # port name
    local dir="$WORK/backend-$2"
    mkdir -p "$dir"
    cat > "$dir/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_requests 1000000;
    keepalive_timeout 75s;
    client_body_temp_path $dir;
    proxy_temp_path $dir;
    fastcgi_temp_path $dir;
    uwsgi_temp_path $dir;
    scgi_temp_path $dir;
    server {
        listen 127.0.0.1:$1 reuseport backlog=4096;
        root $WORK/www;
        location = / { default_type text/plain; return 200 "$2\n"; }
        location = /64k { default_type application/octet-stream; try_files /64k =404; }
    }
}
CONF
    "$NGINX" -c "$dir/nginx.conf" -p "$dir" &
    PIDS+=($!)
}

# Waits up to 10 s for a URL to answer 2xx; exits the script otherwise.
wait_for() { # url
    for _ in $(seq 1 200); do
        if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
        sleep 0.05
    done
    echo "nothing answers on $1" >&2
    exit 1
}

# Waits until every named CRD is Established. `kubectl wait --for condition=...` fails at once, rather than
# waiting, while a new CRD has no conditions yet.
bench_crds_established() { # crd-name...
    local crd i
    for crd in "$@"; do
        for ((i = 0; i < 300; i++)); do
            [ "$(kubectl get crd "$crd" -o 'jsonpath={.status.conditions[?(@.type=="Established")].status}' 2>/dev/null)" = True ] && break
            sleep 0.2
        done
        [ "$i" -lt 300 ] || { echo "CRD $crd not Established within 60 s" >&2; return 1; }
    done
}
