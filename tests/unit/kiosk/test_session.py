"""The session wipe forgets everything, even when one wiper fails; the idle policy warns, then expires."""

import logging

import pytest

from kiosk.redact import Redactor
from kiosk.session import IdlePolicy, Session


def test_wipe_runs_every_wiper_and_clears_data():
    redactor = Redactor()
    s = Session(redactor)
    calls = []
    s.register_wipe("form", lambda: calls.append("form"))
    s.register_wipe("broken", lambda: 1 / 0)
    s.register_wipe("print", lambda: calls.append("print"))
    s.put("identity", {"name": "测试人"})
    s.remember_personal("测试人")
    assert redactor("姓名 测试人") == "姓名 测**"
    generation = s.generation
    failed = s.wipe("test")
    assert failed == ["broken"]
    assert sorted(calls) == ["form", "print"]
    assert s.empty and s.get("identity") is None
    assert s.generation == generation + 1
    assert redactor("姓名 测试人") == "姓名 测试人"  # forgotten with the visitor


def test_unregister():
    s = Session(Redactor())
    s.register_wipe("a", lambda: None)
    s.unregister_wipe("a")
    assert s.wipers == []


class Clock:
    def __init__(self):
        self.t = 0.0

    def __call__(self):
        return self.t


def test_idle_policy_phases_and_elderly_timeout():
    c = Clock()
    p = IdlePolicy(timeout=60, warning=15, elderly_timeout=180, clock=c)
    assert p.state().phase == "active"
    c.t = 46
    st = p.state()
    assert st.phase == "warning" and st.seconds_left == 14
    c.t = 60
    assert p.state().phase == "expired"
    p.touch()
    assert p.state().phase == "active"
    p.elderly = True
    c.t += 100
    assert p.state().phase == "active"
    c.t += 70
    assert p.state().phase == "warning"


def test_elderly_mode_counts_down_for_longer():
    c = Clock()
    p = IdlePolicy(timeout=60, warning=15, elderly_timeout=180, clock=c, elderly_warning=40)
    p.elderly = True
    c.t = 139
    assert p.state().phase == "active"
    c.t = 141
    st = p.state()
    assert st.phase == "warning" and st.seconds_left == 39
    p.elderly = False  # the countdown of standard mode is the short one
    c.t = 44
    assert p.state().phase == "active"


def test_idle_policy_rejects_warning_longer_than_timeout():
    with pytest.raises(ValueError):
        IdlePolicy(timeout=10, warning=20, elderly_timeout=100)
    with pytest.raises(ValueError):
        IdlePolicy(timeout=60, warning=20, elderly_timeout=100, elderly_warning=100)


def test_wipe_logs_no_personal_data(caplog):
    s = Session(Redactor())
    caplog.set_level(logging.INFO)
    s.put("x", "110105199001011234")
    s.wipe("idle timeout")
    assert "110105199001011234" not in caplog.text
