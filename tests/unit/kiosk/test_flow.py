"""The flow table: which screen each intent leads to, and that QML asks only for intents the table knows."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from kiosk import flow
from kiosk.flow import Screen

QML = Path(__file__).resolve().parents[3] / "ui" / "qml"


def visit(purpose="apply", service="", rated=False, proxy_offered=False):
    return SimpleNamespace(purpose=purpose, service=service, rated=rated, proxy_offered=proxy_offered,
                           verified=lambda: None)


def test_an_item_that_offers_proxy_asks_whom_the_application_is_for_first():
    assert flow.route("identified", visit(service="YL-002", proxy_offered=True)) == (Screen.APPLY_FOR, None)
    assert flow.route("chosen", visit(service="YL-002", proxy_offered=True)) == (Screen.APPLY_FOR, None)
    assert flow.route("chosen", visit(service="GJ-003")) == (Screen.APPLY_FORM, None)


@pytest.mark.parametrize("purpose,service,screen", [
    ("apply", "", Screen.APPLY_CHOOSE), ("apply", "GJ-003", Screen.APPLY_FORM),
    ("certificates", "", Screen.CERTIFICATES), ("certificates", "GJ-003", Screen.CERTIFICATES),
])
def test_identified_leads_on_to_what_identifying_was_for(purpose, service, screen):
    assert flow.route("identified", visit(purpose, service)) == (screen, None)


@pytest.mark.parametrize("intent", ["apply", "certificates"])
def test_starting_a_purpose_identifies_first(intent):
    assert flow.route(intent, visit()) == (Screen.IDENTIFY, intent)


def test_unknown_intents_are_refused():
    with pytest.raises(KeyError):
        flow.route("ApplyForm", visit())  # a screen name is not an intent


def test_a_finished_application_is_rated_before_leaving():
    assert flow.leaving(Screen.SUBMITTED, rated=False) == Screen.RATING
    assert flow.leaving(Screen.SUBMITTED, rated=True) is None
    assert flow.leaving(Screen.GUIDE, rated=False) is None


def test_every_screen_has_its_qml_file_and_every_file_a_screen():
    files = {p.stem for p in (QML / "screens").glob("*.qml")}
    assert files == {s.value for s in Screen}


def test_qml_opens_only_intents_the_table_knows():
    used = set()
    for path in QML.rglob("*.qml"):
        text = path.read_text(encoding="utf-8")
        assert "Shell.go(" not in text, f"{path.name} names a screen; it should open an intent"
        used |= set(re.findall(r'Shell\.open\(\s*"(\w+)"', text))
        used |= set(re.findall(r'intent: "(\w+)"', text))
    assert used, "no intents found: the pattern is wrong"
    for intent in used:
        flow.route(intent, visit())  # KeyError for an intent the table does not know


def test_progress_by_card_identifies_then_returns_to_progress():
    assert flow.route("progress_by_card", visit()) == (Screen.IDENTIFY, "progress")
    assert flow.route("identified", visit("progress")) == (Screen.PROGRESS, None)
