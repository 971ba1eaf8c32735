"""Opens the PC/SC reader; with url "sim:" our emulated card is put into vpcd's reader from the tray."""

from __future__ import annotations

import logging
from pathlib import Path

from drivers.devices import ReaderDevice
from drivers.pcsc.applet import read_with
from drivers.pcsc.config import SmartCardConfig
from drivers.pcsc.driver import VIRTUAL_READERS, SmartCardReader
from drivers.simtray import Choice, SimTray

log = logging.getLogger(__name__)


class VpcdCardSlot:
    """Which profile the emulated card carries; changing it removes the card and inserts the new one."""

    def __init__(self, cards_dir: Path) -> None:
        self.cards_dir = cards_dir
        self.profile = "none"
        self.card = None  # the VpcdCard in the reader

    def set(self, name: str) -> None:
        from drivers.idcard.profiles import load_profile
        from drivers.pcsc.applet import KioskAppletCard, identity_fields
        from drivers.pcsc.vpcd_card import VpcdCard

        if self.card is not None:
            self.card.remove()
            self.card = None
        self.profile = "none"
        if name and name != "none":
            fields = identity_fields(load_profile(self.cards_dir, name).fields)
            card = VpcdCard(KioskAppletCard(fields))
            try:
                card.insert(timeout=3.0)
            except OSError as e:  # pcscd or its vpcd reader is not running: the reader reports itself missing
                log.warning("simulated smart card not inserted: vpcd unreachable (%s)", e)
                return
            self.card, self.profile = card, name

    def close(self) -> None:
        self.set("none")


def open_device(cfg: SmartCardConfig, base_dir: Path, tray: SimTray) -> ReaderDevice:
    sim = cfg.url.startswith("sim:")
    # "sim:" puts the emulated card into vpcd's reader, so it names that reader when the configuration does not
    wanted = cfg.reader or (VIRTUAL_READERS[0] if sim else "")
    reader = SmartCardReader(read_with(cfg.application), wanted, retry_interval=cfg.retry_interval_ms / 1000)
    slot = None
    if sim:  # the card emulator and the card profiles load only for this URL
        from drivers.idcard.profiles import CARDS_DIR, load_profile, profile_names

        slot = VpcdCardSlot(CARDS_DIR)
        def options() -> list[tuple[str, str]]:
            return [("none", "无卡")] + [(n, load_profile(CARDS_DIR, n).label) for n in profile_names(CARDS_DIR)]

        tray.add_choice(Choice("smartcard", "card", "社保卡", options, lambda: slot.profile, slot.set))
        if cfg.sim_card:
            slot.set(cfg.sim_card)
    return ReaderDevice(reader, slot)
