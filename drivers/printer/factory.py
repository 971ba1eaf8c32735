"""Device factory seam: printer config -> a started-ready ReceiptPrinter (the simulator for url "sim:")."""

from __future__ import annotations

import pathlib

from typing import TYPE_CHECKING

from drivers.printer.config import PrinterConfig
from drivers.printer.device import ReceiptPrinter
from drivers.printer.profile import WIDTH_DOTS, Profile
from drivers.printer.transports import SimTransport, open_transport
from drivers.simtray import Choice, Picture, SimTray

if TYPE_CHECKING:
    from drivers.printer.simulator import VirtualPrinter


def profile_of(cfg: PrinterConfig) -> Profile:
    return Profile(paper_width_mm=cfg.paper_width_mm, chinese_mode=cfg.chinese_mode, cut=cfg.cut)


def open_device(cfg: PrinterConfig, base_dir: pathlib.Path, tray: SimTray) -> ReceiptPrinter:
    profile = profile_of(cfg)
    if cfg.url.startswith("sim:"):
        # the virtual printer and its paper renderer (PIL, numpy) load only for this URL
        from drivers.printer.simulator import VirtualPrinter

        out = pathlib.Path(cfg.sim_output_dir).expanduser()
        out = out if out.is_absolute() else base_dir / out
        sim = VirtualPrinter(WIDTH_DOTS[cfg.paper_width_mm], out, cfg.sim_keep, on_change=tray.notify)
        _register_tray(tray, sim)
        # settle applies to the simulator too: a slow printer to test against (a job stays in flight that long)
        return ReceiptPrinter(SimTransport(sim), profile, url=cfg.url, model=sim.model,
                              settle_seconds=cfg.settle_ms / 1000)
    return ReceiptPrinter(open_transport(cfg.url), profile, url=cfg.url, model=cfg.model,
                          settle_seconds=cfg.settle_ms / 1000)


def _register_tray(tray: SimTray, sim: VirtualPrinter) -> None:
    from drivers.printer.simulator import STATE_LABELS

    def get() -> str:
        return "mid_job" if sim.state == "ok" and sim.paper_left is not None else sim.state

    tray.add_choice(Choice(section="printer", key="paper", label="打印纸",
                           options=lambda: list(STATE_LABELS.items()), get=get, set=sim.set_state))
    tray.add_picture(Picture(section="printer", key="last_receipt", label="最近一张小票",
                             path=lambda: str(sim.last_receipt) if sim.last_receipt else None))
