"""kiosk.submissions use cases with a real queue and a real central on 127.0.0.1 (and with central down)."""

import socket
import time

import pytest

from kiosk.presence import Citizen
from kiosk.queue_messages import SaveFailed, TrackingNumberError
from kiosk.submissions import NOT_IDENTIFIED, Submissions, open_submissions
from offline_queue.client import CentralClient
from offline_queue.config import CentralConfig, QueueConfig
from protocol.signing import write_secret
from offline_queue.worker import SyncWorker
from tests.helpers.central import TERMINAL, central, invented_applicant, make_store  # noqa: F401

FACE = {"decision": "match", "score": 0.38, "threshold": 0.6, "attempts": 2}


def _dead_url() -> str:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"http://127.0.0.1:{port}"


def _dev(**kw) -> CentralConfig:
    """The test central listens on 127.0.0.1 without TLS: the development switch."""
    return CentralConfig(allow_plain_http_loopback=True, **kw)


def _use_cases(tmp_path, url, secret):
    store = make_store(tmp_path)
    client = CentralClient(url, TERMINAL, secret, timeout=3,
                           allow_plain_http_loopback=True)
    return Submissions(store, client, SyncWorker(store, client, interval=60))


def test_submit_offline_then_progress_is_local(tmp_path):
    uc = _use_cases(tmp_path, _dead_url(), "x" * 64)
    done = uc.submit("gjj.withdraw", {"amount": 100}, invented_applicant(1), {"score": 0.93}, [b"scan"])
    p = uc.progress(done.tracking.lower())
    assert (p.source, p.status, p.tracking) == ("local", "pending", done.tracking)
    assert "本机" in p.text.zh and p.text.en
    # central unreachable: the terminal's own records, once the face check passed
    by_id = uc.progress_by_id_number(Citizen(invented_applicant(1)["id_number"], "idcard", FACE))
    assert [x.tracking for x in by_id] == [done.tracking] and by_id[0].source == "local"
    assert uc.status()["depth"]["pending"] == 1
    uc.close()


def test_progress_from_central_once_synced(tmp_path, central):
    uc = _use_cases(tmp_path, central.url, central.secret)
    done = uc.submit("gjj.withdraw", {}, invented_applicant(2))
    uc.worker.sync_once()
    central.store.set_status(done.tracking, "completed")
    p = uc.progress(done.tracking)
    assert (p.source, p.status, p.text.zh) == ("central", "completed", "已办结")
    assert p.case_number.startswith("C")
    assert uc.status()["link"] == "online"
    uc.close()


def test_progress_by_card_needs_a_passed_face_check_for_central(tmp_path, central):
    person = invented_applicant(12)
    elsewhere = _use_cases(tmp_path / "a", central.url, central.secret)
    there = elsewhere.submit("gjj.withdraw", {}, person)  # the person applied at another terminal
    elsewhere.worker.sync_once()
    elsewhere.close()
    other_secret = central.add_terminal("SIM-0002")
    store = make_store(tmp_path / "b", terminal="SIM-0002")
    client = CentralClient(central.url, "SIM-0002", other_secret, timeout=3, allow_plain_http_loopback=True)
    uc = Submissions(store, client, SyncWorker(store, client, interval=60))
    here = uc.submit("gjj.withdraw", {}, person)
    uc.worker.sync_once()
    found = uc.progress_by_id_number(Citizen(person["id_number"], "idcard", FACE))
    assert [(p.tracking, p.source) for p in found] == [(there.tracking, "central"), (here.tracking, "central")]
    # no passed check (a card just placed, a wrong face): nothing is asked of central and nothing is listed, not
    # even this terminal's own record; staff verification counts like a passed check
    assert central.store._q("SELECT COUNT(*) FROM presence")[0][0] == 1
    for face in (None, {"decision": "no_match", "staff_verification": True}):
        with pytest.raises(LookupError) as refused:
            uc.progress_by_id_number(Citizen(person["id_number"], "idcard", face))
        assert refused.value.args[0] is NOT_IDENTIFIED
    assert central.store._q("SELECT COUNT(*) FROM presence")[0][0] == 1
    staff = uc.progress_by_id_number(Citizen(person["id_number"], "idcard", {"decision": "no_match",
                                                                             "staff_verified": True}))
    assert [p.tracking for p in staff] == [there.tracking, here.tracking]
    # the other terminal's number typed here: only where it stands
    typed = uc.progress(there.tracking)
    assert (typed.source, typed.status, typed.case_number) == ("central", "received", None)
    uc.close()


def test_mistyped_and_unknown_numbers(tmp_path, central):
    uc = _use_cases(tmp_path, central.url, central.secret)
    done = uc.submit("gjj.withdraw", {}, invented_applicant(3))
    typo = done.tracking[:-1] + ("0" if done.tracking[-1] != "0" else "1")
    with pytest.raises(TrackingNumberError) as info:
        uc.progress(typo)
    assert info.value.problem.citizen.zh
    unknown = done.tracking.replace("000001", "000777")[:-1]
    from protocol.tracking import check_char

    unknown = unknown[:-1] + "-" + check_char(unknown[:-1])
    with pytest.raises(LookupError) as info:
        uc.progress(unknown)
    assert info.value.args[0].code == "progress.not_found"
    uc.close()


