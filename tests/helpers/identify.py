"""A kiosk UI around a core with real simulated devices (ID card reader on a pty, camera, printer)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.kiosk import write_config

SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}


def sim_config(folder: Path, faces: Path, **sections: dict) -> Path:
    """Every device simulated, the faces folder absolute, the queue and receipts inside `folder`.

    Only the blink challenge: the simulated person blinks early in its motion loop, so attempts stay short.
    """
    face = {"challenges": ["blink"]}
    face.update(sections.pop("face", {}))
    display = {"orientation": "portrait", "fullscreen": False, "width": 1080, "height": 1920}
    display.update(sections.pop("display", {}))
    locale = {"voice_prompts": False}
    locale.update(sections.pop("locale", {}))
    return write_config(
        folder,
        display=display,
        locale=locale,
        face=face,
        **{
            "devices.idcard": {"url": "sim:", "sim_card": "", "sim_faces_dir": str(faces), "find_interval_ms": 100},
            "devices.smartcard": {"enabled": False},
            "devices.camera": {"url": "sim:", "sim_faces_dir": str(faces), "sim_person": ""},
            "devices.printer": {"url": "sim:"},
        },
        **sections,
    )


def resize(window, orientation: str) -> None:
    w, h = SIZES[orientation]
    window.resize(w, h)
