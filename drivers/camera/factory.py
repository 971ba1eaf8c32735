"""Opens the configured camera: "sim:" people from the tray, "sim:PATH"/PATH playback, or a real camera."""

from __future__ import annotations

from pathlib import Path

from typing import TYPE_CHECKING

from drivers.camera.capture import Camera, OpenCvSource
from drivers.camera.config import CameraConfig
from drivers.camera.faults import OPEN_FAILED, CameraError, CameraFault
from drivers.simtray import Choice, SimTray

if TYPE_CHECKING:
    from drivers.camera.sim_faces import SimPeople
    from drivers.camera.simulated import SimulatedSource

FAULT_LABELS = {"none": "正常", "no_camera": "无摄像头", "black": "黑屏", "frozen": "画面卡住"}
MOTION_LABELS = {"auto": "眨眼、转头（循环）", "still": "静止照片"}


def _resolve(base_dir: Path, value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else base_dir / path


def _register_fault(tray: SimTray, source: SimulatedSource) -> None:
    from drivers.camera.simulated import FAULTS

    tray.add_choice(Choice(
        section="camera", key="fault", label="摄像头故障",
        options=lambda: [(f, FAULT_LABELS[f]) for f in FAULTS],
        get=lambda: source.fault, set=source.set_fault,
    ))


def _register_people(tray: SimTray, people: SimPeople) -> None:
    from drivers.camera.sim_faces import MOTIONS, persons

    tray.add_choice(Choice(
        section="camera", key="person", label="摄像头前的人",
        options=lambda: [("", "无人")] + [(p, p + ("（读卡器上身份证的本人）" if p == tray.facts.get("card_face") else ""))
                                         for p in persons(people.faces_dir)],
        get=lambda: people.person, set=people.choose,
    ))
    tray.add_choice(Choice(
        section="camera", key="motion", label="动作",
        options=lambda: [(m, MOTION_LABELS[m]) for m in MOTIONS],
        get=lambda: people.motion, set=people.set_motion,
    ))
    # what another simulator shows in the tray (the last printed receipt) can be held up to the lens
    tray.add_choice(Choice(
        section="camera", key="held", label="举到镜头前",
        options=lambda: [("", "不举")] + [(path, p.label) for p in tray.pictures if (path := p.path())],
        get=lambda: people.held, set=people.hold,
    ))


def open_device(cfg: CameraConfig, base_dir: Path, tray: SimTray) -> Camera:
    url = cfg.url.strip()
    size = (cfg.width, cfg.height)
    if url.isdigit():
        return Camera(OpenCvSource(int(url), *size, cfg.fps), cfg.fps, cfg.mirror, cfg.reconnect_seconds)
    if url.startswith("/dev/"):
        return Camera(OpenCvSource(url, *size, cfg.fps), cfg.fps, cfg.mirror, cfg.reconnect_seconds)
    # the rest is simulated (people from the tray, or a recording played back): those modules load only now
    from drivers.camera.simulated import SimulatedSource, load_media

    if url == "sim:":
        from drivers.camera.sim_faces import SimPeople

        source = SimulatedSource(*size, description="sim:people")
        people = SimPeople(source, _resolve(base_dir, cfg.sim_faces_dir), *size, cfg.fps)
        if cfg.sim_person:
            people.choose(cfg.sim_person)
        _register_people(tray, people)
        _register_fault(tray, source)
        return Camera(source, cfg.fps, cfg.mirror, cfg.reconnect_seconds, owned=(people,))
    path = _resolve(base_dir, url.removeprefix("sim:"))
    if not path.exists():
        raise CameraError(CameraFault(OPEN_FAILED, f"camera url {cfg.url!r}: {path} does not exist"))
    source = SimulatedSource(*size, load_media(path, *size), description=f"sim:{path.name}")
    _register_fault(tray, source)
    return Camera(source, cfg.fps, cfg.mirror, cfg.reconnect_seconds)
