"""Run inside a private network namespace (see test_ssrf.py): a "public" web site that redirects
to private places, a "secret" service on loopback, and `armstrace ingest` pointed at them.

    python ssrf_probe.py PUBLIC_IP DB_URL ARMSTRACE...

Why a namespace: the URL reader refuses every non-public address, so a test server on
127.0.0.1 can only be reached by turning that guard off, which would test nothing. In a
namespace of its own the test can give the loopback device a public address and serve from
it, with the guard on, exactly as in production. Prints one JSON object: the ingest's exit
code and stderr, and how many requests reached the secret service (must be 0).
"""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE = (
    b"<html><head><title>Convoy seen</title></head><body><article><p>A convoy of trucks "
    b"carrying rocket launchers crossed the border at night, local residents said.</p>"
    b"</article></body></html>"
)
BIG = 2 * 2**20
"""Bytes the /big pages send; the ingest runs with a 1 MB download limit."""


def serve(address: tuple[str, int], handler: type[BaseHTTPRequestHandler]) -> int:
    server = ThreadingHTTPServer(address, handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return int(server.server_address[1])


class Secret(BaseHTTPRequestHandler):
    """Stands for a database console or a metadata service: nothing may reach it."""

    hits = 0

    def do_GET(self) -> None:
        Secret.hits += 1
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"root:x:0:0:secret")

    def log_message(self, format: str, *args: object) -> None:
        pass


def public_handler(redirects: dict[str, str]) -> type[BaseHTTPRequestHandler]:
    class Public(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            if self.path in redirects:
                self.send_response(302)
                self.send_header("Location", redirects[self.path])
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif self.path == "/ok":
                self._send(ARTICLE, length=True)
            elif self.path == "/big":
                self._send(b"shells " * (BIG // 7), length=True)
            elif self.path == "/big-unannounced":
                self._send(b"shells " * (BIG // 7), length=False)
            else:
                self.send_error(404)

        def _send(self, body: bytes, *, length: bool) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            if length:
                self.send_header("Content-Length", str(len(body)))
            else:
                self.send_header("Connection", "close")
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)  # the client may stop at its limit
            self.close_connection = True

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Public


def main() -> None:
    public_ip, db_url, *command = sys.argv[1:]
    secret = serve(("127.0.0.1", 0), Secret)
    local = f"127.0.0.1:{secret}"
    redirects = {
        "/to-metadata": "http://169.254.169.254/latest/meta-data/iam/",
        "/to-loopback": f"http://{local}/admin",
        "/to-localhost": f"http://localhost:{secret}/admin",
        "/to-hex-loopback": f"http://0x7f000001:{secret}/admin",
        "/to-private": "http://10.0.0.1/",
        "/to-ipv6-loopback": f"http://[::1]:{secret}/",
        "/to-file": "file:///etc/passwd",
        "/to-gopher": f"gopher://{local}/_SET%20x",
        "/hop": "/to-metadata",
    }
    port = serve((public_ip, 0), public_handler(redirects))
    silent = socket.create_server((public_ip, 0))  # accepts, never answers
    base = f"http://{public_ip}:{port}"
    urls = [f"{base}{path}" for path in (*redirects, "/ok", "/big", "/big-unannounced")]
    urls += [
        f"http://{local}/admin",
        f"http://[::ffff:127.0.0.1]:{secret}/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fd00:ec2::254]/latest/meta-data/",
        "http://100.100.100.200/latest/meta-data/",
        f"http://{public_ip}:{silent.getsockname()[1]}/never",
        "file:///etc/passwd",
        f"gopher://{local}/_x",
    ]
    done = subprocess.run(
        [*command, "ingest", *urls, "--db", db_url],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    silent.close()
    report = {"base": base, "local": local, "returncode": done.returncode}
    report |= {"stderr": done.stderr, "secret_hits": Secret.hits, "urls": urls}
    print(json.dumps(report))


if __name__ == "__main__":
    main()
