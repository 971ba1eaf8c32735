"""Case work at central on both engines: the officer's actions and where each may start, who did what and why in
the history, the reason a terminal is told, work lists, and the applicant masked unless the role may see them."""

import hashlib
import threading
from datetime import date

import pytest

from central.casework import ACTIONS, Casework, CaseworkError
from central.cli import cli_main
from central.storage import CentralStore
from protocol import tracking
from protocol.masking import mask_id
from tests.helpers.central import TERMINAL, invented_applicant

SCAN = b"invented scan of a household register page"
FACE = b"invented face frame"


def _submission(seq: int, service: str = "HJ-001", terminal: str = TERMINAL, **extra) -> dict:
    body = {"tracking": tracking.issue(terminal, date(2026, 4, 1), seq), "service_code": service,
            "applicant": invented_applicant(seq), "form": {"phone": "13800000000", "purpose": "落户"},
            "attachments": [], "created_at": 1_775_000_000.0 + seq}
    body.update(extra)
    return {"id": f"item-{terminal}-{seq}", "seq": seq, "kind": "submission", "body": body}


@pytest.fixture
def store(central_db):
    s = CentralStore(central_db.target, keys_dir=central_db.keys_dir)
    yield s
    s.close()


@pytest.fixture
def work(store):
    return Casework(store)


def _made(store, seq: int, terminal: str = TERMINAL, **kw) -> str:
    result = store.accept_batch(terminal, [_submission(seq, terminal=terminal, **kw)])[0]
    assert result["result"] == "accepted", result
    return tracking.issue(terminal, date(2026, 4, 1), seq)


def test_accept_then_finish_records_who_did_it(store, work):
    number = _made(store, 1)
    accepted = work.act(number, "accept", actor="officer-li", note="材料齐全")
    assert (accepted["status"], accepted["status_text"]["zh"]) == ("reviewing", "审核中")
    done = work.act(number.lower(), "finish", actor="officer-wang")
    assert done["status"] == "completed" and done["actions"] == []
    assert [(h["status"], h["actor"], h["note"]) for h in done["history"]] == [
        ("received", None, None), ("reviewing", "officer-li", "材料齐全"), ("completed", "officer-wang", None)]
    # a terminal sees the steps, never who took them nor the staff note
    wire = store.case(number)
    assert [h["status"] for h in wire["history"]] == ["received", "reviewing", "completed"]
    assert all(set(h) == {"status", "at"} for h in wire["history"]) and wire["reason"] is None


def test_correction_and_return_carry_the_reason_a_terminal_shows(store, work):
    number = _made(store, 2)
    with pytest.raises(CaseworkError) as e:
        work.act(number, "correct", actor="officer-li", reason="   ")
    assert e.value.code == "reason_required" and "申请人" in e.value.text["zh"]
    asked = work.act(number, "correct", actor="officer-li", reason="请补交户口簿本人页复印件\r\n一份。",
                     note="电话已通知")
    assert asked["status"] == "correction" and asked["reason"] == "请补交户口簿本人页复印件\n一份。"
    wire = store.case(number)
    assert (wire["status_text"]["zh"], wire["reason"]) == ("待补正", "请补交户口簿本人页复印件\n一份。")
    assert wire["history"][-1]["reason"] == wire["reason"] and "note" not in wire["history"][-1]
    # materials brought: accepted again, and the correction's reason is no longer the case's
    again = work.act(number, "accept", actor="officer-li")
    assert again["reason"] is None and store.case(number)["reason"] is None
    work.act(number, "return", actor="officer-wang", reason="申请人已不符合落户条件。")
    assert store.case(number)["reason"] == "申请人已不符合落户条件。"
    assert [a for a in ACTIONS.values() if "returned" in a.sources] == []


@pytest.mark.parametrize("status_path, action", [
    ([], "finish"),  # nothing is finished before it is accepted
    (["accept", "finish"], "return"),
    (["return"], "accept"),
    (["correct"], "correct"),
])
def test_actions_start_only_where_allowed_and_write_nothing_otherwise(store, work, status_path, action):
    number = _made(store, 3)
    for step in status_path:
        work.act(number, step, actor="officer-li", reason="原因说明" if ACTIONS[step].needs_reason else None)
    before = work.case(number, reveal=False)
    with pytest.raises(CaseworkError) as e:
        work.act(number, action, actor="officer-li", reason="原因说明" if ACTIONS[action].needs_reason else None)
    assert e.value.code == "not_allowed" and before["status_text"]["zh"] in e.value.text["zh"]
    assert work.case(number, reveal=False)["history"] == before["history"]


def test_bad_input_is_refused_with_a_clear_code(store, work):
    number = _made(store, 4)
    cases = [
        (dict(action="approve", actor="a"), "no_such_action"),
        (dict(action="accept", actor=""), "bad_actor"),
        (dict(action="accept", actor="a\x00b"), "bad_actor"),
        (dict(action="accept", actor="a", reason="不给申请人看"), "reason_not_shown"),
        (dict(action="return", actor="a", reason="x" * 501), "text_too_long"),
        (dict(action="return", actor="a", reason="含\x00字符"), "bad_text"),
        (dict(action="accept", actor="a", note="\x1b[31m"), "bad_text"),
    ]
    for kw, code in cases:
        with pytest.raises(CaseworkError) as e:
            work.act(number, **kw)
        assert e.value.code == code, kw
    with pytest.raises(LookupError):
        work.act("SIM-0001-20260401-999999-0", "accept", actor="a")
    assert work.case(number, reveal=False)["status"] == "received"


