"""Virtual receipt printer: takes ESC/POS bytes (in-process, pty or TCP 9100), answers DLE EOT, renders PNGs."""

from __future__ import annotations

import argparse
import logging
import os
import select
import signal
import socket
import sys
import threading
import time
import tty
from pathlib import Path
from typing import Callable

from drivers.printer import status as st
from drivers.printer.profile import WIDTH_DOTS
from drivers.printer.render import Interpreter, Paper

log = logging.getLogger(__name__)

STATES = ("ok", "near_end", "out", "cover_open", "offline")
STATE_LABELS = {
    "ok": "正常",
    "near_end": "纸将尽",
    "out": "缺纸",
    "cover_open": "纸仓盖打开",
    "offline": "离线",
    "mid_job": "打印中途缺纸",
}


class VirtualPrinter:
    """The printer itself, independent of how bytes reach it. Thread-safe: transports call receive()."""

    def __init__(self, width_dots: int = 576, output_dir: Path | None = None, keep: int = 20,
                 model: str = "Kiosk virtual printer", on_change: Callable[[], None] | None = None) -> None:
        self.width_dots = width_dots
        # told (outside the lock) after a new receipt or a state change the printer made itself, e.g. the
        # simulator tray refreshing its picture
        self.on_change = on_change
        self._changed = False
        self.output_dir = output_dir
        self.keep = keep
        self.model = model
        self.state = "ok"
        self.paper_left: int | None = None  # dots of paper before it runs out; None = a full roll
        self.receipts: list[Path] = []
        self.images = []  # PIL images of the receipts of this run (last `keep`)
        self.bytes_received = 0
        self._lock = threading.RLock()
        self._replies = bytearray()
        self._seq = 0
        self._interp = Interpreter(width_dots, on_status=self._on_status, on_cut=self._on_cut,
                                   can_print=self._can_print)

    # ---- faults ----

    def set_state(self, state: str) -> None:
        """ok / near_end / out / cover_open / offline; or mid_job = the paper runs out in the next job."""
        with self._lock:
            if state == "mid_job":
                self.state, self.paper_left = "ok", 240
                return
            if state not in STATES:
                raise ValueError(f"unknown printer state {state!r}")
            self.state = state
            self.paper_left = None

    def run_out_after(self, dots: int) -> None:
        """Fault: the roll ends after this many more dots of paper (the next job stops half printed)."""
        with self._lock:
            self.state, self.paper_left = "ok", dots

    # ---- the wire ----

    def receive(self, data: bytes) -> bytes:
        """Bytes from the host; returns what the printer answers (status bytes), possibly nothing."""
        with self._lock:
            self.bytes_received += len(data)
            self._interp.feed(data)
            out, self._replies = bytes(self._replies), bytearray()
        self._tell()
        return out

    def end_of_job(self) -> None:
        """The host went away: whatever was printed but not cut is torn off and kept."""
        with self._lock:
            paper = self._interp.end_of_job()
            if paper is not None:
                self._keep(paper, cut=False)
        self._tell()

    def _tell(self) -> None:
        with self._lock:
            changed, self._changed = self._changed, False
        if changed and self.on_change is not None:
            self.on_change()

    def _on_status(self, n: int) -> None:
        if self.state == "offline":
            return  # switched off or unplugged: nothing answers
        s = self.state
        if n == 1:
            b = st.status_byte(offline=s in ("out", "cover_open"))
        elif n == 2:
            b = st.offline_cause_byte(cover_open=s == "cover_open", paper_end_stop=s == "out")
        elif n == 3:
            b = 0x12
        else:
            b = st.paper_byte(near_end=s == "near_end", out=s == "out")
        self._replies.append(b)

    def _can_print(self, dots: int) -> bool:
        if self.state != "ok" and self.state != "near_end":
            return False
        if self.paper_left is not None:
            if self.paper_left <= 0:
                self.state = "out"
                self._changed = True
                return False
            self.paper_left -= dots
        return True

    def _on_cut(self, paper: Paper) -> None:
        if paper.rows:
            self._keep(paper, cut=self.state in ("ok", "near_end"))

    def _keep(self, paper: Paper, cut: bool) -> None:
        img = paper.image(cut=cut)
        self.images = (self.images + [img])[-self.keep :]
        self._changed = True
        if self.output_dir is None:
            return
        self.output_dir.mkdir(parents=True, exist_ok=True)
        self._seq += 1
        path = self.output_dir / f"receipt-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{self._seq:04d}.png"
        img.save(path)
        self.receipts.append(path)
        old = sorted(self.output_dir.glob("receipt-*.png"), key=lambda p: p.stat().st_mtime)
        for stale in old[: max(0, len(old) - self.keep)]:
            stale.unlink(missing_ok=True)
        self.receipts = [p for p in self.receipts if p.exists()]

    @property
    def last_receipt(self) -> Path | None:
        with self._lock:
            return self.receipts[-1] if self.receipts else None

    @property
    def last_image(self):
        with self._lock:
            return self.images[-1] if self.images else None


