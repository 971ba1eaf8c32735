"""Text that is no text: a signed request whose JSON holds an escaped lone UTF-16 surrogate ("\\ud800") is refused
with a clear 400 and nothing stored — before, the heartbeat answered 500 and a batch dropped the connection — while
a proper surrogate pair (an emoji written as two escapes) is one character and goes through."""

from __future__ import annotations

import json

import pytest

from offline_queue.client import CentralClient
from tests.helpers.central import CentralServer

LONE = "\\ud800"


@pytest.fixture
def central(central_db):
    server = CentralServer(central_db).start()
    client = CentralClient(server.url, "SIM-0881", server.add_terminal("SIM-0881"), allow_plain_http_loopback=True)
    yield server, client
    client.close()
    server.stop()


def _post(client, path: str, payload: dict, replace: str = "") -> tuple[int, dict]:
    raw = json.dumps(payload).replace("MARK", replace).encode()  # ASCII JSON: every other character escaped
    answer = client._call("POST", path, content=raw, headers={"Content-Type": "application/json"})
    return answer.status_code, answer.json()


def _beat(software: str) -> dict:
    return {"at": 1.0, "reason": "interval", "software": software, "depth": {"pending": 0}}


def _rating(comment: str) -> dict:
    return {"items": [{"id": "01HLONESURROGATE0000000001", "seq": None, "kind": "rating",
                       "body": {"tracking": None, "score": 1, "tags": ["attitude"], "comment": comment}}]}


def test_a_lone_surrogate_in_a_heartbeat_is_refused_plainly(central):
    server, client = central
    status, answer = _post(client, "/v1/heartbeat", _beat("1.4.0 MARK"), LONE)
    assert (status, answer["detail"]["reason"]) == (400, "invalid_text")
    assert server.store._q("SELECT COUNT(*) FROM heartbeats") == [(0,)]


def test_a_lone_surrogate_in_a_batch_is_refused_and_nothing_is_kept(central):
    server, client = central
    status, answer = _post(client, "/v1/batch", _rating("排队 MARK 太久"), LONE)
    assert (status, answer["detail"]["reason"]) == (400, "invalid_text")
    # the same record with real text goes through afterwards: the refusal kept nothing of it
    [result] = client.submit_batch(_rating("排队太久")["items"])
    assert result["result"] == "accepted"


def test_a_surrogate_pair_is_one_character_and_goes_through(central):
    server, client = central
    status, answer = _post(client, "/v1/batch", _rating("很好 😀"))  # json.dumps writes it as \\ud83d\\ude00
    assert status == 200 and answer["results"][0]["result"] == "accepted"
