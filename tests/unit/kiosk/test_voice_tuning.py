"""The visitor's voice volume and rate: steps within bounds that never reach silence, levels for the bars."""

from kiosk.voice_tuning import LOUDEST, QUIETEST, SLOWEST, VoiceTuning


def test_steps_stop_at_the_bounds_and_never_reach_silence():
    t = VoiceTuning.configured(0.9, -0.2)
    assert (t.louder().volume, t.louder().louder().volume) == (1.0, LOUDEST)
    for _ in range(20):
        t = t.quieter().slower()
    assert (t.volume, t.rate) == (QUIETEST, SLOWEST) and t.volume > 0
    assert t.can == {"louder": True, "quieter": False, "faster": True, "slower": False}
    assert (t.volume_level, t.rate_level) == (1, 1)


def test_a_configured_value_outside_the_visitors_range_starts_at_its_edge():
    assert VoiceTuning.configured(0.0, -1.0) == VoiceTuning(QUIETEST, SLOWEST)
    t = VoiceTuning.configured(1.0, 0.4)
    assert (t.volume_level, t.rate_level) == (8, 7) and not t.can["louder"] and not t.can["faster"]


def test_steps_add_up_without_float_drift():
    t = VoiceTuning.configured(0.5, 0.0)
    for _ in range(2):
        t = t.louder().faster()
    for _ in range(2):
        t = t.quieter().slower()
    assert (t.volume, t.rate) == (0.5, 0.0)
