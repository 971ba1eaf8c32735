"""spy:// for the ID card reader: every frame dumped for field debugging, the card holder's data never."""

from __future__ import annotations

import sys
import threading
import time
from typing import Any, TextIO
from urllib.parse import parse_qs, urlsplit

import serial

from drivers.idcard import frames as fr

PREFIX = "spy://"
BLOCK_NAMES = ("text", "photo", "fingerprint")
# answers with more data than this are read answers (SAM id: 16 bytes, find and select: 4 and 8); a late one can
# follow the next command, so the size decides, not the command last sent
LONGEST_SHOWN = 16


def parse_spy_url(url: str) -> tuple[str, str | None]:
    """spy:///dev/ttyUSB0[?file=PATH] -> (the port, the dump file or None for stderr)."""
    u = urlsplit(url)
    port = u.netloc + u.path
    options = parse_qs(u.query, keep_blank_values=True)
    unknown = sorted(set(options) - {"file"})
    if unknown:
        raise ValueError(f"spy url {url!r}: unknown option {unknown[0]!r} (only file=PATH)")
    if not port.startswith("/"):
        raise ValueError(f"spy url {url!r}: expected spy:///dev/... (an absolute serial port path)")
    dump = options.get("file", [""])[-1]
    return port, dump or None


def open_port(url: str, **settings: Any):
    """A pyserial port for the driver; spy:// wraps it in a FrameSpy."""
    if not url.startswith(PREFIX):
        return serial.serial_for_url(url, **settings)
    port, dump = parse_spy_url(url)
    out = open(dump, "a", encoding="utf-8", buffering=1) if dump else None
    try:
        return FrameSpy(serial.serial_for_url(port, **settings), out or sys.stderr, owns_output=out is not None)
    except BaseException:
        if out is not None:
            out.close()
        raise


def summarise(data: bytes) -> str:
    """A read answer's data as its length header and block sizes: the blocks are the card holder's."""
    for blocks in (2, 3):
        lengths = [int.from_bytes(data[2 * i: 2 * i + 2], "big") for i in range(blocks)]
        if len(data) >= 2 * blocks and 2 * blocks + sum(lengths) == len(data):
            sizes = " ".join(f"[{name} {n} bytes]" for name, n in zip(BLOCK_NAMES, lengths))
            return f"{data[:2 * blocks].hex(' ')} {sizes}"
    return f"[{len(data)} bytes that do not add up to a read answer]"


class FrameSpy:
    """Stands in for the serial port: writes and reads pass through, complete frames are written out.

    A read answer carries the text block, photo and fingerprint: those show only as their length, as do
    bytes outside any frame (a corrupted read answer may be one).
    """

    def __init__(self, port, out: TextIO, owns_output: bool = False) -> None:
        self._port = port
        self._out = out
        self._owns_output = owns_output
        self._tx = fr.FrameParser()
        self._rx = fr.FrameParser()
        self._rx_bytes = 0
        self._rx_framed = 0
        self._t0 = time.monotonic()
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._port, name)

    def write(self, data: bytes) -> int | None:
        n = self._port.write(data)
        bodies, errors = self._tx.feed_all(bytes(data))
        for body in bodies:
            self._line("TX", fr.body_to_request(body).name, fr.encode(body).hex(" "))
        for e in errors:
            self._line("TX", "bad frame", str(e))
        return n

    def read(self, size: int = 1) -> bytes:
        data = self._port.read(size)
        if data:
            self._rx_bytes += len(data)
            bodies, errors = self._rx.feed_all(bytes(data))
            for body in bodies:
                self._rx_framed += len(body) + 8
                self._answer(body)
            for e in errors:
                self._line("RX", "bad frame", e.reason)
            self._report_garbage()
        return data

    def reset_input_buffer(self) -> None:
        self._port.reset_input_buffer()
        self._rx.reset()
        self._report_garbage()
        self._rx_bytes = self._rx_framed = 0

    def close(self) -> None:
        try:
            self._port.close()
        finally:
            if self._owns_output:
                self._out.close()

    def _answer(self, body: bytes) -> None:
        response = fr.body_to_response(body)
        head = fr.encode(body)[:10].hex(" ")  # preamble, LEN, SW1 SW2 SW3
        status = f"{fr.status_name(response.sw3)} answer"
        if len(response.data) > LONGEST_SHOWN:
            self._line("RX", status, f"{head} {summarise(response.data)} [checksum]")
        else:
            self._line("RX", status, fr.encode(body).hex(" "))

    def _report_garbage(self) -> None:
        outside = self._rx_bytes - self._rx_framed - self._rx.pending
        if outside > 0:
            self._line("RX", "outside frames", f"[{outside} bytes]")
            self._rx_framed += outside

    def _line(self, direction: str, what: str, detail: str) -> None:
        with self._lock:
            try:
                self._out.write(f"{time.monotonic() - self._t0:10.3f} {direction} {what}: {detail}\n")
                self._out.flush()
            except (OSError, ValueError):
                pass  # a closed or full dump target must not take the reader down
