"""Configuration overlays on the terminal: checked with kiosk.toml's schema, kept beside the previous one, applied
with a marker that the first frame removes, rolled back by the start after one that never got there."""

import json
import logging
import stat

import pytest

from kiosk.config import load
from kiosk.overlay.check import effective
from kiosk.overlay.start import start
from kiosk.overlay.state import Overlay, OverlayFiles
from protocol.overlays import OverlayRefused
from tests.helpers.kiosk import write_config

IDLE = "[display]\nidle_timeout_seconds = 120\n"
HOURS = '[hours]\nopen = "08:30-17:30"\n'


@pytest.fixture
def base(tmp_path):
    return load(write_config(tmp_path, logging={"directory": "log"}))


def _files(base) -> OverlayFiles:
    return OverlayFiles.for_config(base)


def _check(base):
    return lambda text: effective(base.source, text)


def test_effective_merges_into_kiosk_toml_and_validates_the_whole(base):
    cfg = effective(base.source, IDLE + HOURS)
    assert cfg.display.idle_timeout_seconds == 120 and cfg.hours.open == "08:30-17:30"
    assert cfg.display.orientation == base.display.orientation and cfg.terminal.id == base.terminal.id
    # each value alone is in range, but the warning must be shorter than the (shipped) timeout
    with pytest.raises(OverlayRefused) as refused:
        effective(base.source, "[display]\nidle_warning_seconds = 100\n")
    assert "display.idle_warning_seconds: must be shorter than idle_timeout_seconds" in str(refused.value)
    assert str(base.source) not in str(refused.value)
    with pytest.raises(OverlayRefused, match="locale.voice_volume"):
        effective(base.source, "[locale]\nvoice_volume = 3.0\n")
    with pytest.raises(OverlayRefused, match=r"display.idle_timeout_seconds.*\(got '120'\)"):
        effective(base.source, '[display]\nidle_timeout_seconds = "120"\n')  # strict, as kiosk.toml itself
    with pytest.raises(OverlayRefused, match="central.url may not be set remotely"):
        effective(base.source, '[central]\nurl = "https://elsewhere.example"\n')


def test_offer_apply_first_frame(base):
    files = _files(base)
    assert files.report() == {"version": 0, "state": "none", "offered": 0, "reason": None}
    assert files.describe() == "none (kiosk.toml as it is)"
    assert files.offer(Overlay(4, IDLE, "site:HALL-01"), _check(base)) == "pending"
    assert files.waiting() and files.report()["state"] == "pending" and files.report()["version"] == 0
    assert files.offer(Overlay(4, IDLE), _check(base)) == "known"
    assert files.begin_apply() == 4
    assert not files.waiting() and files.report() == {"version": 4, "state": "applying", "offered": 4,
                                                      "reason": None}
    assert files.offer(Overlay(4, IDLE), _check(base)) == "running"  # fetched again while the kiosk ends
    assert files.report()["state"] == "applying"  # only a first frame says applied
    overlay, note = files.at_start()
    assert overlay.version == 4 and "first start" in note[1]
    files.first_frame()
    assert files.report() == {"version": 4, "state": "applied", "offered": 4, "reason": None}
    assert files.at_start() == (Overlay(4, IDLE, "site:HALL-01"), None)  # later starts: nothing to say
    for path in files.folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert files.offer(Overlay(4, IDLE), _check(base)) == "running"


def test_no_first_frame_rolls_back_to_the_version_before(base):
    files = _files(base)
    files.offer(Overlay(2, HOURS), _check(base))
    files.begin_apply()
    files.at_start()
    files.first_frame()
    files.offer(Overlay(5, IDLE), _check(base))
    files.begin_apply()
    assert files.at_start()[0].version == 5  # the first start with it ... dies before its first frame
    overlay, note = files.at_start()  # ... so the next start rolls it back
    assert overlay.version == 2 and note[0] == logging.ERROR and "ROLLED BACK" in note[1]
    report = files.report()
    assert report["version"] == 2 and report["state"] == "rolled_back" and report["offered"] == 5
    assert "did not reach its first frame with version 5" in report["reason"]
    files.first_frame()  # no apply in progress: the rollback stays reported
    assert files.report()["state"] == "rolled_back"
    assert files.describe().startswith("version 2; version 5 rolled_back: the kiosk did not reach")
    assert files.offer(Overlay(5, IDLE), _check(base)) == "known"  # never tried again
    assert files.offer(Overlay(6, IDLE), _check(base)) == "pending"  # a new publication is


