"""A recording HTTP/1.1 backend for the hostile battery.

Parses what a proxy forwards exactly as a strict origin would (Content-Length or chunked bodies, trailers,
keep-alive), records every request it sees (method, target, headers, body and trailer sizes), and answers.
A target under /broken/ picks a deliberately broken response, to see what the proxy passes on to its client.
"""

import socket
import threading

OK = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"

# Broken answers, by the name after /broken/. Each is followed on the same connection by whatever the proxy
# sends next, so a response whose framing the proxy loses shows up as a corrupted next answer.
BROKEN = {
    # Framing the proxy must not pass on: both lengths, a bad length, an unknown coding.
    "cl-te": b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\nsmuggled",
    "bad-cl": b"HTTP/1.1 200 OK\r\nContent-Length: 2, 3\r\n\r\nabc",
    "te-gzip": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nabc",
    # Framing the proxy must keep although `Connection` names it.
    "connection-cl": b"HTTP/1.1 200 OK\r\nConnection: Content-Length\r\nContent-Length: 2\r\n\r\nok",
    # Cut short: 100 bytes announced, 7 sent, then the connection closes.
    "truncated": b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial",
    # A 101 nobody asked for.
    "unsolicited-101": b"HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\nraw bytes",
    # An interim answer, then the real one.
    "continue": b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\ndone",
    # Not HTTP at all.
    "garbage": b"HELLO\r\n\r\n",
}
CLOSES_AFTER = {"truncated", "unsolicited-101", "garbage"}


class Recorder:
    """Requests seen, shared with the battery."""

    def __init__(self):
        self.lock = threading.Lock()
        self.requests = []

    def add(self, request):
        with self.lock:
            self.requests.append(request)

    def snapshot(self):
        with self.lock:
            return list(self.requests)

    def count(self):
        with self.lock:
            return len(self.requests)

    def reset(self):
        with self.lock:
            self.requests = []


class Backend:
    """Listens on 127.0.0.1 and a free port; one thread per connection."""

    def __init__(self):
        self.recorder = Recorder()
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1024)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn):
        reader = _Reader(conn)
        try:
            while True:
                request = _read_request(reader)
                if request is None:
                    return
                self.recorder.add(request)
                target = request["target"]
                name = target.split("?")[0][len("/broken/"):] if target.startswith("/broken/") else None
                if name in BROKEN:
                    conn.sendall(BROKEN[name])
                    if name in CLOSES_AFTER:
                        return
                    continue
                if target.startswith("/headers"):
                    body = "".join(f"{k}: {v}\n" for k, v in request["headers"]).encode()
                    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
                else:
                    conn.sendall(OK)
        except (OSError, ValueError):
            return
        finally:
            conn.close()


class _Reader:
    def __init__(self, conn):
        self.conn = conn
        self.buffer = b""

    def fill(self):
        data = self.conn.recv(65536)
        if not data:
            raise EOFError
        self.buffer += data

    def line(self):
        while b"\r\n" not in self.buffer:
            if len(self.buffer) > 1 << 20:
                raise ValueError("line too long")
            self.fill()
        line, self.buffer = self.buffer.split(b"\r\n", 1)
        return line

    def exactly(self, count):
        while len(self.buffer) < count:
            self.fill()
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data


def _read_request(reader):
    """One request as a strict origin parses it, or None at the end of the connection."""
    try:
        line = reader.line()
        while line == b"":
            line = reader.line()
        parts = line.decode("latin-1").split(" ")
        if len(parts) != 3:
            raise ValueError("bad request line")
        headers = []
        while True:
            field = reader.line()
            if field == b"":
                break
            name, _, value = field.decode("latin-1").partition(":")
            headers.append((name, value.strip()))
        lower = {k.lower(): v for k, v in headers}
        body = 0
        trailer_bytes = 0
        if "chunked" in lower.get("transfer-encoding", "").lower():
            while True:
                size = int(reader.line().split(b";")[0], 16)
                if size == 0:
                    break
                body += len(reader.exactly(size))
                reader.line()
            while True:
                field = reader.line()
                if field == b"":
                    break
                trailer_bytes += len(field) + 2
        elif "content-length" in lower:
            body = len(reader.exactly(int(lower["content-length"])))
        return {"method": parts[0], "target": parts[1], "headers": headers, "body": body, "trailer_bytes": trailer_bytes}
    except EOFError:
        return None
