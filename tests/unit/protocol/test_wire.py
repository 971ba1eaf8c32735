"""Wire models central reads: NUL refused anywhere in a request, checked in one pass over a batch."""

import pytest
from pydantic import ValidationError

from protocol.wire import Batch, Heartbeat


def _batch(body):
    return {"items": [{"id": "A", "seq": 1, "kind": "submission", "body": {"ok": "yes"}},
                      {"id": "B", "seq": 2, "kind": "submission", "body": body}]}


@pytest.mark.parametrize("body", [{"form": {"note": "a\x00b"}}, {"list": ["x", ["y\x00"]]}, {"key\x00": 1}])
def test_nul_anywhere_in_a_batch_item_is_refused(body):
    with pytest.raises(ValidationError, match="NUL"):
        Batch.model_validate(_batch(body))


def test_nul_in_an_item_id_is_refused_and_a_clean_batch_passes():
    bad = _batch({"ok": 1})
    bad["items"][0]["id"] = "A\x00"
    with pytest.raises(ValidationError, match="NUL"):
        Batch.model_validate(bad)
    assert [i.body for i in Batch.model_validate(_batch({"form": {"note": "无 NUL"}})).items][1] == {
        "form": {"note": "无 NUL"}}


def test_heartbeat_refuses_nul_too():
    with pytest.raises(ValidationError, match="NUL"):
        Heartbeat.model_validate({"at": 1.0, "software": "1.0\x00"})


@pytest.mark.parametrize("where", [{"id": "a\x00"}, {"body": {"name": "张\x00三"}}, {"body": {"k\x00": 1}},
                                   {"body": {"list": [{"deep": ["x", "\x00"]}]}}])
def test_a_nul_anywhere_in_a_later_item_is_refused_after_a_clean_one(where):
    item = {"id": "01J0000000000000000000000A", "seq": 1, "kind": "submission", "body": {"service_code": "ZJ-001"}}
    Batch.model_validate({"items": [item]})
    with pytest.raises(ValidationError, match="NUL"):
        Batch.model_validate({"items": [item, {**item, "id": "B", **where}]})
