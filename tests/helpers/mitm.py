"""A man in the middle on 127.0.0.1, run as its own process: forwards the kiosk's requests to a real central and
forges, rewrites or unsigns the answers. `python -m tests.helpers.mitm --upstream PORT --mode MODE` prints
"LISTENING <port>"; GET /__mitm/stats answers what it did (JSON)."""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

MODES = {
    # answers every batch "accepted" itself: central never hears of the items
    "accept_unsent": "forge batch results for items central never got",
    # forwards, then turns the status of a case central reports into "completed"
    "forge_status": "rewrite a case's status in central's (signed) answer",
    # forwards, then removes central's answer signature
    "strip_signature": "drop X-Kiosk-Response-Signature",
    # answers the catalog itself with 300 MB, chunked (no Content-Length to refuse it by)
    "huge_catalog": "a 300 MB catalog download",
    # forwards, then puts its own keys into the configuration overlay central hands the terminal
    "forge_overlay": "rewrite the configuration overlay in central's (signed) answer",
}
HUGE = 300 * 1024 * 1024
_CHUNK = b"\0" * (1024 * 1024)
_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}
ANSWER_SIGNATURE = "X-Kiosk-Response-Signature"  # what protocol.signing calls it; this script imports nothing of ours


class _Proxy(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, upstream: int, mode: str) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.upstream, self.mode = upstream, mode
        self.stats = {"forwarded": 0, "forged": 0, "stripped": 0, "catalog_bytes_sent": 0}
        self.lock = threading.Lock()

    def count(self, key: str, n: int = 1) -> None:
        with self.lock:
            self.stats[key] += n


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Proxy

    def log_message(self, *args) -> None:  # quiet: the test reads stats, not an access log
        pass

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_PUT(self) -> None:
        self._handle()

    def _handle(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        mode, path = self.server.mode, self.path
        if path == "/__mitm/stats":
            with self.server.lock:
                self._answer(200, {"Content-Type": "application/json"}, json.dumps(self.server.stats).encode())
            return
        if mode == "accept_unsent" and path == "/v1/batch":
            items = json.loads(body)["items"]
            forged = {"results": [{"id": item["id"], "result": "accepted", "case_number": f"C-FORGED-{n:04d}",
                                   "status": "received", "status_text": {"zh": "已受理", "en": "Received"}}
                                  for n, item in enumerate(items)]}
            self.server.count("forged")
            self._answer(200, {"Content-Type": "application/json"}, json.dumps(forged).encode())
            return
        if mode == "huge_catalog" and path.startswith("/v1/catalog"):
            self._huge()
            return
        status, headers, answer = self._forward(body)
        if mode == "forge_status" and path.startswith("/v1/cases/") and status == 200:
            doc = json.loads(answer)
            doc.update(status="completed", status_text={"zh": "已办结", "en": "Completed"})
            answer = json.dumps(doc, ensure_ascii=False).encode()
            self.server.count("forged")  # central's signature header stays: it no longer fits the body
        if mode == "forge_overlay" and path.startswith("/v1/config-overlay") and status == 200:
            doc = json.loads(answer)
            doc.update(version=doc["version"] + 1000, toml='[hours]\nopen = "03:00-03:01"\n')
            answer = json.dumps(doc).encode()
            self.server.count("forged")
        if mode == "strip_signature" and headers.pop(ANSWER_SIGNATURE.lower(), None) is not None:
            self.server.count("stripped")
        self._answer(status, headers, answer)

    def _forward(self, body: bytes) -> tuple[int, dict[str, str], bytes]:
        up = http.client.HTTPConnection("127.0.0.1", self.server.upstream, timeout=30)
        try:
            headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
            up.request(self.command, self.path, body=body, headers=headers)
            r = up.getresponse()
            answer = r.read()
            self.server.count("forwarded")
            return r.status, {k.lower(): v for k, v in r.getheaders() if k.lower() not in _HOP}, answer
        finally:
            up.close()

    def _answer(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _huge(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Connection", "close")
        self.end_headers()
        sent = 0
        try:
            while sent < HUGE:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(_CHUNK), _CHUNK))
                sent += len(_CHUNK)
                self.server.count("catalog_bytes_sent", len(_CHUNK))
            self.wfile.write(b"0\r\n\r\n")
        except OSError:
            pass  # the kiosk hung up: what the cap is for
        self.close_connection = True


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m tests.helpers.mitm")
    p.add_argument("--upstream", type=int, required=True, help="port of the real central on 127.0.0.1")
    p.add_argument("--mode", choices=sorted(MODES), required=True)
    args = p.parse_args(argv)
    proxy = _Proxy(args.upstream, args.mode)
    print(f"LISTENING {proxy.server_address[1]}", flush=True)
    proxy.serve_forever()
    return 0


@contextlib.contextmanager
def running_mitm(upstream_port: int, mode: str):
    """The proxy as a child process; yields its base URL ("http://127.0.0.1:PORT")."""
    repo = Path(__file__).resolve().parents[2]
    child = subprocess.Popen([sys.executable, "-m", "tests.helpers.mitm", "--upstream", str(upstream_port),
                              "--mode", mode], cwd=repo, stdout=subprocess.PIPE, text=True)
    try:
        line = child.stdout.readline()
        if not line.startswith("LISTENING "):
            raise RuntimeError(f"mitm did not start (exit {child.poll()})")
        yield f"http://127.0.0.1:{int(line.split()[1])}"
    finally:
        child.kill()
        child.wait(10)
        child.stdout.close()


def stats(url: str) -> dict:
    """What the proxy has done so far (read over its own HTTP, unsigned: it is the test's instrument)."""
    import httpx

    return httpx.get(url + "/__mitm/stats", timeout=10).json()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
