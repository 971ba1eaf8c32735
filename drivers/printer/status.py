"""Printer status: DLE EOT reply parsing and the states the kiosk acts on (pure, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class PaperState(str, Enum):
    OK = "ok"
    NEAR_END = "near_end"
    OUT = "out"
    COVER_OPEN = "cover_open"
    OFFLINE = "offline"  # not answering, disconnected or in an error state
    UNKNOWN = "unknown"  # the transport cannot read status back (e.g. a write-only device file)

    @property
    def can_print(self) -> bool:
        # near end still prints: the roll has metres left, staff are told to change it
        return self in (PaperState.OK, PaperState.NEAR_END, PaperState.UNKNOWN)


def is_status_byte(b: int) -> bool:
    """Every DLE EOT reply has bit 0 = 0, bit 1 = 1, bit 4 = 1, bit 7 = 0; anything else is line noise."""
    return (b & 0b1001_0011) == 0b0001_0010


@dataclass(frozen=True)
class PrinterStatus:
    state: PaperState
    detail: str = ""  # technician English: raw bytes and what they meant

    @property
    def can_print(self) -> bool:
        return self.state.can_print


def parse_status(printer: int | None, offline_cause: int | None, paper: int | None) -> PrinterStatus:
    """Combine the replies to DLE EOT 1, 2 and 4 (None = no reply) into one state, worst first."""
    raw = " ".join("--" if b is None else f"{b:02X}" for b in (printer, offline_cause, paper))
    if printer is None or not is_status_byte(printer):
        return PrinterStatus(PaperState.OFFLINE, f"no valid reply to DLE EOT 1 [{raw}]")
    for b in (offline_cause, paper):
        if b is not None and not is_status_byte(b):
            return PrinterStatus(PaperState.OFFLINE, f"garbled status reply [{raw}]")
    if offline_cause is not None and offline_cause & 0x04:
        return PrinterStatus(PaperState.COVER_OPEN, f"cover open [{raw}]")
    if paper is not None and paper & 0x60:
        return PrinterStatus(PaperState.OUT, f"paper end sensor [{raw}]")
    if offline_cause is not None and offline_cause & 0x20:
        return PrinterStatus(PaperState.OUT, f"stopped: paper end [{raw}]")
    if printer & 0x08 or (offline_cause is not None and offline_cause & 0x40):
        return PrinterStatus(PaperState.OFFLINE, f"printer reports offline/error [{raw}]")
    if paper is not None and paper & 0x0C:
        return PrinterStatus(PaperState.NEAR_END, f"paper near end [{raw}]")
    return PrinterStatus(PaperState.OK, f"ok [{raw}]")


def status_byte(*, offline: bool = False) -> int:
    """DLE EOT 1 reply as a printer sends it (used by the simulator)."""
    return 0x12 | (0x08 if offline else 0)


def offline_cause_byte(*, cover_open: bool = False, paper_end_stop: bool = False, error: bool = False) -> int:
    return 0x12 | (0x04 if cover_open else 0) | (0x20 if paper_end_stop else 0) | (0x40 if error else 0)


def paper_byte(*, near_end: bool = False, out: bool = False) -> int:
    return 0x12 | (0x0C if near_end or out else 0) | (0x60 if out else 0)

