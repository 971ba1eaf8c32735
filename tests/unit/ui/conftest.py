"""Fixtures for UI tests: a kiosk UI around a core with a fake clock and no hardware."""

from __future__ import annotations

import pytest

from tests.helpers.kiosk import write_config


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_ui(qapp, tmp_path, clock):
    """make_ui(orientation="portrait", hardware=False, **config sections) -> KioskUi; closed after the test.

    hardware=True opens the configured (simulated) devices and the queue, as `kiosk run` does.
    """
    from kiosk.app import KioskCore
    from kiosk.config import load
    from ui.app import KioskUi

    made = []

    def make(orientation: str = "portrait", hardware: bool = False, defer: bool = False, **sections):
        display = {"orientation": orientation, "fullscreen": False}
        display.update(sections.pop("display", {}))
        locale = {"voice_prompts": False}
        locale.update(sections.pop("locale", {}))
        cfg = load(write_config(tmp_path, display=display, locale=locale, **sections))
        core = KioskCore(cfg, open_hardware=hardware, clock=clock)
        ui = KioskUi(core, qapp, windowed=True, defer=defer)
        made.append((ui, core))
        return ui

    yield make
    for ui, core in made:
        ui.close()
        core.close()
