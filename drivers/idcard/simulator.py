"""A resident ID card reader played on a pseudo-terminal, byte for byte, paced at the baud rate, with faults."""

from __future__ import annotations

import argparse
import logging
import os
import select
import signal
import tempfile
import threading
import time
import tty
from pathlib import Path

from drivers.idcard import frames as fr
from drivers.idcard.profiles import CARDS_DIR, CardProfile, load_profile, profile_names

log = logging.getLogger(__name__)

FAULTS = {
    "none": "正常",
    "checksum": "校验错误",
    "truncated": "帧不完整",
    "wrong_length": "长度错误",
    "remove_mid_read": "读卡中移走",
    "sam_failure": "SAM自检失败",
    "unplugged": "读卡器拔出",
}
SAM_ID = bytes(range(16))  # any 16 bytes; real SAMs answer their serial number


class IdCardSimulator:
    """Plays the reader on the master end of a pty; the driver opens `path`, a symlink kept across replugs.

    Faults stay until cleared, except remove_mid_read, which takes the card away once. The read answer
    carries the faults: the reader still finds and selects the card, as a flaky radio link would allow.
    """

    def __init__(self, cards_dir: Path = CARDS_DIR, baudrate: int = 115200, link_dir: Path | None = None) -> None:
        self.cards_dir = cards_dir
        self.baudrate = baudrate
        self._own_dir = link_dir is None
        self.link_dir = Path(tempfile.mkdtemp(prefix="kiosk-idcard-")) if link_dir is None else link_dir
        self.path = self.link_dir / "idcard-reader"
        self._lock = threading.Lock()
        self._card: CardProfile | None = None
        self._card_moved = False  # a swap makes the next find fail once, like a card leaving the field
        self._fault = "none"
        self._master = self._slave = -1
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.requests = 0  # frames answered, for tests and the benchmark
        self.bytes_exchanged = 0

    # -- demo controls -------------------------------------------------------------------------------
    @property
    def card(self) -> str:
        with self._lock:
            return self._card.name if self._card else "none"

    def set_card(self, name: str | None) -> None:
        profile = None if name in (None, "", "none") else load_profile(self.cards_dir, name)
        with self._lock:
            # sticky until the next find: a quick remove-and-place still shows as a card leaving the field
            self._card_moved = self._card_moved or self._card is not None
            self._card = profile

    @property
    def fault(self) -> str:
        return self._fault

    def set_fault(self, fault: str) -> None:
        if fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}; known: {', '.join(FAULTS)}")
        previous, self._fault = self._fault, fault
        if fault == "unplugged" and previous != "unplugged":
            self._unplug()
        elif previous == "unplugged" and fault != "unplugged":
            self._plug()

    def profiles(self) -> list[str]:
        return profile_names(self.cards_dir)

    # -- lifecycle -----------------------------------------------------------------------------------
    def start(self) -> None:
        self._plug()
        self._thread = threading.Thread(target=self._run, name="idcard-sim", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=5)
        self._unplug()
        if self._own_dir:
            try:
                self.link_dir.rmdir()
            except OSError:
                pass

    def _plug(self) -> None:
        master, slave = os.openpty()
        tty.setraw(slave)  # no echo, no line editing: bytes pass untouched
        tmp = self.path.with_suffix(".new")
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(os.ttyname(slave))
        tmp.replace(self.path)
        with self._lock:
            self._master, self._slave = master, slave

    def _unplug(self) -> None:
        with self._lock:
            master, slave, self._master, self._slave = self._master, self._slave, -1, -1
        self.path.unlink(missing_ok=True)
        for fd in (master, slave):
            if fd >= 0:
                os.close(fd)

    # -- the reader ----------------------------------------------------------------------------------
    def _run(self) -> None:
        parser = fr.FrameParser()
        while not self._stop.is_set():
            master = self._master
            if master < 0:
                parser.reset()
                self._stop.wait(0.05)
                continue
            try:
                ready, _, _ = select.select([master], [], [], 0.1)
                if not ready:
                    continue
                data = os.read(master, 4096)
            except (OSError, ValueError):  # unplugged under our feet
                self._stop.wait(0.05)
                continue
            self.bytes_exchanged += len(data)
            bodies, errors = parser.feed_all(data)
            for e in errors:
                self._send(master, fr.Response(0, 0, 0x10 if e.reason == "checksum" else 0x11).encode())
            for body in bodies:
                try:
                    request = fr.body_to_request(body)
                except fr.FrameError:
                    self._send(master, fr.Response(0, 0, 0x11).encode())
                    continue
                self.requests += 1
                self._answer(master, request)

    def _answer(self, master: int, req: fr.Request) -> None:
        cmd = (req.cmd, req.para)
        with self._lock:
            card, fault = self._card, self._fault
        if fault == "sam_failure":
            return self._send(master, fr.Response(0, 0, 0x60).encode())
        if cmd == fr.SAM_STATUS:
            return self._send(master, fr.Response(0, 0, 0x90).encode())
        if cmd == fr.SAM_ID:
            return self._send(master, fr.Response(0, 0, 0x90, SAM_ID).encode())
        if cmd == fr.FIND_CARD:
            with self._lock:
                moved, self._card_moved = self._card_moved, False
            found = card is not None and not moved
            answer = fr.Response(0, 0, 0x9F, bytes(4)) if found else fr.Response(0, 0, 0x80)
            return self._send(master, answer.encode())
        if cmd == fr.SELECT_CARD:
            answer = fr.Response(0, 0, 0x90, bytes(8)) if card else fr.Response(0, 0, 0x81)
            return self._send(master, answer.encode())
        if cmd in (fr.READ_TEXT_PHOTO, fr.READ_TEXT_PHOTO_FP):
            if card is None:
                return self._send(master, fr.Response(0, 0, 0x41).encode())
            frame = fr.Response(0, 0, 0x90, fr.encode_card_data(card.card_data(cmd == fr.READ_TEXT_PHOTO_FP))).encode()
            return self._send(master, self._damage(frame, fault))
        self._send(master, fr.Response(0, 0, 0x21).encode())

    def _damage(self, frame: bytes, fault: str) -> bytes:
        if fault == "checksum":
            return frame[:-1] + bytes([frame[-1] ^ 0x5A])
        if fault == "truncated":
            return frame[: len(frame) // 2]
        if fault == "wrong_length":
            # LEN 16 short: the checksum lands inside the photo and the rest is trailing noise
            length = int.from_bytes(frame[5:7], "big") - 16
            return frame[:5] + length.to_bytes(2, "big") + frame[7:]
        if fault == "remove_mid_read":
            with self._lock:
                self._card, self._fault = None, "none"
            return frame[: len(frame) // 3]
        return frame

    def _send(self, master: int, data: bytes) -> None:
        """Write paced at the baud rate (10 bits a byte for 8N1), so the driver sees real wire timing."""
        start, sent, chunk = time.monotonic(), 0, 64
        while sent < len(data) and not self._stop.is_set():
            piece = data[sent : sent + chunk]
            try:
                os.write(master, piece)
            except OSError:
                return
            sent += len(piece)
            self.bytes_exchanged += len(piece)
            due = start + sent * 10 / self.baudrate
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)


def cli_main(argv: list[str]) -> int:
    """`kiosk sim idcard`: run the simulator alone and print the port path for a real driver to open."""
    p = argparse.ArgumentParser(prog="kiosk sim idcard", description="Simulated resident ID card reader on a pty.")
    p.add_argument("--card", default="none", help="card profile placed on the reader (default: none)")
    p.add_argument("--fault", default="none", choices=sorted(FAULTS), help="fault to inject")
    p.add_argument("--baud", type=int, default=115200, help="pace answers at this baud rate (default 115200)")
    p.add_argument("--cards-dir", type=Path, default=CARDS_DIR, help="folder of card profiles")
    p.add_argument("--list", action="store_true", help="list card profiles and faults, then exit")
    try:
        args = p.parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0)
    if args.baud <= 0:
        print("error: --baud must be positive")
        return 2
    names = profile_names(args.cards_dir) if args.cards_dir.is_dir() else []
    if args.list:
        print("cards: " + " ".join(names))
        print("faults: " + " ".join(FAULTS))
        return 0
    if args.card != "none" and args.card not in names:
        print(f"error: no card profile {args.card!r} in {args.cards_dir} (try --list)")
        return 2
    sim = IdCardSimulator(args.cards_dir, args.baud)
    sim.start()
    sim.set_card(args.card)
    sim.set_fault(args.fault)
    print(sim.path, flush=True)
    done = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: done.set())
    done.wait()
    sim.stop()
    return 0