def test_two_officers_at_once_move_a_case_only_once(central_db):
    """Each officer's console has its own store (as each central worker process does); per case one wins."""
    stores = [CentralStore(central_db.target, keys_dir=central_db.keys_dir) for _ in range(2)]
    try:
        numbers = [_made(stores[0], 10 + i) for i in range(6)]
        outcome: dict[tuple[int, str], str] = {}

        def officer(k: int, action: str, barrier: threading.Barrier, number: str) -> None:
            barrier.wait()
            try:
                Casework(stores[k]).act(number, action, actor=f"officer-{k}",
                                        reason="重复提交" if action == "return" else None)
                outcome[(k, number)] = "done"
            except CaseworkError as exc:
                outcome[(k, number)] = exc.code

        for number in numbers:
            barrier = threading.Barrier(2)
            threads = [threading.Thread(target=officer, args=(0, "accept", barrier, number)),
                       threading.Thread(target=officer, args=(1, "return", barrier, number))]
            for t in threads:
                t.start()
            for t in threads:
                t.join(60)
            results = sorted(outcome[(k, number)] for k in (0, 1))
            history = Casework(stores[0]).case(number, reveal=False)["history"]
            if results == ["done", "done"]:  # the second came after the first: accept, then return from review
                assert [h["status"] for h in history] == ["received", "reviewing", "returned"]
            else:
                assert results == ["done", "not_allowed"] and len(history) == 2
    finally:
        for s in stores:
            s.close()


def test_lists_by_status_and_service_page_through_everything(store, work):
    store.add_terminal(TERMINAL, "s" * 64, site="hall-east")
    store.add_terminal("SIM-0002", "t" * 64, site="village-3")
    mine = [_made(store, 20 + i, service="HJ-001" if i % 2 else "SB-002") for i in range(7)]
    theirs = _made(store, 40, service="HJ-001", terminal="SIM-0002")
    for number in mine[:3]:
        work.act(number, "accept", actor="officer-li")
    page1 = work.cases(status="received", per_page=3)
    page2 = work.cases(status="received", per_page=3, page=2)
    assert (page1["total"], page1["pages"], len(page1["cases"]), len(page2["cases"])) == (5, 2, 3, 2)
    listed = {c["tracking"] for c in page1["cases"] + page2["cases"]}
    assert listed == set(mine[3:]) | {theirs}
    assert all("applicant" not in c and c["status_text"]["zh"] == "已受理" for c in page1["cases"])
    assert [c["tracking"] for c in work.cases(status="reviewing")["cases"]] == mine[:3][::-1]  # newest change first
    oldest = work.cases(status=["received", "reviewing"], oldest_first=True)["cases"]
    assert [c["tracking"] for c in oldest] == mine + [theirs]
    assert {c["tracking"] for c in work.cases(service="HJ-001")["cases"]} == {mine[1], mine[3], mine[5], theirs}
    assert [c["tracking"] for c in work.cases(site="village-3")["cases"]] == [theirs]
    assert work.cases(site="village-3")["cases"][0]["site"] == "village-3"
    assert work.cases(status="completed") == {"cases": [], "total": 0, "page": 1, "per_page": 50, "pages": 1}
    assert work.tallies() == {"statuses": {"received": 5, "reviewing": 3},
                              "services": {"HJ-001": 4, "SB-002": 4}}


def test_case_view_masks_the_applicant_unless_revealed_and_lists_materials(store, work):
    shas = []
    for data in (SCAN, FACE):
        sha = hashlib.sha256(data).hexdigest()
        store.put_blob(sha, data)
        shas.append(sha)
    number = _made(store, 50, attachments=shas, face_evidence=shas[1],
                   face_check={"decision": "match", "distance": 0.41, "threshold": 0.6, "attempts": 1})
    person = invented_applicant(50)
    masked = work.case(number, reveal=False)
    assert masked["revealed"] is False
    assert masked["applicant"]["name"] == person["name"][0] + "*" * (len(person["name"]) - 1)
    assert masked["applicant"]["id_number"] == mask_id(person["id_number"])
    assert masked["applicant"]["address"].endswith("****") and person["address"] not in str(masked)
    assert masked["form"] == {"phone": "1**********", "purpose": "落*"}
    assert person["id_number"] not in str(masked) and person["name"] not in str(masked)
    assert masked["face_check"]["decision"] == "match"
    assert masked["materials"] == [
        {"sha256": shas[0], "size": len(SCAN), "stored": True, "kind": "attachment"},
        {"sha256": shas[1], "size": len(FACE), "stored": True, "kind": "face_evidence"}]
    assert [a["action"] for a in masked["actions"]] == ["accept", "correct", "return"]
    shown = work.case(number, reveal=True)
    assert shown["applicant"]["id_number"] == person["id_number"] and shown["form"]["phone"] == "13800000000"
    assert shown["applied_at"] == 1_775_000_050.0
    with pytest.raises(PermissionError):
        work.material(number, shas[0], reveal=False)
    assert work.material(number, shas[0], reveal=True) == SCAN
    assert work.material(number, "0" * 64, reveal=True) is None  # not one of this case's
    assert work.case("SIM-0001-20260401-999999-0", reveal=True) is None


def test_cli_set_status_is_recorded_as_cli_with_its_reason(store, work, central_db, capsys):
    number = _made(store, 60)
    assert cli_main(["set-status", number, "补正", "--reason", "请补交身份证复印件。", *central_db.cli()]) == 0
    assert "待补正" in capsys.readouterr().out
    view = work.case(number, reveal=False)
    assert (view["status"], view["history"][-1]["actor"], view["reason"]) == ("correction", "cli",
                                                                              "请补交身份证复印件。")
    assert cli_main(["set-status", number, "退回", "--reason", "x" * 501, *central_db.cli()]) == 2
    assert "longer than 500" in capsys.readouterr().err
