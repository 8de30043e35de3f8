"""The hostile battery: the same raw-socket attacks against several proxies in front of one recording backend.

    python3 bench/hostile/battery.py WORK     (run by bench/hostile.sh, which starts the proxies)

    HOSTILE_TARGETS="demo=127.0.0.1:8080:PID api=127.0.0.1:7070" python3 bench/hostile/battery.py
                                              (client-side mode, run by bench/hostile-servers.sh)

Prints one line per case with each proxy's verdict and what it did, then the cases where the first proxy is
weaker than another (fails where the other passes).

In client-side mode the targets are any HTTP servers, with no recording backend behind them: a verdict comes
from what the client gets back alone (a smuggling case fails when one request is answered twice, a refusal
case when the first answer is not the refusal), the broken-upstream cases are skipped (SKIP), and the cases
whose verdict needs the backend's record (forwarded Host, trailer bytes) say what was answered and are not
judged (SKIP). PID, when given, is the process whose RSS the flood cases watch.
"""

import os
import re
import resource
import selectors
import socket
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from backend import Backend  # noqa: E402

SMUGGLED = b"GET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n"
FLOOD_REQUEST = b"GET / HTTP/1.1\r\nHost: a\r\n\r\n"


class Proxy:
    """A server under test: NAME=PORT:PID (behind the recording backend) or, in client-side mode,
    NAME=HOST:PORT[:PID] with `recorder` None."""

    def __init__(self, spec, recorder):
        self.name, rest = spec.split("=", 1)
        parts = rest.split(":")
        self.host = "127.0.0.1"
        if recorder is None:
            self.host, parts = parts[0], parts[1:]
        self.port = int(parts[0])
        self.pid = int(parts[1]) if len(parts) > 1 and parts[1] else -1
        self.recorder = recorder

    def rss_kib(self):
        if self.pid < 0:
            return -1
        try:
            with open(f"/proc/{self.pid}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return -1


# --- the client side -------------------------------------------------------------------------------------------

def exchange(proxy, data, timeout=3.0, pause_after_send=0.0):
    """Sends `data`, reads until the proxy closes or `timeout` passes; returns (bytes, closed, reset)."""
    sock = socket.create_connection((proxy.host, proxy.port))
    sock.settimeout(timeout)
    received = b""
    closed = reset = False
    try:
        sock.sendall(data)
        if pause_after_send:
            time.sleep(pause_after_send)
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                chunk = sock.recv(65536)
            except socket.timeout:
                break
            if not chunk:
                closed = True
                break
            received += chunk
    except ConnectionResetError:
        reset = closed = True
    except BrokenPipeError:
        reset = closed = True
    finally:
        sock.close()
    return received, closed, reset


STATUS_LINE = re.compile(rb"HTTP/1\.[01] (\d{3}) ")


def statuses(data):
    """Status codes of the responses in `data`, in order (interim ones included; a response may follow the
    previous body directly, so status lines are found anywhere)."""
    return [int(match.group(1)) for match in STATUS_LINE.finditer(data)]


def final_statuses(data):
    return [code for code in statuses(data) if code >= 200 or code == 101]


def forget(proxy):
    """Clears the backend's record before a case (nothing to clear in client-side mode)."""
    if proxy.recorder is not None:
        proxy.recorder.reset()


def settle(proxy):
    """What the backend saw (client-side mode: nothing is known, an empty record)."""
    time.sleep(0.3)
    return proxy.recorder.snapshot() if proxy.recorder is not None else []


# --- cases: each returns (passed, what happened) ---------------------------------------------------------------

def desync_case(payload):
    """A smuggling attempt: passes unless the backend saw more requests than the client got answers for."""
    def run(proxy):
        forget(proxy)
        data, _, _ = exchange(proxy, payload)
        seen = settle(proxy)
        answers = final_statuses(data)
        if proxy.recorder is None:
            # One request was meant: a second answer means the server cut a request out of what a front end
            # reading the other framing takes for the body.
            return (len(answers) <= 1, f"answers {answers or '-'}")
        targets = [r["target"] for r in seen]
        smuggled = len(seen) > len(answers) or (any("smuggled" in t for t in targets) and len(answers) < 2)
        return (not smuggled, f"answers {answers or '-'}, backend saw {targets or '-'}")
    return run


def refused_case(payload, codes=(400,)):
    """Passes when the proxy answers one of `codes` and forwards nothing."""
    def run(proxy):
        forget(proxy)
        data, _, _ = exchange(proxy, payload)
        seen = settle(proxy)
        answers = final_statuses(data)
        ok = bool(answers) and answers[0] in codes and not seen
        return (ok, f"answers {answers or '-'}, forwarded {len(seen)}")
    return run


def host_case(payload, expect_host=None):
    """Passes when refused with 400, or forwarded with one valid Host (`expect_host` when given)."""
    def run(proxy):
        forget(proxy)
        data, _, _ = exchange(proxy, payload)
        seen = settle(proxy)
        answers = final_statuses(data)
        if answers and answers[0] == 400 and not seen:
            return (True, "400")
        if proxy.recorder is None:
            if expect_host is not None:  # absolute-form must be accepted by a server (RFC 9112 §3.2.2)
                return (bool(answers) and answers[0] < 500, f"answers {answers or '-'}")
            return (None, f"accepted, answers {answers or '-'} (no backend to see what it made of Host)")
        hosts = [[v for k, v in r["headers"] if k.lower() == "host"] for r in seen]
        targets = [r["target"] for r in seen]
        valid = all(len(h) == 1 and h[0] and not any(c in h[0] for c in ",/@ ") for h in hosts) and bool(seen)
        if expect_host is not None:
            valid = valid and all(h == [expect_host] for h in hosts) and all(t.startswith("/") for t in targets)
        return (valid, f"answers {answers or '-'}, forwarded Host {hosts}, target {targets}")
    return run


def limit_case(payload, trailer_limit=None):
    """An oversized head or trailer: passes when refused with a status the client can read (no reset), or
    (trailers) forwarded within `trailer_limit` bytes."""
    def run(proxy):
        forget(proxy)
        data, _, reset = exchange(proxy, payload, pause_after_send=0.2)
        seen = settle(proxy)
        answers = final_statuses(data)
        if trailer_limit is not None and proxy.recorder is None and answers and answers[0] < 400:
            return (None, f"accepted, answers {answers}{', reset' if reset else ''} (no backend to count trailer bytes)")
        if trailer_limit is not None and seen and answers and answers[0] < 400:
            size = max(r["trailer_bytes"] for r in seen)
            return (size <= trailer_limit, f"answers {answers}, {size} trailer bytes forwarded")
        ok = bool(answers) and 400 <= answers[0] < 500 and not seen and not reset
        return (ok, f"answers {answers or '-'}{', reset' if reset else ''}, forwarded {len(seen)}")
    return run


def slowloris(proxy):
    """A head that trickles in, one header a second: passes when the proxy gives up within 15 s."""
    sock = socket.create_connection((proxy.host, proxy.port))
    sock.settimeout(0.2)
    start = time.time()
    sock.sendall(b"GET / HTTP/1.1\r\nHost: a\r\n")
    received = b""
    closed_after = None
    while time.time() - start < 40:
        try:
            sock.sendall(b"X-Slow: 1\r\n")
        except OSError:
            closed_after = time.time() - start
            break
        end = time.time() + 1
        while time.time() < end:
            try:
                chunk = sock.recv(4096)
            except socket.timeout:
                continue
            except OSError:
                chunk = b""
            if not chunk:
                closed_after = time.time() - start
                break
            received += chunk
        if closed_after is not None:
            break
    sock.close()
    if closed_after is None:
        return (False, "still open after 40 s")
    return (closed_after <= 15, f"closed after {closed_after:.0f} s, answers {final_statuses(received) or '-'}")


def broken_case(name, check):
    """The backend answers /broken/NAME badly; a second request follows on the same client connection."""
    def run(proxy):
        if proxy.recorder is None:
            return (None, "needs the recording backend")
        forget(proxy)
        payload = f"GET /broken/{name} HTTP/1.1\r\nHost: a\r\n\r\nGET /after HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n".encode()
        data, closed, _ = exchange(proxy, payload)
        return check(data, closed)
    return run


def first_is(code, forbidden=None):
    def check(data, closed):
        answers = final_statuses(data)
        ok = bool(answers) and answers[0] == code and (forbidden is None or forbidden not in data)
        return (ok, f"answers {answers or '-'}")
    return check


def framing_kept(data, closed):
    answers = final_statuses(data)
    first = data.split(b"\r\n\r\n", 1)[0].lower()
    framed = b"content-length: 2" in first or b"transfer-encoding: chunked" in first
    return (framed and answers == [200, 200] and data.endswith(b"ok"), f"answers {answers or '-'}, framing {'kept' if framed else 'lost'}")


def truncated(data, closed):
    answers = final_statuses(data)
    looks_complete = data.endswith(b"0\r\n\r\n") or len(answers) > 1
    return (closed and not looks_complete, f"answers {answers or '-'}, {'closed' if closed else 'open'}, {'looks complete' if looks_complete else 'cut'}")


def continue_then_200(data, closed):
    answers = final_statuses(data)
    return (bool(answers) and answers[0] == 200 and b"done" in data, f"statuses {statuses(data) or '-'}")


def flood(reading, connections=1, megabytes=32, seconds=8):
    """Pipelined GETs as fast as the proxy takes them on `connections` sockets, reading the answers or not.
    Passes when the proxy stops taking requests from a client that does not read (the sender blocks) and its
    RSS grows by less than 64 MiB; reports RSS 3 s after the connections close too."""
    def run(proxy):
        forget(proxy)
        idle = proxy.rss_kib()
        chunk = FLOOD_REQUEST * (65536 // len(FLOOD_REQUEST))
        limit = megabytes << 20
        socks = []
        for _ in range(connections):
            sock = socket.create_connection((proxy.host, proxy.port))
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            sock.setblocking(False)
            socks.append(sock)
        sent = {s: 0 for s in socks}
        closed = set()  # the proxy closed them
        peak = idle
        stop = time.time() + seconds
        blocked_since = {}
        # epoll, not select: select cannot watch descriptors above 1023, and 1,000 connections pass that.
        poller = selectors.DefaultSelector()
        for sock in socks:
            poller.register(sock, selectors.EVENT_WRITE)
        while time.time() < stop:
            writable = [s for s in socks if sent[s] < limit and s not in closed]
            if not writable:
                break
            for sock in socks:
                if sock not in writable and poller.get_map().get(sock.fileno()) is not None:
                    poller.unregister(sock)
            ready = [key.fileobj for key, _ in poller.select(0.05)]
            if reading:
                for sock in socks:
                    try:
                        while sock.recv(1 << 20):
                            pass
                    except (BlockingIOError, OSError):
                        pass
            for sock in ready:
                try:
                    for _ in range(16):  # until the kernel takes no more (or 1 MiB per turn)
                        sent[sock] += sock.send(chunk)
                        blocked_since.pop(sock, None)
                except BlockingIOError:
                    pass
                except OSError:
                    closed.add(sock)
            now = time.time()
            for sock in writable:
                if sock not in ready:
                    blocked_since.setdefault(sock, now)
            if not reading and len(blocked_since) == len(writable) and all(now - t > 1.0 for t in blocked_since.values()):
                break  # every sender has been blocked for a second: the proxy stopped reading
            peak = max(peak, proxy.rss_kib())
        peak = max(peak, proxy.rss_kib())
        total = sum(sent.values())
        forwarded = proxy.recorder.count() if proxy.recorder is not None else "?"
        poller.close()
        for sock in socks:
            sock.close()
        time.sleep(3)
        after = proxy.rss_kib()
        grew = (peak - idle) / 1024 if idle >= 0 else 0  # no PID: RSS unknown, only the blocking is judged
        blocked = total < connections * limit
        ok = grew < 64 and (reading or blocked)
        return (ok, f"sent {total / 1048576:.1f} MiB, {len(closed)} closed, forwarded {forwarded}, RSS {idle / 1024:.0f}->{peak / 1024:.0f} MiB, "
                    f"{after / 1024:.0f} MiB 3 s after close")
    return run


def te_variants():
    body = b"0\r\n\r\n" + SMUGGLED
    headers = [
        b"Transfer-Encoding: chunked",
        b"Transfer-Encoding: xchunked",
        b"Transfer-Encoding : chunked",
        b"Transfer-Encoding:\tchunked",
        b"Transfer-Encoding: chunked\r\nTransfer-Encoding: identity",
        b"Transfer-Encoding: identity, chunked",
        b"Transfer-Encoding: chunked, identity",
        b"Transfer-Encoding:\r\n chunked",
        b"X-Pad: 1\nTransfer-Encoding: chunked",
        b'Transfer-Encoding: "chunked"',
        b"Transfer-encoding: cHuNkEd",
        b"Transfer-Encoding: chunked\x0b",
    ]
    cases = []
    for index, header in enumerate(headers):
        for length in (len(body), 3):
            payload = b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: %d\r\n" % length + header + b"\r\n\r\n" + body
            cases.append((f"smuggle TE variant {index} CL={length}", desync_case(payload)))
    return cases


CASES = [
    ("smuggle CL.TE", desync_case(b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nG" + SMUGGLED)),
    ("smuggle TE.CL", desync_case(b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n24\r\n" + SMUGGLED + b"\r\n0\r\n\r\n")),
    ("smuggle two Content-Lengths", desync_case(b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nContent-Length: 36\r\n\r\n" + SMUGGLED)),
    ("smuggle TE on HTTP/1.0", desync_case(b"POST / HTTP/1.0\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 36\r\n\r\n" + SMUGGLED)),
    *te_variants(),
    ("Transfer-Encoding on HTTP/1.0 -> 400", refused_case(b"POST / HTTP/1.0\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")),
    ("tab inside Content-Length -> 400", refused_case(b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\t0\r\n\r\n0123456789")),
    ("sign in Content-Length -> 400", refused_case(b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +10\r\n\r\n0123456789")),
    ("Host: a, b", host_case(b"GET / HTTP/1.1\r\nHost: a, b\r\n\r\n")),
    ("Host with /", host_case(b"GET / HTTP/1.1\r\nHost: a/b\r\n\r\n")),
    ("Host with @", host_case(b"GET / HTTP/1.1\r\nHost: evil@a\r\n\r\n")),
    ("no Host on HTTP/1.1 -> 400", refused_case(b"GET / HTTP/1.1\r\nX-A: 1\r\n\r\n")),
    ("two Hosts -> 400", refused_case(b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")),
    ("Connection: Host", host_case(b"GET / HTTP/1.1\r\nHost: a\r\nConnection: Host\r\n\r\n")),
    ("absolute-form target", host_case(b"GET http://b.test/headers HTTP/1.1\r\nHost: a.test\r\n\r\n", expect_host="b.test")),
    ("head over 64 KiB -> 4xx, readable", limit_case(b"GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + b"a" * 70000 + b"\r\n" + b"X-More: " + b"b" * 100 + b"\r\n" * 300)),
    ("1,000 header fields -> 4xx", limit_case(b"GET / HTTP/1.1\r\nHost: a\r\n" + b"".join(b"X-%d: v\r\n" % i for i in range(1000)) + b"\r\n")),
    ("request target of 100 KiB -> 4xx", limit_case(b"GET /" + b"a" * 102400 + b" HTTP/1.1\r\nHost: a\r\n\r\n")),
    ("64 KiB of trailers", limit_case(b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n" + b"".join(b"X-T%d: %s\r\n" % (i, b"t" * 1000) for i in range(64)) + b"\r\n", trailer_limit=32768)),
    ("slowloris head", slowloris),
    ("broken: Content-Length and chunked -> 502", broken_case("cl-te", first_is(502, forbidden=b"smuggled"))),
    ("broken: Content-Length list -> 502", broken_case("bad-cl", first_is(502))),
    ("broken: Transfer-Encoding gzip -> 502", broken_case("te-gzip", first_is(502))),
    ("broken: Connection: Content-Length keeps framing", broken_case("connection-cl", framing_kept)),
    ("broken: truncated body", broken_case("truncated", truncated)),
    ("broken: unsolicited 101 -> 502", broken_case("unsolicited-101", first_is(502, forbidden=b"raw bytes"))),
    ("broken: 100 Continue then 200", broken_case("continue", continue_then_200)),
    ("broken: not HTTP -> 502", broken_case("garbage", first_is(502))),
    ("flood without reading, 1 connection", flood(reading=False)),
    ("flood while reading, 1 connection", flood(reading=True, seconds=6)),
    ("flood without reading, 100 connections", flood(reading=False, connections=100, megabytes=4)),
    ("flood without reading, 1,000 connections", flood(reading=False, connections=1000, megabytes=4, seconds=20)),
]


def raise_descriptor_limit():
    """1,000 flooding connections need more than the usual 1,024 descriptors."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 8192 if hard == resource.RLIM_INFINITY else min(8192, hard)
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


def main():
    # Starts the backend, writes its port to WORK/backend-port, waits for WORK/proxies (NAME=PORT:PID per line,
    # written by hostile.sh once the proxies run in front of the backend), then runs every case on each.
    raise_descriptor_limit()
    targets = os.environ.get("HOSTILE_TARGETS")
    if targets:
        run([Proxy(spec, None) for spec in targets.split()], compare=False)
    work = sys.argv[1]
    backend = Backend()
    with open(os.path.join(work, "backend-port.tmp"), "w") as out:
        out.write(str(backend.port))
    os.rename(os.path.join(work, "backend-port.tmp"), os.path.join(work, "backend-port"))
    specs_path = os.path.join(work, "proxies")
    deadline = time.time() + 600
    while not os.path.exists(specs_path):
        if time.time() > deadline:
            sys.exit("no proxies started")
        time.sleep(0.1)
    with open(specs_path) as specs:
        proxies = [Proxy(line.strip(), backend.recorder) for line in specs if line.strip()]
    run(proxies, compare=True)


def verdict(ok):
    return {True: "PASS ", False: "FAIL ", None: "SKIP "}[ok]


def run(proxies, compare):
    """Runs every case on each proxy and exits: with `compare`, non-zero when the first is weaker than another;
    without, non-zero when any target fails a case."""
    only = os.environ.get("HOSTILE_ONLY")
    width = max(len(name) for name, _ in CASES) + 2
    print("case".ljust(width) + "".join(p.name.ljust(110) for p in proxies))
    weaker = []
    failures = 0
    failed = {p.name: [] for p in proxies}
    for name, case in CASES:
        if only and only not in name:
            continue
        results = []
        for proxy in proxies:
            try:
                results.append(case(proxy))
            except Exception as error:  # a case that crashes counts as failed, with the reason
                results.append((False, f"error: {error}"))
        line = name.ljust(width)
        for proxy, (ok, detail) in zip(proxies, results):
            line += (verdict(ok) + detail)[:108].ljust(110)
            if ok is False:
                failed[proxy.name].append(name)
        print(line, flush=True)
        if not compare:
            continue
        if results[0][0] is False:
            failures += 1
            if any(ok for ok, _ in results[1:]):
                weaker.append(name)
    print()
    if not compare:
        for proxy in proxies:
            print(f"{proxy.name} failed {len(failed[proxy.name])} case(s):")
            for name in failed[proxy.name]:
                print(f"  - {name}")
        sys.exit(1 if any(failed.values()) else 0)
    print(f"{proxies[0].name} failed {failures} case(s); weaker than {', '.join(p.name for p in proxies[1:])} on {len(weaker)}:")
    for name in weaker:
        print(f"  - {name}")
    sys.exit(1 if weaker else 0)


if __name__ == "__main__":
    main()
