"""The PC/SC reader driver: a monitor thread over pcscd that reports card insert/remove and reads the holder."""

from __future__ import annotations

import logging
import threading

from smartcard import scard as sc

from drivers.cards.events import CardPresented, CardRemoved, Emitter, Listener, ReaderError, ReaderStatus
from drivers.pcsc.apdu import ApduError
from drivers.pcsc.applet import CardApplication

log = logging.getLogger(__name__)
SOURCE = "smartcard"
# results meaning pcscd itself is gone or restarted: drop the context and establish a new one
SERVICE_GONE = {sc.SCARD_E_NO_SERVICE, sc.SCARD_E_SERVICE_STOPPED, sc.SCARD_E_INVALID_HANDLE}
READERS_GONE = {sc.SCARD_E_NO_READERS_AVAILABLE, sc.SCARD_E_UNKNOWN_READER, sc.SCARD_E_READER_UNAVAILABLE}
# readers fed over the network (vsmartcard's vpcd listens on TCP 35963): used only when the configuration names one
VIRTUAL_READERS = ("Virtual PCD",)


def usable_readers(names: list[str], wanted: str) -> tuple[list[str], list[str]]:
    """(readers matching `wanted`, virtual readers skipped because nothing named them)."""
    matching = [n for n in names if wanted in n]
    if wanted:
        return matching, []
    virtual = [n for n in matching if any(v in n for v in VIRTUAL_READERS)]
    return [n for n in matching if n not in virtual], virtual


class PcscError(Exception):
    def __init__(self, what: str, hresult: int) -> None:
        super().__init__(f"{what}: {sc.SCardGetErrorMessage(hresult)} (0x{hresult & 0xFFFFFFFF:08X})")
        self.hresult = hresult


class SmartCardReader:
    """Watches one reader (the first whose name contains `reader`; with none named, the first real one) and reads
    each inserted card once."""

    def __init__(
        self, application: CardApplication, reader: str = "", wait_ms: int = 500, retry_interval: float = 1.0
    ) -> None:
        self.application = application
        self.reader_filter = reader
        self.wait_ms = wait_ms  # longest block in pcscd, so close() is never kept waiting longer
        self.retry_interval = retry_interval
        self._events = Emitter()
        self._ctx: int | None = None
        self._reader = ""
        self._state = sc.SCARD_STATE_UNAWARE
        self._present = False
        self._connected: bool | None = None
        self._last_error = ""
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.stats = {"reads": 0, "errors": 0}

    def subscribe(self, listener: Listener) -> None:
        self._events.subscribe(listener)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="pcsc-monitor", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=5)
        self._release()

    def health(self) -> dict:
        return {
            "reader": self._reader,
            "connected": bool(self._connected),
            "card_present": self._present,
            "last_error": self._last_error,
            **self.stats,
        }

    # -- monitor -------------------------------------------------------------------------------------
    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                if not self._step():
                    self._stop.wait(self.retry_interval)
            except Exception as e:  # a bug must not end monitoring: report, drop the context, go on
                log.exception("pcsc monitor failed")
                self._error("internal", f"{type(e).__name__}: {e}")
                self._gone("internal error")
                self._stop.wait(self.retry_interval)

    def _step(self) -> bool:
        """One wait for a change; False when the caller should pause before trying again."""
        if self._ctx is None:
            hr, ctx = sc.SCardEstablishContext(sc.SCARD_SCOPE_USER)
            if hr != sc.SCARD_S_SUCCESS:
                self._gone(f"pcscd not reachable: {sc.SCardGetErrorMessage(hr)}")
                return False
            self._ctx = ctx
        hr, names = sc.SCardListReaders(self._ctx, [])
        if hr in SERVICE_GONE:
            self._gone("pcscd stopped")
            return False
        names, virtual = usable_readers((names or []) if hr == sc.SCARD_S_SUCCESS else [], self.reader_filter)
        if not names:
            if self.reader_filter:
                self._gone(f"no reader matching {self.reader_filter!r}")
            elif virtual:
                self._gone(f"no reader (virtual {', '.join(virtual)} ignored: name it in devices.smartcard.reader)")
            else:
                self._gone("no reader")
            return False
        if self._reader not in names:
            self._reader, self._state = names[0], sc.SCARD_STATE_UNAWARE
        if self._connected is not True:
            self._connected = True
            self._events.emit(ReaderStatus(SOURCE, True, self._reader))
        hr, states = sc.SCardGetStatusChange(self._ctx, self.wait_ms, [(self._reader, self._state)])
        if hr == sc.SCARD_E_TIMEOUT:
            return True
        if hr in SERVICE_GONE or hr in READERS_GONE:
            self._gone(sc.SCardGetErrorMessage(hr))
            return False
        if hr != sc.SCARD_S_SUCCESS:
            self._error("pcsc", str(PcscError("waiting for a card", hr)))
            return False
        _, event, _atr = states[0]
        self._state = event & ~sc.SCARD_STATE_CHANGED
        if event & (sc.SCARD_STATE_UNKNOWN | sc.SCARD_STATE_UNAVAILABLE):
            self._gone(f"reader {self._reader} disappeared")
            return False
        present = bool(event & sc.SCARD_STATE_PRESENT) and not event & sc.SCARD_STATE_MUTE
        if present and not self._present:
            self._present = True
            self._read()
        elif not present and self._present:
            self._present = False
            self._last_error = ""
            self._events.emit(CardRemoved(SOURCE))
        return True

    def _read(self) -> None:
        hr, card, protocol = sc.SCardConnect(
            self._ctx, self._reader, sc.SCARD_SHARE_SHARED, sc.SCARD_PROTOCOL_T0 | sc.SCARD_PROTOCOL_T1
        )
        if hr != sc.SCARD_S_SUCCESS:
            return self._error("connect", str(PcscError("connecting to the card", hr)))
        pci = sc.SCARD_PCI_T0 if protocol == sc.SCARD_PROTOCOL_T0 else sc.SCARD_PCI_T1

        def transmit(apdu: bytes) -> bytes:
            hr, response = sc.SCardTransmit(card, pci, list(apdu))
            if hr != sc.SCARD_S_SUCCESS:
                raise PcscError("transmit", hr)
            return bytes(response)

        try:
            identity = self.application.read_identity(transmit)
        except ApduError as e:
            return self._error("apdu", str(e))
        except PcscError as e:
            return self._error("transmit", str(e))
        except ValueError as e:
            return self._error("layout", f"holder record: {e}")
        finally:
            sc.SCardDisconnect(card, sc.SCARD_LEAVE_CARD)
        self._last_error = ""
        self.stats["reads"] += 1
        log.info("smart card read: %s", identity)
        self._events.emit(CardPresented(SOURCE, identity, None, "smart cards carry no photo"))

    def _error(self, code: str, detail: str) -> None:
        self.stats["errors"] += 1
        if code != self._last_error:
            self._last_error = code
            log.warning("smart card: %s (%s)", code, detail)
            self._events.emit(ReaderError(SOURCE, code, detail))

    def _gone(self, detail: str) -> None:
        self._release()
        self._reader, self._state = "", sc.SCARD_STATE_UNAWARE
        if self._present:
            self._present = False
            self._events.emit(CardRemoved(SOURCE))
        if self._connected is not False:
            self._connected = False
            self._events.emit(ReaderStatus(SOURCE, False, detail))

    def _release(self) -> None:
        ctx, self._ctx = self._ctx, None
        if ctx is not None:
            try:
                sc.SCardReleaseContext(ctx)
            except Exception:  # releasing a context of a dead pcscd can fail; nothing left to free
                pass
