"""The diagnostic bundle after real visits: scanned for invented people's ID numbers and names and for key bytes."""

import base64
import json
import logging
import zipfile

from kiosk import bundle, logs
from kiosk.redact import REDACTOR
from protocol import signing
from tests.helpers.central import invented_applicant
from tests.integration.test_selftests import _until, core  # noqa: F401 (the fixture: sim devices, real central)

ZHANG = ("110105198503120039", "张晓明")  # the invented person on the simulator's zhang_normal card
FACE = {"decision": "match", "distance": 0.38, "threshold": 0.6, "attempts": 1}


def _contents(path) -> str:
    with zipfile.ZipFile(path) as z:
        return "\n".join(z.read(name).decode("utf-8") for name in z.namelist())


def test_bundle_holds_the_facts_and_no_person_or_key(core, tmp_path):  # noqa: F811
    cfg = core.cfg
    logs.setup(cfg.path(cfg.logging.directory), "INFO")
    try:
        core.tray.choose("idcard", "card", "zhang_normal")
        _until(lambda: core.identity.current is not None)
        people = [invented_applicant(i) for i in range(3)]
        for person in people:
            REDACTOR.remember(person["name"])  # as the visit does when a card is read
            core.submissions.submit("HJ-001", {"note": "x"}, person, FACE, [b"a page"])
            logging.getLogger("test").info("applicant %s %s submitted", person["name"], person["id_number"])
        core.submissions.submit("NOT A SERVICE", {}, invented_applicant(9), FACE)
        _until(lambda: core.submissions.status()["depth"].get("acknowledged", 0) >= 3
               and core.submissions.status()["depth"].get("rejected", 0) == 1)
        # a line an older version wrote unmasked: the bundle masks it again
        with (cfg.path(cfg.logging.directory) / "kiosk.log").open("a", encoding="utf-8") as f:
            f.write(f"2026-01-01 00:00:00 INFO old: number {people[1]['id_number']}\n")
        out = tmp_path / "usb"
        path = bundle.write_bundle(core, out)
    finally:
        REDACTOR.forget_all()
        logging.getLogger().handlers.clear()
    assert path.parent == out and path.suffix == ".zip" and not list(out.glob("*.part"))
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        queue = json.loads(z.read("queue.json"))
        config = json.loads(z.read("config.json"))
        versions = json.loads(z.read("versions.json"))
        devices = json.loads(z.read("devices.json"))
    assert {"config.json", "devices.json", "queue.json", "versions.json", "logs/kiosk.log"} <= names
    assert queue["depth"]["acknowledged"] >= 3 and queue["quarantine_reasons"] == ["unknown_service_code"]
    assert config["maintenance.pin_hash"] == bundle.HIDDEN and config["terminal.id"] == cfg.terminal.id
    assert versions["queue_schema"] >= 4 and versions["catalog"]
    assert set(devices) == {"idcard", "camera", "printer"}

    text = _contents(path)
    for person in people + [invented_applicant(9)]:
        assert person["id_number"] not in text and person["name"] not in text
    assert ZHANG[0] not in text and ZHANG[1] not in text
    key_hex = cfg.path(cfg.queue.key_file).read_bytes().strip().decode()
    secret = signing.read_secret(cfg.path(cfg.central.credentials_file))
    for needle in (key_hex, key_hex.upper(), base64.b64encode(bytes.fromhex(key_hex)).decode(), secret,
                   cfg.maintenance.pin_hash.split("$")[-1]):
        assert needle not in text
    raw = path.read_bytes()
    assert bytes.fromhex(key_hex) not in raw and b"\xff\xd8\xff" not in raw  # no key bytes, no JPEG photo


def test_summary_hides_credentials_and_says_whether_set(core):  # noqa: F811
    summary = bundle.config_summary(core.cfg)
    assert summary["maintenance.pin_hash"] == bundle.HIDDEN
    assert summary["maintenance.staff_verify_pin_hash"] == bundle.UNSET
    assert summary["central.credentials_file"].endswith("terminal.secret")  # a path, not the secret
    assert not any("pbkdf2" in str(v) for v in summary.values())


def test_unwritable_stick_is_an_error_not_a_crash(core, tmp_path):  # noqa: F811
    blocked = tmp_path / "not-a-dir"
    blocked.write_text("a file where the stick's folder should be")
    try:
        bundle.write_bundle(core, blocked / "sub")
    except OSError:
        pass
    else:
        raise AssertionError("expected OSError")
