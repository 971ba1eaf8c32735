"""The ID card reader driver: a worker thread that polls the SAM reader over serial and reports card events."""

from __future__ import annotations

import logging
import termios
import threading
import time

import serial

from drivers.cards.events import CardPresented, CardRemoved, Emitter, Listener, ReaderError, ReaderStatus
from drivers.cards.identity import Identity
from drivers.idcard import frames as fr
from drivers.idcard import textblock
from drivers.idcard.photo import NoDecoder, PhotoDecoder, PhotoError
from drivers.idcard.spy import open_port

log = logging.getLogger(__name__)
SOURCE = "idcard"


class CommandTimeout(Exception):
    """The reader did not answer a whole frame in time."""


class ReaderGone(Exception):
    """The port failed: unplugged, closed or never there."""


class IdCardReader:
    """Opens `url` with pyserial (a device path, a pty symlink; spy:// dumps frames) and polls find/select/read.

    Listeners get CardPresented once per card placement, CardRemoved when it leaves, ReaderStatus when
    the port comes and goes (it reopens by itself), ReaderError once per distinct failure.
    """

    def __init__(
        self,
        url: str,
        *,
        baudrate: int = 115200,
        poll_interval: float = 0.3,
        command_timeout: float = 1.5,
        reconnect_interval: float = 1.0,
        decoder: PhotoDecoder | None = None,
        read_fingerprint: bool = False,
    ) -> None:
        self.url = url
        self.baudrate = baudrate
        self.poll_interval = poll_interval
        self.command_timeout = command_timeout
        self.reconnect_interval = reconnect_interval
        self.decoder = decoder or NoDecoder()
        self.read_command = fr.READ_TEXT_PHOTO_FP if read_fingerprint else fr.READ_TEXT_PHOTO
        self._events = Emitter()
        self._port: serial.SerialBase | None = None
        self._parser = fr.FrameParser()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._connected: bool | None = None  # None until the first attempt, so the first status is reported
        self._sam_ok = False
        self._current: Identity | None = None
        self._last_error = ""
        self.stats = {"reads": 0, "errors": 0, "reconnects": 0}

    def subscribe(self, listener: Listener) -> None:
        self._events.subscribe(listener)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="idcard-reader", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=5)
        self._close_port()

    def health(self) -> dict:
        return {
            "port": self.url,
            "connected": bool(self._connected),
            "sam_ok": self._sam_ok,
            "card_present": self._current is not None,
            "last_error": self._last_error,
            "photo_decoder": type(self.decoder).__name__,
            **self.stats,
        }

    # -- worker --------------------------------------------------------------------------------------
    def _run(self) -> None:
        while not self._stop.is_set():
            if self._port is None and not self._open():
                self._stop.wait(self.reconnect_interval)
                continue
            try:
                self._poll()
            except ReaderGone as e:
                self._lost(str(e))
                continue
            except Exception as e:  # a bug must not kill the thread: report it and start over on a fresh port
                log.exception("idcard reader: unexpected failure")
                self._error("internal", f"{type(e).__name__}: {e}")
                self._lost("internal error")
                continue
            self._stop.wait(self.poll_interval)

    def _open(self) -> bool:
        try:
            # a short read timeout lets one loop wait for the rest of a frame and still watch the deadline
            self._port = open_port(self.url, baudrate=self.baudrate, timeout=0.02, write_timeout=1.0)
            self._port.reset_input_buffer()
        except (serial.SerialException, OSError, ValueError, termios.error) as e:
            self._port = None
            if self._connected is not False:
                self._connected = False
                self._events.emit(ReaderStatus(SOURCE, False, f"cannot open {self.url}: {e}"))
            return False
        self._parser.reset()
        self._sam_ok = False
        return True

    def _close_port(self) -> None:
        port, self._port = self._port, None
        if port is not None:
            try:
                port.close()
            except (serial.SerialException, OSError, termios.error):
                pass

    def _lost(self, detail: str) -> None:
        self._close_port()
        self.stats["reconnects"] += 1
        if self._current is not None:
            self._current = None
            self._events.emit(CardRemoved(SOURCE))
        if self._connected is not False:
            self._connected = False
            self._events.emit(ReaderStatus(SOURCE, False, detail))

    def _error(self, code: str, detail: str) -> None:
        self.stats["errors"] += 1
        if code != self._last_error:  # the same failure on every poll is one problem, not a flood
            self._last_error = code
            log.warning("idcard reader: %s (%s)", code, detail)
            self._events.emit(ReaderError(SOURCE, code, detail))

    def _poll(self) -> None:
        try:
            if not self._sam_ok:
                r = self._transact(fr.SAM_STATUS)
                if r.sw3 != 0x90:
                    return self._error(r.status, f"SAM status: {fr.status_meaning(r.sw3)}")
                self._sam_ok = True
                self._last_error = ""
                if self._connected is not True:
                    self._connected = True
                    self._events.emit(ReaderStatus(SOURCE, True, self.url))
            r = self._transact(fr.FIND_CARD)
            if r.sw3 == 0x60:
                self._sam_ok = False
                return self._error(r.status, fr.status_meaning(r.sw3))
            if r.sw3 != 0x9F:
                if self._current is not None:
                    self._current = None
                    self._events.emit(CardRemoved(SOURCE))
                self._last_error = ""  # the card is gone: whatever fails next is news
                return
            if self._current is not None:
                return  # same card still on the reader (a swap makes find fail once)
            self._read_card()
        except CommandTimeout as e:
            self._error("timeout", str(e))
        except fr.FrameError as e:
            self._error(e.reason, str(e))

    def _read_card(self) -> None:
        r = self._transact(fr.SELECT_CARD)
        if r.sw3 != 0x90:
            return self._error(r.status, f"select card: {fr.status_meaning(r.sw3)}")
        # a read answer takes 1295 (2314 with fingerprint) bytes of wire time on top of the command timeout
        r = self._transact(self.read_command, extra=2400 * 10 / self.baudrate)
        if r.sw3 != 0x90:
            return self._error(r.status, f"read card: {fr.status_meaning(r.sw3)}")
        card = fr.parse_card_data(r.data, self.read_command == fr.READ_TEXT_PHOTO_FP)
        identity = textblock.decode(card.text, card.photo)
        photo, problem = None, ""
        try:
            photo = self.decoder.decode(card.photo)
        except PhotoError as e:
            problem = str(e)
        self._current = identity
        self._last_error = ""
        self.stats["reads"] += 1
        log.info("idcard reader: card read %s", identity)
        self._events.emit(CardPresented(SOURCE, identity, photo, problem))

    def _transact(self, cmd: tuple[int, int], extra: float = 0.0) -> fr.Response:
        port = self._port
        if port is None:
            raise ReaderGone("port closed")
        name = fr.COMMAND_NAMES[cmd]
        try:
            port.reset_input_buffer()  # late bytes of an answer we gave up on must not pose as this one
            self._parser.reset()
            port.write(fr.command(cmd))
            deadline = time.monotonic() + self.command_timeout + extra
            while time.monotonic() < deadline:
                if self._stop.is_set():
                    raise ReaderGone("closing")
                data = port.read(max(1, port.in_waiting))
                if not data:
                    continue
                bodies, errors = self._parser.feed_all(data)
                if bodies:
                    return fr.body_to_response(bodies[0])
                if errors:
                    raise errors[0]
        except (serial.SerialException, OSError, termios.error) as e:
            raise ReaderGone(f"{self.url}: {e}") from None
        raise CommandTimeout(f"no complete answer to {name} within {self.command_timeout + extra:.2f} s")
