"""No time pressure in elderly mode: a longer idle countdown and more time for each face-check movement, from the
configuration (explicit, or derived when left out) to what the core hands the face check."""

from kiosk.app import KioskCore
from kiosk.config import DisplayConfig, load
from tests.helpers.kiosk import REPO, write_config


def test_the_shipped_file_gives_elderly_mode_more_time_everywhere():
    cfg = load(REPO / "kiosk.toml")
    d, face = cfg.display, cfg.face
    assert d.elderly_idle_timeout_seconds > d.idle_timeout_seconds
    assert d.elderly_warning() > d.idle_warning_seconds
    assert face.elderly_challenge_seconds > face.challenge_seconds


def test_left_out_the_elderly_countdown_is_twice_the_normal_one_and_shorter_than_the_wait():
    assert DisplayConfig(idle_warning_seconds=20).elderly_warning() == 40
    assert DisplayConfig(idle_warning_seconds=20, elderly_idle_timeout_seconds=30).elderly_warning() == 29
    assert DisplayConfig(idle_warning_seconds=20, elderly_idle_warning_seconds=25).elderly_warning() == 25


def test_the_core_counts_down_and_checks_faces_by_the_mode_in_use(tmp_path):
    cfg = load(write_config(tmp_path, display={"idle_warning_seconds": 15, "elderly_idle_warning_seconds": 45},
                            face={"challenge_seconds": 8.0, "elderly_challenge_seconds": 20.0}))
    core = KioskCore(cfg, open_hardware=False)
    try:
        assert core.idle.elderly_warning == 45 and core.idle.warning == 15
        assert core.face_config().challenge_seconds == 8.0
        core.idle.elderly = True  # what the shell sets when the visitor chooses 长辈版
        assert core.face_config().challenge_seconds == 20.0
        assert cfg.face.challenge_seconds == 8.0  # the configuration itself is left as loaded
    finally:
        core.close()