class PtyServer:
    """The printer behind a pseudo-terminal: the kiosk opens `path` as a serial port."""

    def __init__(self, printer: VirtualPrinter) -> None:
        self.printer = printer
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)  # no newline translation or echo: ESC/POS is binary
        self.path = os.ttyname(self._slave)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="printer-sim-pty", daemon=True)

    def start(self) -> PtyServer:
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([self._master], [], [], 0.1)
            if not ready:
                continue
            try:
                data = os.read(self._master, 65536)
            except OSError:
                break
            reply = self.printer.receive(data)
            if reply:
                os.write(self._master, reply)

    def stop(self) -> None:
        """Unplug: the kiosk's next write or read on the port fails."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(2)
        self.printer.end_of_job()
        for fd in (self._master, self._slave):
            try:
                os.close(fd)
            except OSError:
                pass


class TcpServer:
    """The printer on a raw TCP port (9100 on real network printers); one connection at a time, like them."""

    def __init__(self, printer: VirtualPrinter, host: str = "127.0.0.1", port: int = 9100) -> None:
        self.printer = printer
        self._sock = socket.create_server((host, port))
        self._sock.settimeout(0.2)
        self.host, self.port = self._sock.getsockname()[:2]
        self._stop = threading.Event()
        self._conns: list[socket.socket] = []
        self._thread = threading.Thread(target=self._run, name="printer-sim-tcp", daemon=True)

    def start(self) -> TcpServer:
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except (TimeoutError, socket.timeout):
                continue
            except OSError:
                break
            self._conns.append(conn)
            self._serve(conn)
            self._conns.remove(conn)

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(0.2)
        with conn:
            while not self._stop.is_set():
                try:
                    data = conn.recv(65536)
                except (TimeoutError, socket.timeout):
                    continue
                except OSError:
                    break
                if not data:
                    break
                reply = self.printer.receive(data)
                if reply:
                    try:
                        conn.sendall(reply)
                    except OSError:
                        break
        self.printer.end_of_job()

    def stop(self) -> None:
        """Power off: the listening socket and any open connection close."""
        self._stop.set()
        for c in list(self._conns):
            try:
                c.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self._sock.close()
        if self._thread.is_alive():
            self._thread.join(2)


def render_file(path: Path, width_dots: int, output_dir: Path, keep: int = 1000) -> list[Path]:
    """Render a captured byte stream (e.g. from a file:// printer) to PNGs, one per receipt."""
    printer = VirtualPrinter(width_dots, output_dir, keep)
    printer.receive(path.read_bytes())
    printer.end_of_job()
    return list(printer.receipts)


def _control(printer: VirtualPrinter, line: str) -> str:
    """One stdin command: `state out`, `out-after 300`, `status`."""
    parts = line.split()
    if not parts:
        return ""
    if parts[0] == "state" and len(parts) == 2:
        printer.set_state(parts[1])
        return f"state {printer.state}"
    if parts[0] == "out-after" and len(parts) == 2 and parts[1].isdigit():
        printer.run_out_after(int(parts[1]))
        return f"paper runs out after {parts[1]} dots"
    if parts[0] == "status":
        return f"state {printer.state}; {len(printer.receipts)} receipts; last {printer.last_receipt or '-'}"
    return "commands: state ok|near_end|out|cover_open|offline|mid_job; out-after DOTS; status; quit"


def cli_main(argv: list[str]) -> int:
    """`kiosk sim printer`: run the virtual printer on a pty or TCP port, or render a captured file."""
    ap = argparse.ArgumentParser(prog="kiosk sim printer", description=cli_main.__doc__)
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--pty", action="store_true", help="serve on a new pseudo-terminal (path is printed)")
    where.add_argument("--tcp", metavar="PORT", type=int, help="serve on 127.0.0.1:PORT (9100 like real printers; 0 = any)")
    where.add_argument("--render", metavar="FILE", type=Path, help="render a captured ESC/POS file and exit")
    ap.add_argument("--width", type=int, choices=(58, 80), default=80, help="paper width in mm (default 80)")
    ap.add_argument("--out", type=Path, default=Path("var/receipts"), help="folder for receipt PNGs")
    ap.add_argument("--keep", type=int, default=20, help="how many receipt PNGs to keep")
    ap.add_argument("--state", choices=STATES + ("mid_job",), default="ok", help="paper state at start")
    try:
        args = ap.parse_args(argv)
    except SystemExit as e:
        return 0 if e.code == 0 else 2
    if args.keep < 1:
        print("kiosk sim printer: --keep must be at least 1", file=sys.stderr)
        return 2
    width = WIDTH_DOTS[args.width]
    if args.render:
        if not args.render.is_file():
            print(f"kiosk sim printer: {args.render}: no such file", file=sys.stderr)
            return 2
        for p in render_file(args.render, width, args.out, args.keep):
            print(p)
        return 0
    printer = VirtualPrinter(width, args.out, args.keep)
    printer.set_state(args.state)
    try:
        server = PtyServer(printer) if args.pty else TcpServer(printer, port=args.tcp)
    except OSError as e:
        print(f"kiosk sim printer: cannot listen: {e.strerror or e}", file=sys.stderr)
        return 1
    server.start()
    # SIGTERM (tests, service managers) ends the loop below so the server closes its port or pty
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    where_txt = server.path if args.pty else f"tcp://{server.host}:{server.port}"
    print(f"virtual printer ready on {where_txt}; receipts in {args.out}; type 'help' for commands", flush=True)
    try:
        for line in sys.stdin:
            if line.strip() in ("quit", "exit"):
                break
            reply = _control(printer, line)
            if reply:
                print(reply, flush=True)
        else:
            # stdin closed (run in the background): serve until killed
            threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0
