"""Central's log formatters: an error keeps its type, first line and stack, never the parameters a database error
quotes on its later lines."""

import json
import logging
import sys

import pytest

from central.logs import JsonFormatter, TextFormatter, formatter
from tests.helpers.central import invented_applicant

PERSON = invented_applicant(2)


def _record_with_error() -> logging.LogRecord:
    try:
        raise RuntimeError("(sqlite3.IntegrityError) UNIQUE constraint failed: cases.tracking\n"
                           f"[SQL: INSERT INTO cases ...]\n[parameters: ('{PERSON['name']}', '{PERSON['id_number']}')]")
    except RuntimeError:
        info = sys.exc_info()
    record = logging.LogRecord("uvicorn.error", logging.ERROR, __file__, 1, "Exception in ASGI application", (), info)
    record.fields = {"route": "/v1/batch"}
    return record


def test_json_keeps_the_first_line_of_an_error_and_drops_its_parameters():
    line = JsonFormatter().format(_record_with_error())
    doc = json.loads(line)
    assert "\n" not in line
    assert doc["level"] == "error" and doc["route"] == "/v1/batch" and doc["worker"] > 0
    assert doc["error"]["type"] == "RuntimeError" and "UNIQUE constraint failed" in doc["error"]["message"]
    assert doc["error"]["stack"] and __file__ in doc["error"]["stack"][0]
    assert PERSON["name"] not in line and PERSON["id_number"] not in line


def test_text_does_the_same():
    text = TextFormatter().format(_record_with_error())
    assert "route=/v1/batch" in text and "UNIQUE constraint failed" in text
    assert PERSON["name"] not in text and PERSON["id_number"] not in text


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError):
        formatter("xml")
