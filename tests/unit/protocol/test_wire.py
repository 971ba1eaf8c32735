"""What central refuses in a terminal's request before it stores anything."""

import pytest
from pydantic import ValidationError

from protocol.wire import Batch


@pytest.mark.parametrize("where", [{"id": "a\x00"}, {"body": {"name": "张\x00三"}}, {"body": {"k\x00": 1}},
                                   {"body": {"list": [{"deep": ["x", "\x00"]}]}}])
def test_a_nul_anywhere_in_a_batch_item_is_refused(where):
    item = {"id": "01J0000000000000000000000A", "seq": 1, "kind": "submission", "body": {"service_code": "ZJ-001"}}
    Batch.model_validate({"items": [item]})
    with pytest.raises(ValidationError, match="NUL"):
        Batch.model_validate({"items": [item, {**item, "id": "B", **where}]})