def test_rollback_of_the_first_overlay_returns_to_kiosk_toml(base):
    files = _files(base)
    files.offer(Overlay(1, IDLE), _check(base))
    files.begin_apply()
    files.at_start()
    assert files.at_start()[0].version == 0
    assert not (files.folder / "active.json").exists()
    cfg, notes = start(base)
    assert cfg.display.idle_timeout_seconds == base.display.idle_timeout_seconds and notes == []


def test_a_refused_overlay_keeps_what_runs_and_says_why(base):
    files = _files(base)
    files.offer(Overlay(1, IDLE), _check(base))
    assert files.offer(Overlay(2, '[devices.printer]\nurl = "tcp://192.0.2.1:9100"\n'), _check(base)) == "refused"
    assert not files.waiting()  # what waited is not what central wants any more
    report = files.report()
    assert report["state"] == "refused" and report["offered"] == 2 and report["version"] == 0
    assert "[devices] may not be set remotely" in report["reason"]
    assert files.offer(Overlay(0, ""), _check(base)) == "running"  # central withdrew it
    assert files.report() == {"version": 0, "state": "none", "offered": 0, "reason": None}


def test_start_uses_the_active_overlay_and_counts_the_start(base):
    files = _files(base)
    files.offer(Overlay(3, IDLE), _check(base))
    files.begin_apply()
    cfg, notes = start(base)
    assert cfg.display.idle_timeout_seconds == 120 and cfg.source == base.source
    assert json.loads((files.folder / "applying.json").read_text())["starts"] == 1
    assert "first start" in notes[0][1] and notes[1][1].endswith("in use: display.idle_timeout_seconds")


def test_an_overlay_that_no_longer_fits_kiosk_toml_is_set_aside(tmp_path, base):
    files = _files(base)
    files.offer(Overlay(3, "[display]\nidle_warning_seconds = 25\n"), _check(base))
    files.begin_apply()
    files.at_start()
    files.first_frame()
    # a technician shortens the timeout in kiosk.toml: the overlay's warning is now longer than the timeout
    changed = load(write_config(tmp_path, logging={"directory": "log"}, display={"idle_timeout_seconds": 20,
                                                                                  "idle_warning_seconds": 10}))
    cfg, notes = start(changed)
    assert cfg.display.idle_warning_seconds == 10 and notes and "does not fit" in notes[0][1], notes
    report = files.report()
    assert report["version"] == 0 and report["state"] == "refused" and report["offered"] == 3


def test_an_apply_cut_short_before_the_swap_is_dropped(base):
    files = _files(base)
    files.offer(Overlay(7, IDLE), _check(base))
    files.folder.joinpath("applying.json").write_text('{"version": 7, "from": 0, "starts": 0}')
    overlay, note = files.at_start()  # the marker was written, the swap never happened
    assert overlay.version == 0 and "dropped" in note[1] and files.waiting()


def test_withdrawn_at_central_back_to_kiosk_toml(base):
    files = _files(base)
    files.offer(Overlay(1, IDLE), _check(base))
    files.begin_apply()
    files.at_start()
    files.first_frame()
    assert files.offer(Overlay(0, ""), _check(base)) == "pending"
    files.begin_apply()
    cfg, _ = start(base)
    assert cfg.display == base.display and files.running().version == 0
    files.first_frame()
    assert files.report() == {"version": 0, "state": "none", "offered": 0, "reason": None}


def test_a_beat_central_would_refuse_is_never_built(base):
    from protocol.wire import ConfigBeat

    files = _files(base)
    files.folder.mkdir(parents=True)
    (files.folder / "status.json").write_text(json.dumps({"state": "x" * 40, "offered": True, "reason": "r" * 999}))
    ConfigBeat.model_validate(files.report())


def test_damaged_files_count_as_absent(base):
    files = _files(base)
    files.folder.mkdir(parents=True)
    (files.folder / "active.json").write_text("{not json")
    (files.folder / "status.json").write_text("[]")
    assert files.report() == {"version": 0, "state": "none", "offered": 0, "reason": None}
    cfg, notes = start(base)
    assert cfg.display == base.display and notes == []
