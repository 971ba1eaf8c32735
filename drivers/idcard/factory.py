"""Opens the configured ID card reader; "sim:" starts the pty simulator and puts its controls in the tray."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from drivers.devices import ReaderDevice
from drivers.idcard.config import IdCardConfig
from drivers.idcard.driver import IdCardReader
from drivers.idcard.photo import NoDecoder, PhotoError, open_decoder
from drivers.simtray import Choice, SimTray

if TYPE_CHECKING:
    from drivers.idcard.simulator import IdCardSimulator

log = logging.getLogger(__name__)


def _resolve(value: str, base_dir: Path) -> Path:
    p = Path(value)
    return p if p.is_absolute() else base_dir / p


def _register_tray(sim: IdCardSimulator, tray: SimTray) -> None:
    from drivers.idcard.profiles import load_profile
    from drivers.idcard.simulator import FAULTS

    def card_options() -> list[tuple[str, str]]:
        options = [("none", "无卡")]
        for name in sim.profiles():
            try:
                profile = load_profile(sim.cards_dir, name)
            except (OSError, ValueError):
                continue  # a broken profile file must not hide the others
            options.append((name, profile.label + (f" · 照片 {profile.face}" if profile.face else "")))
        return options

    def set_card(name: str) -> None:
        sim.set_card(name)
        try:  # the camera's control says who passes the face check with this card
            tray.facts["card_face"] = load_profile(sim.cards_dir, name).face if name not in ("", "none") else ""
        except (OSError, ValueError):
            tray.facts["card_face"] = ""

    tray.add_choice(Choice("idcard", "card", "身份证", card_options, lambda: sim.card, set_card))
    faults = lambda: list(FAULTS.items())  # noqa: E731
    tray.add_choice(Choice("idcard", "fault", "读卡器故障", faults, lambda: sim.fault, sim.set_fault))


def open_device(cfg: IdCardConfig, base_dir: Path, tray: SimTray) -> ReaderDevice:
    cards_dir = _resolve(cfg.sim_cards_dir, base_dir) if cfg.sim_cards_dir else None  # None: the shipped ones
    faces_dir = _resolve(cfg.sim_faces_dir, base_dir) if cfg.sim_faces_dir else None
    url, sim = cfg.url, None
    if url.startswith("sim:"):
        # the simulator and its card profiles load only when the URL asks for them
        from drivers.idcard.profiles import CARDS_DIR, profile_names
        from drivers.idcard.simulator import IdCardSimulator

        cards_dir = cards_dir or CARDS_DIR
        if cfg.sim_card and cfg.sim_card not in profile_names(cards_dir):
            raise ValueError(f"idcard.sim_card: no profile {cfg.sim_card!r} in {cards_dir}")
        sim = IdCardSimulator(cards_dir, cfg.baudrate)
        sim.start()
        _register_tray(sim, tray)
        tray.choose("idcard", "card", cfg.sim_card or "none")
        url = str(sim.path)
    try:
        decoder = open_decoder(cfg.photo_decoder, base_dir, cards_dir, faces_dir)
    except PhotoError as e:  # a broken photo library must not stop identification: no photo, face check says so
        log.error("idcard: %s", e)
        decoder = NoDecoder(str(e))
    try:
        reader = IdCardReader(
            url,
            baudrate=cfg.baudrate,
            poll_interval=cfg.find_interval_ms / 1000,
            command_timeout=cfg.command_timeout_ms / 1000,
            reconnect_interval=cfg.reconnect_interval_ms / 1000,
            decoder=decoder,
            read_fingerprint=cfg.read_fingerprint,
        )
    except Exception:
        if sim is not None:
            sim.stop()
        raise
    if sim is None:
        return ReaderDevice(reader)
    return ReaderDevice(reader, sim, stop_simulator=sim.stop, sim_facts=lambda: {"sim_fault": sim.fault})
