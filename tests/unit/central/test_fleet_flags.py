"""Fleet flags from hand-made heartbeats: each flag raised by its cause and not by its neighbours."""

import pytest

from central.fleet import FLAGS, FleetPolicy, flags

NOW = 1_800_000_000.0


def beat(ago: float = 10.0, **fields) -> dict:
    base = {"at": NOW - ago, "received_at": NOW - ago, "depth": {"pending": 0}, "paper": "ok", "clock_offset": 0.5,
            "crashes": 0, "devices": {"idcard": {"state": "ok"}, "printer": {"state": "ok"}}}
    return {**base, **fields}


def codes(last, beats=None, now=NOW, **kw) -> list[str]:
    return [f.code for f in flags(last, [last] if beats is None and last else beats or [], now, **kw)]


def test_a_healthy_terminal_has_no_flags():
    assert codes(beat()) == []


def test_stale_after_k_intervals_with_configurable_policy():
    assert codes(beat(ago=179)) == []  # default: 3 intervals of 60 s
    assert codes(beat(ago=181)) == ["stale"]
    assert codes(beat(ago=25), policy=FleetPolicy(interval=10, stale_after=2)) == ["stale"]
    assert codes(None, since=NOW - 10) == []  # registered just now, no beat yet
    assert codes(None, since=NOW - 3600) == ["stale"]
    assert "3600 s" in flags(None, [], NOW, since=NOW - 3600)[0].detail


def test_paper_out_and_low_are_paper_flags_not_device_faults():
    out = beat(paper="out", devices={"printer": {"state": "out", "error": "paper_out"}})
    assert codes(out) == ["paper_out"]
    assert codes(beat(paper="near_end", devices={"printer": {"state": "near_end"}})) == ["paper_low"]


def test_device_fault_names_the_device_and_its_error():
    last = beat(devices={"idcard": {"state": "ok"}, "camera": {"state": "fault", "error": "no_frames"},
                         "printer": {"state": "cover_open"}})
    [flag] = flags(last, [last], NOW)
    assert flag.code == "device_fault"
    assert flag.detail == "camera: fault (no_frames); printer: cover_open"


def test_backlog_growing_needs_a_rise_at_each_of_the_last_beats():
    rising = [beat(ago=40 - 10 * i, depth={"pending": p}) for i, p in enumerate((2, 5, 9, 14))]
    assert codes(rising[-1], rising) == ["backlog_growing"]
    flat = [beat(ago=40 - 10 * i, depth={"pending": p}) for i, p in enumerate((2, 5, 5, 14))]
    assert codes(flat[-1], flat) == []
    assert codes(rising[-1], rising[-3:]) == []  # too few beats to call it a trend
    draining = [beat(ago=40 - 10 * i, depth={"pending": p}) for i, p in enumerate((14, 9, 5, 2))]
    assert codes(draining[-1], draining) == []


@pytest.mark.parametrize(("offset", "flagged"), [(59.9, False), (-60.0, False), (61, True), (-3600, True)])
def test_clock_off_beyond_sixty_seconds_either_way(offset, flagged):
    assert codes(beat(clock_offset=offset)) == (["clock_off"] if flagged else [])


def test_crash_loop_counts_crashes_within_the_last_hour_only():
    beats = [beat(ago=4000, crashes=5), beat(ago=1200, crashes=1), beat(ago=600, crashes=1), beat(ago=10, crashes=0)]
    assert codes(beats[-1], beats) == []  # the five were more than an hour ago
    beats.append(beat(ago=5, crashes=1))
    assert codes(beats[-1], beats) == ["crash_loop"]


def test_several_flags_at_once_and_every_flag_has_both_words():
    last = beat(ago=500, paper="out", clock_offset=-120, devices={"camera": {"state": "fault"}})
    assert codes(last) == ["stale", "paper_out", "device_fault", "clock_off"]
    for code, (zh, en) in FLAGS.items():
        assert zh and en and not zh.isascii() and en.isascii()
    view = flags(last, [last], NOW)[1].view()
    assert view == {"code": "paper_out", "zh": "缺纸", "en": "out of paper", "detail": ""}


def test_missing_optional_fields_raise_nothing():
    assert codes({"at": NOW, "received_at": NOW, "depth": {}}) == []
