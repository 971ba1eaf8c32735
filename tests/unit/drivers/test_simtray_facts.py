"""The simulator tray says which camera person passes the face check with the card on the simulated reader."""

from __future__ import annotations



from drivers.camera.config import CameraConfig
from drivers.camera.factory import open_device as open_camera
from drivers.idcard.config import IdCardConfig
from drivers.idcard.factory import open_device as open_reader
from drivers.simtray import SimTray


def _labels(tray: SimTray, section: str, key: str) -> dict[str, str]:
    choice = next(c for c in tray.choices if c.section == section and c.key == key)
    return dict(choice.options())


def test_the_camera_control_names_the_card_holder(tmp_path, shared_faces):
    tray = SimTray()
    reader = open_reader(IdCardConfig(url="sim:", sim_card="zhang_normal"), tmp_path, tray)
    camera = open_camera(CameraConfig(url="sim:", sim_faces_dir=str(shared_faces)), tmp_path, tray)
    try:
        assert "照片 obama" in _labels(tray, "idcard", "card")["zhang_normal"]
        people = _labels(tray, "camera", "person")
        assert "本人" in people["obama"] and not any("本人" in v for k, v in people.items() if k != "obama")
        tray.choose("idcard", "card", "li_longterm")
        people = _labels(tray, "camera", "person")
        assert "本人" in people["biden"] and "本人" not in people["obama"]
        tray.choose("idcard", "card", "none")
        assert not any("本人" in v for v in _labels(tray, "camera", "person").values())
    finally:
        camera.close()
        reader.close()
