"""Record payload codec: what JSON can say reads back unchanged; what could never be sent is refused at once."""

import math
from datetime import datetime, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offline_queue.payload import pack, unpack

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**64 - 1) | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20)


@given(st.dictionaries(st.text(max_size=12), json_values, max_size=8))
def test_what_json_can_say_reads_back_unchanged(body):
    assert unpack(pack(body)) == body


def test_big_ints_and_datetimes_are_written_as_json_would_say_them():
    assert unpack(pack({"n": 2**70, "m": -(2**70)})) == {"n": 2**70, "m": -(2**70)}
    when = {"at": datetime(2026, 11, 23, 9, 30, tzinfo=timezone.utc)}
    assert unpack(pack(when)) == {"at": "2026-11-23T09:30:00+00:00"}


@pytest.mark.parametrize("body,error", [({"photo": b"\xff\xd8"}, TypeError), ({"s": {1, 2}}, TypeError),
                                        ({"o": object()}, TypeError), ({"t": "\ud800"}, UnicodeEncodeError),
                                        ({(1, 2): "tuple key"}, TypeError)])
def test_what_could_never_be_sent_to_central_is_refused_at_once(body, error):
    with pytest.raises(error):
        pack(body)


def test_non_string_keys_and_non_finite_numbers_are_written_as_json_would_say_them():
    body = {7: "int key", "x": math.nan, "y": math.inf}
    assert unpack(pack(body)) == {"7": "int key", "x": None, "y": None}


@pytest.mark.parametrize("data", [b"7", b"[1,2,3]", b'"text"'])
def test_a_payload_that_is_not_a_map_is_an_error(data):
    with pytest.raises(ValueError):
        unpack(data)