def test_rating_reaches_central(tmp_path, central):
    uc = _use_cases(tmp_path, central.url, central.secret)
    done = uc.submit("gjj.withdraw", {}, invented_applicant(4))
    uc.rate(5, done.tracking, comment="很好")
    with pytest.raises(ValueError):
        uc.rate(6)
    uc.worker.sync_once()
    assert central.store.counts()["ratings"] == 1
    uc.close()


def test_rating_tags_go_only_with_a_bad_score_and_reach_central(tmp_path, central):
    uc = _use_cases(tmp_path, central.url, central.secret)
    for score, tags in ((5, ["long_wait"]), (3, ["attitude"]), (1, ["no_such_tag"]), (1, "long_wait")):
        with pytest.raises(ValueError):
            uc.rate(score, tags=tags)
    uc.rate(1, tags=["attitude", "long_wait", "attitude"])
    uc.rate(2)  # tags are optional
    uc.worker.sync_once()
    assert sorted(central.store._q("SELECT score, tags FROM ratings")) == [(1, '["attitude", "long_wait"]'),
                                                                            (2, None)]
    uc.close()


def test_open_submissions_from_config(tmp_path, central):
    write_secret(tmp_path / "var" / "terminal.secret", central.secret)
    uc = open_submissions(QueueConfig(), _dev(url=central.url, sync_interval_seconds=0.2), TERMINAL, tmp_path)
    uc.start()
    try:
        done = uc.submit("gjj.withdraw", {}, invented_applicant(5))
        deadline = time.monotonic() + 20
        while uc.progress(done.tracking).source != "central":
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert (tmp_path / "var" / "queue.sqlite3").exists() and (tmp_path / "var" / "queue.key").exists()
    finally:
        uc.close()


def test_missing_secret_still_takes_applications(tmp_path):
    uc = open_submissions(QueueConfig(), _dev(url=_dead_url()), TERMINAL, tmp_path)
    done = uc.submit("gjj.withdraw", {}, invented_applicant(6))
    st = uc.status()
    assert done.tracking and st["link"] == "degraded" and "secret" in st["last_error"]
    uc.close()


def test_disk_full_reaches_caller_and_diagnostics(tmp_path):
    from offline_queue.errors import DiskFullError

    uc = _use_cases(tmp_path, _dead_url(), "x" * 64)
    first = uc.submit("gjj.withdraw", {}, invented_applicant(7))
    pages = uc.store._conn.execute("PRAGMA page_count").fetchone()[0]
    uc.store._conn.execute(f"PRAGMA max_page_count={pages + 1}")  # SQLite's view of a full disk
    with pytest.raises(SaveFailed) as info:
        for _ in range(50):
            uc.submit("gjj.withdraw", {}, invented_applicant(8), None, [bytes(8000)])
    assert isinstance(info.value.__cause__, DiskFullError)
    assert info.value.problem.code == "queue.disk_full" and info.value.problem.citizen.zh
    st = uc.status()
    assert st["enqueue_problem"]["code"] == "queue.disk_full"
    assert uc.progress(first.tracking).source == "local"  # what the citizen already holds is still there
    uc.close()


def test_national_suite_end_to_end(tmp_path, central):
    write_secret(tmp_path / "var" / "terminal.secret", central.secret)
    uc = open_submissions(QueueConfig(crypto_suite="sm4-gcm+hmac-sm3"), _dev(url=central.url), TERMINAL, tmp_path)
    done = uc.submit("gjj.withdraw", {}, invented_applicant(9), None, [b"scan"])
    uc.worker.sync_once()
    assert uc.status()["link"] == "online"  # requests were signed with HMAC-SM3 and accepted
    assert uc.progress(done.tracking).source == "central"
    uc.close()


def test_face_evidence_is_sealed_in_the_queue_and_reaches_central(tmp_path, central):
    import hashlib

    from protocol import tracking

    uc = _use_cases(tmp_path, central.url, central.secret)
    jpeg = b"\xff\xd8\xff\xe0invented frame" + bytes(range(256)) * 16 + b"\xff\xd9"
    done = uc.submit("gjj.withdraw", {}, invented_applicant(10), {"decision": "match", "evidence": True}, [b"scan"],
                     evidence=jpeg)
    sha = hashlib.sha256(jpeg).hexdigest()
    body = uc.store.read_body(tracking.parse(done.tracking).seq)
    assert body["face_evidence"] == sha and sha in body["attachments"] and body["face_check"]["evidence"] is True
    on_disk = b"".join(p.read_bytes() for p in tmp_path.glob("queue.sqlite3*"))
    assert bytes(range(256)) not in on_disk  # sealed like every attachment
    uc.worker.sync_once()
    assert central.store.case_body(done.tracking)["face_evidence"] == sha
    assert central.store.blob(sha) == jpeg
    # a face check that says "evidence" without a frame handed over is stored saying what is true
    bare = uc.submit("gjj.withdraw", {}, invented_applicant(11), {"decision": "match", "evidence": True})
    body = uc.store.read_body(tracking.parse(bare.tracking).seq)
    assert body["face_check"]["evidence"] is False and "face_evidence" not in body
    uc.close()
