"""The staff screen's journal tail: parsing real `journalctl --output=json` output, and saying so when it fails.

journalctl.jsonl was captured from a real systemd-journald and journalctl (systemd 252) fed by the kiosk's own
journald logging set-up with invented content (_CMDLINE and _EXE removed); the end-to-end run against a live
journal is tests/integration/test_staff_log_journald.py (root only)."""

from datetime import datetime
from pathlib import Path

import pytest

from kiosk.journal_tail import UNREADABLE, journal_tail, parse
from kiosk.maintenance import log_tail

CAPTURED = Path(__file__).with_name("journalctl.jsonl")


def test_real_journalctl_json_becomes_masked_lines_oldest_first():
    lines = parse(CAPTURED.read_bytes())
    when = datetime.fromtimestamp(1795882996256418 / 1e6).strftime("%Y-%m-%d %H:%M:%S")
    assert lines[0] == f"{when} WARNING kiosk.sync: central unreachable: ConnectError"
    assert [line.split(" ", 3)[2] for line in lines] == ["WARNING", "INFO", "ERROR", "ERROR", "ERROR", "ERROR",
                                                         "INFO", "INFO"]
    assert lines[1].endswith("INFO kiosk.sync: callback number 138****8000")
    assert lines[3].endswith("ERROR Traceback (most recent call last):")
    assert lines[6].endswith("INFO not utf-8 \ufffd here")  # journalctl writes non-UTF-8 messages as byte arrays
    assert lines[7].endswith("INFO cage: output line 139****9000")  # not masked when written: masked on the way


def test_a_cut_or_odd_entry_still_leaves_the_rest_readable():
    good = CAPTURED.read_bytes().splitlines()[0]
    lines = parse(b"\n".join([b'{"MESSAGE":"half', good, b'{"MESSAGE":null,"PRIORITY":"x"}', b"[1,2]"]))
    assert len(lines) == 2 and lines[0].endswith("central unreachable: ConnectError")
    assert lines[1] == "????-??-?? ??:??:?? INFO (message too large for the journal's JSON output)"


def test_no_journalctl_says_the_journal_is_unreadable(tmp_path):
    assert journal_tail(journalctl=str(tmp_path / "journalctl")) == [
        f"{UNREADABLE}: {tmp_path / 'journalctl'} is not installed"]


def _program(tmp_path: Path, body: str) -> str:
    path = tmp_path / "journalctl"
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(0o755)
    return str(path)


def test_a_failing_journalctl_is_named_with_its_reason(tmp_path):
    program = _program(tmp_path, 'echo "Failed to open journal: Permission denied" >&2; exit 1')
    assert journal_tail(journalctl=program) == [f"{UNREADABLE}: journalctl exit 1: Failed to open journal: "
                                                "Permission denied"]


def test_nothing_readable_shows_journalctls_hint(tmp_path):
    program = _program(tmp_path, 'echo "No journal files were opened due to insufficient permissions." >&2')
    assert journal_tail(journalctl=program) == [f"{UNREADABLE}: No journal files were opened due to insufficient "
                                                "permissions."]
    assert journal_tail(journalctl=_program(tmp_path, "true")) == ["(日志为空 / no journal entries yet)"]


def test_a_hanging_journalctl_is_given_up_on(tmp_path):
    program = _program(tmp_path, "exec sleep 30")
    assert journal_tail(journalctl=program, timeout=0.5) == [f"{UNREADABLE}: journalctl gave no answer in 0.5 s"]


@pytest.mark.parametrize("target", ["file", "journald"])
def test_the_staff_log_tail_follows_the_logging_target(tmp_path, monkeypatch, target):
    from kiosk.config import load
    from tests.helpers.kiosk import write_config

    cfg = load(write_config(tmp_path, logging={"target": target, "directory": "log"}))
    (tmp_path / "log").mkdir()
    (tmp_path / "log" / "kiosk.log").write_text("2026-01-01 file line 13800138000\n", encoding="utf-8")
    # journalctl on PATH prints the captured output, as the real one does for the kiosk's identifier
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _program(bin_dir, f'cat "{CAPTURED}"')
    monkeypatch.setenv("PATH", f"{bin_dir}:{Path('/usr/bin')}:{Path('/bin')}")
    lines = log_tail(cfg)
    if target == "file":
        assert lines == ["2026-01-01 file line 138****8000"]  # masked once more on the way to the screen
    else:
        assert len(lines) == 8 and lines[0].endswith("WARNING kiosk.sync: central unreachable: ConnectError")
