"""A bad score on the rating screen asks what went wrong (reason tags, optional, chosen with a tick and a fill) before
it is sent; a good score is sent at once. The tags travel through the real queue to a real central on 127.0.0.1,
where the bad-rating list shows them. Screenshots in test-artifacts/screens for review."""

from __future__ import annotations

import pytest

from central.followups import FollowUps
from protocol.signing import write_secret
from tests.helpers.apply import attach_queue
from tests.helpers.central import CentralServer
from tests.helpers.contrast import samples
from tests.helpers.e2e import text_of
from tests.helpers.qml import find_visible, grab, settle, tap

SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}


@pytest.fixture
def central(tmp_path):
    server = CentralServer(tmp_path / "central.sqlite3").start()
    secret = tmp_path / "var" / "terminal.secret"
    write_secret(secret, server.add_terminal())
    server.secret_file = secret
    yield server
    server.stop()


def _ui(make_ui, central, orientation: str, elderly: bool = False):
    w, h = SIZES[orientation]
    ui = make_ui(orientation, display={"width": w, "height": h},
                 central={"url": central.url, "credentials_file": str(central.secret_file),
                          "allow_plain_http_loopback": True, "sync_interval_seconds": 0.2})
    ui.shell.elderly = elderly
    attach_queue(ui.core)
    ui.shell.start()
    ui.shell.go("Rating", {})
    return ui


@pytest.mark.parametrize("orientation, elderly", [("portrait", False), ("landscape", False), ("portrait", True)],
                         ids=["portrait", "landscape", "portrait-elderly"])
def test_a_bad_score_carries_its_reason_tags_to_central(qtbot, make_ui, artifacts_dir, central, orientation,
                                                        elderly):
    ui = _ui(make_ui, central, orientation, elderly)
    rating = ui.bridges["rating"]
    tap(qtbot, ui.window, "rate_2")
    qtbot.waitUntil(lambda: rating.ratingState == "tags")
    settle(qtbot)
    assert "不满意" in find_visible(ui.window, "ratingTags").childItems()[0].property("text")
    tap(qtbot, ui.window, "ratingTag_long_wait")
    tap(qtbot, ui.window, "ratingTag_unclear_guide")
    tap(qtbot, ui.window, "ratingTag_attitude")
    tap(qtbot, ui.window, "ratingTag_attitude")  # a second tap takes it back
    settle(qtbot)
    chosen = find_visible(ui.window, "ratingTag_long_wait")
    assert chosen.property("text").startswith("✓ ") and chosen.property("primary")  # a tick, not colour alone
    assert not find_visible(ui.window, "ratingTag_attitude").property("text").startswith("✓")
    w, h = SIZES[orientation]
    page = find_visible(ui.window, "screenStack").property("currentItem")
    rows = samples(ui.window, page, min(w, h) / 720, elderly)
    assert all(s.ok for s in rows), [s for s in rows if not s.ok]
    for name in ("ratingSubmit", "ratingChooseAgain", "ratingTag_terminal_trouble"):
        item = find_visible(ui.window, name)
        corner = item.mapToScene(item.boundingRect().bottomRight())
        assert corner.y() <= h and corner.x() <= w, name  # every choice is on screen
    mode = "elderly" if elderly else "normal"
    grab(ui.window, artifacts_dir / "screens" / f"rating_tags_{orientation}_{mode}.png")

    tap(qtbot, ui.window, "ratingSubmit")
    qtbot.waitUntil(lambda: rating.ratingState == "done", timeout=10_000)
    follow = FollowUps(central.store)
    qtbot.waitUntil(lambda: follow.bad_ratings()["total"] == 1, timeout=30_000)
    (listed,) = follow.bad_ratings()["ratings"]
    assert (listed["score"], [t["code"] for t in listed["tags"]]) == (2, ["long_wait", "unclear_guide"])
    assert listed["state_text"]["zh"] == "待核实"


def test_a_good_score_goes_at_once_and_a_bad_one_can_be_chosen_again(qtbot, make_ui, central):
    ui = _ui(make_ui, central, "portrait")
    rating = ui.bridges["rating"]
    tap(qtbot, ui.window, "rate_1")
    qtbot.waitUntil(lambda: rating.ratingState == "tags")
    tap(qtbot, ui.window, "ratingTag_more_trips")
    assert text_of(ui, "ratingSkip") == "不评价，结束"  # nothing is sent yet
    tap(qtbot, ui.window, "ratingChooseAgain")
    qtbot.waitUntil(lambda: rating.ratingState == "")
    tap(qtbot, ui.window, "rate_4")
    qtbot.waitUntil(lambda: rating.ratingState == "done", timeout=10_000)
    store = ui.core.submissions.store
    qtbot.waitUntil(lambda: central.store.counts()["ratings"] == 1, timeout=30_000)
    assert central.store._q("SELECT score, tags FROM ratings") == [(4, None)]
    assert store.stats().depth.get("pending", 0) == 0
    ui.shell.language = "en"
    assert [t["text"] for t in rating.tags][:2] == ["Long wait", "Unfriendly service"]
