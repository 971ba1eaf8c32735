"""Request body caps per route, and reading a body within its cap while hashing it, spooled rather than held."""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
from dataclasses import dataclass

MIB = 1024 * 1024
BLOB_CAP = 20 * MIB
# 50 realistic submissions (20 form fields, the card's identity, a face result) pack to about 80 KB: 4 MiB leaves
# room for long forms and for batch_size up to its configured maximum of 1000
BATCH_CAP = 4 * MIB
HEARTBEAT_CAP = 16 * 1024
# certificate requests, queries, console forms and anything a route does not name: small JSON or nothing
DEFAULT_CAP = 64 * 1024
# the console's catalog upload: a bundle as large as kiosks take (central.catalogs.MAX_BYTES, 20 MB) in a form
CATALOG_UPLOAD_CAP = 20_000_000 + DEFAULT_CAP
_CAPS = (("PUT", "/v1/blobs/", BLOB_CAP), ("POST", "/v1/batch", BATCH_CAP), ("POST", "/v1/heartbeat", HEARTBEAT_CAP),
         ("POST", "/console/catalog/upload", CATALOG_UPLOAD_CAP))
# bodies up to this stay in memory; bigger ones (blobs) go to a temporary file until their signature is proven
_SPOOL_IN_MEMORY = 256 * 1024
_REPLAY_CHUNK = 64 * 1024
# a JSON escape of a UTF-16 surrogate: in a pair it is one character (an emoji), alone it is no character at all
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def cap_for(method: str, path: str) -> int:
    for m, prefix, cap in _CAPS:
        if method == m and (path == prefix or (prefix.endswith("/") and path.startswith(prefix))):
            return cap
    return DEFAULT_CAP


def declared_length(headers: list[tuple[bytes, bytes]]) -> int | None:
    """The Content-Length header (the HTTP server has already refused malformed ones), None when chunked."""
    for name, value in headers:
        if name == b"content-length":
            return int(value)
    return None


class TooLarge(Exception):
    """The body went past its cap while it was read: reading stopped there."""


class Disconnected(Exception):
    """The client went away before its body was complete."""


@dataclass
class Body:
    """A body read within its cap: size, sha256 hex, and the bytes in a spooled temporary file."""

    size: int
    sha256: str
    _file: tempfile.SpooledTemporaryFile
    surrogate_escapes: bool = False  # worth the full check of lone_surrogate()

    def lone_surrogate(self) -> bool:
        """True when the body is JSON whose text holds a lone surrogate, which no part of central (SQLite, the
        answers, the PDFs) can encode. Only bodies that hold a surrogate escape at all are parsed for it."""
        if not self.surrogate_escapes:
            return False
        self._file.seek(0)
        try:
            parsed = json.loads(self._file.read())
        except ValueError:  # not JSON: the route answers that as it always did
            return False
        finally:
            self._file.seek(0)
        try:
            json.dumps(parsed, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False

    def replay(self, receive):
        """An ASGI receive that hands the app this body again, then passes on the server's own messages."""
        self._file.seek(0)

        async def again():
            if self._file.closed:
                return await receive()
            chunk = self._file.read(_REPLAY_CHUNK)
            more = self._file.tell() < self.size
            if not more:
                self._file.close()
            return {"type": "http.request", "body": chunk, "more_body": more}

        return again

    def close(self) -> None:
        self._file.close()


async def read_capped(receive, cap: int) -> Body:
    """Reads the whole body, counting as it comes; past `cap` it stops and raises TooLarge."""
    spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY)
    digest, size, escapes, tail = hashlib.sha256(), 0, False, b""
    try:
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise Disconnected()
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > cap:
                raise TooLarge()
            digest.update(chunk)
            spool.write(chunk)
            escapes = escapes or bool(_SURROGATE_ESCAPE.search(tail + chunk))
            tail = chunk[-5:]  # an escape split across two chunks
            if not message.get("more_body", False):
                return Body(size, digest.hexdigest(), spool, escapes)
    except BaseException:
        spool.close()
        raise
