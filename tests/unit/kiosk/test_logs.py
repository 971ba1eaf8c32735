"""Logs mask ID numbers, phone numbers and the names of the visitor; the file on disk has none of them."""

import logging

from kiosk import logs
from kiosk.redact import REDACTOR, Redactor, mask_id_number, mask_name

ID = "11010519491231002X"  # example number from GB 11643 (invented holder)


def test_masks():
    assert mask_id_number(ID) == "110105********002X"
    assert mask_name("王小明") == "王**"
    r = Redactor()
    assert r(f"card {ID} read") == "card 110105********002X read"
    assert r("old 110105491231002 card") == "old 110105******002 card"
    assert r("tel 13812345678") == "tel 138****5678"
    assert r("order 1234567890123456789012") == "order 1234567890123456789012"  # longer runs are not IDs
    r.remember("王小明")
    r.remember("北京市东城区某某街道1号", kind="address")
    assert r("王小明 lives at 北京市东城区某某街道1号") == "王** lives at ********"


def test_log_file_and_stderr_are_redacted(tmp_path, capsys):
    log_file = logs.setup(tmp_path / "log", "INFO")
    try:
        REDACTOR.remember("赵测试")
        log = logging.getLogger("kiosk.test")
        log.info("citizen %s with %s", "赵测试", ID)
        try:
            raise ValueError(f"bad card {ID}")
        except ValueError:
            log.exception("failure for %s", "赵测试")
        for h in logging.getLogger().handlers:
            h.flush()
        text = log_file.read_text(encoding="utf-8")
        err = capsys.readouterr().err
        for out in (text, err):
            assert ID not in out and "赵测试" not in out
            assert "110105********002X" in out and "赵**" in out
    finally:
        REDACTOR.forget_all()
        for h in list(logging.getLogger().handlers):
            logging.getLogger().removeHandler(h)
            h.close()


def test_tracking_numbers_keep_their_terminal_and_last_digits():
    r = Redactor()
    assert r("GET /v1/cases/SIM-0001-20261123-000042-7 ok") == "GET /v1/cases/SIM-0001-********-****42-7 ok"
    assert r("seq 1234567 A1-20260102-1234567-Z.") == "seq 1234567 A1-********-*****67-Z."


def test_journald_target_prefixes_priorities_and_masks_the_traceback(tmp_path, capsys):
    logs.setup_journald("INFO")
    try:
        REDACTOR.remember("钱测试")
        log = logging.getLogger("kiosk.test")
        log.info("card of %s read", "钱测试")
        try:
            raise ValueError(f"bad card {ID}")
        except ValueError:
            log.exception("failure")
        log.debug("not shown at INFO")
        err = capsys.readouterr().err
    finally:
        REDACTOR.forget_all()
        for h in list(logging.getLogger().handlers):
            logging.getLogger().removeHandler(h)
            h.close()
    lines = err.splitlines()
    assert lines[0] == "<6>kiosk.test: card of 钱** read"
    assert lines[1] == "<3>kiosk.test: failure"
    # every traceback line is its own journal entry at the record's priority, masked like the message
    assert len(lines) > 3 and all(line.startswith("<3>") for line in lines[1:])
    assert "<3>ValueError: bad card 110105********002X" in lines
    assert ID not in err and "钱测试" not in err and "not shown" not in err
    assert not list(tmp_path.iterdir())
