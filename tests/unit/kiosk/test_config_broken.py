"""Broken configurations, one table: every section, types, ranges, paths of the wrong kind, unknown keys,
device URLs no driver opens and PIN hashes that are unsafe. Each is refused with the file and the key."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from kiosk import cli
from kiosk.config import ConfigError, load
from kiosk.pins import hash_pin
from tests.helpers.kiosk import REPO, write_config

SALT = "6b696f736b2d64656d6f2d73616c7421"  # 16 bytes
DIGEST = "d52fb6e862f6a0df7554561d6688e851fa2a594b5ccfae750e305b667bd0b172"


def _file(tmp: Path, name: str = "a-file") -> str:
    path = tmp / name
    path.write_text("not a folder\n", encoding="utf-8")
    return str(path)


def _dir(tmp: Path, name: str = "a-dir") -> str:
    path = tmp / name
    path.mkdir(exist_ok=True)
    return str(path)


# (case id, sections to write (callable of the temp folder when a path must exist), key the message names)
CASES = [
    ("terminal-id-lowercase", {"terminal": {"id": "lower case"}}, "terminal.id"),
    ("terminal-site-kind", {"terminal": {"site_kind": "mall"}}, "terminal.site_kind"),
    ("terminal-site-name-empty", {"terminal": {"site_name": ""}}, "terminal.site_name"),
    ("terminal-hotline-words", {"terminal": {"hotline": "call us"}}, "terminal.hotline"),
    ("terminal-unknown-key", {"terminal": {"colour": "red"}}, "terminal.colour"),
    ("display-orientation", {"display": {"orientation": "diagonal"}}, "display.orientation"),
    ("display-width-huge", {"display": {"width": 100000}}, "display.width"),
    ("display-fullscreen-type", {"display": {"fullscreen": "sometimes"}}, "display.fullscreen"),
    ("display-warning-too-long", {"display": {"idle_timeout_seconds": 20, "idle_warning_seconds": 30}},
     "display.idle_warning_seconds"),
    ("display-warning-longer-than-elderly", {"display": {"idle_timeout_seconds": 60, "idle_warning_seconds": 30,
                                                         "elderly_idle_timeout_seconds": 20}},
     "display.elderly_idle_timeout_seconds"),
    ("display-elderly-countdown-shorter", {"display": {"idle_warning_seconds": 20, "elderly_idle_warning_seconds": 10}},
     "display.elderly_idle_warning_seconds"),
    ("display-elderly-countdown-too-long", {"display": {"elderly_idle_timeout_seconds": 60,
                                                        "elderly_idle_warning_seconds": 60}},
     "display.elderly_idle_warning_seconds"),
    ("display-rotation-45", {"display": {"rotation": 45}}, "display.rotation"),
    ("display-rotation-words", {"display": {"rotation": "portrait"}}, "display.rotation"),
    ("display-outputs", {"display": {"outputs": "HDMI-1"}}, "display.outputs"),
    ("logging-target-syslog", {"logging": {"target": "syslog"}}, "logging.target"),
    ("storage-state-directory-is-a-file", lambda t: {"storage": {"state_directory": _file(t)}},
     "storage.state_directory"),
    ("storage-unknown-key", {"storage": {"queue": "q.sqlite3"}}, "storage.queue"),
    ("locale-language", {"locale": {"language": "fr"}}, "locale.language"),
    ("central-public-url-plain-http", {"central": {"public_url": "http://zwfw.example.gov.cn"}}, "central.public_url"),
    ("central-public-url-query", {"central": {"public_url": "https://zwfw.example.gov.cn/?from=kiosk"}},
     "central.public_url"),
    ("central-public-url-not-a-url", {"central": {"public_url": "zwfw.example.gov.cn"}}, "central.public_url"),
    ("central-public-url-too-long", {"central": {"public_url": "https://zwfw.example.gov.cn/" + "a" * 100}},
     "central.public_url"),
    ("locale-voice-type", {"locale": {"voice_prompts": "yes"}}, "locale.voice_prompts"),
    ("logging-level", {"logging": {"level": "VERBOSE"}}, "logging.level"),
    ("logging-max-bytes-tiny", {"logging": {"max_bytes": 10}}, "logging.max_bytes"),
    ("logging-directory-is-a-file", lambda t: {"logging": {"directory": _file(t)}}, "logging.directory"),
    ("logging-directory-under-a-file", lambda t: {"logging": {"directory": _file(t) + "/log"}}, "logging.directory"),
    ("idcard-baudrate-negative", {"devices.idcard": {"baudrate": -5}}, "devices.idcard.baudrate"),
    ("idcard-url-lpt", {"devices.idcard": {"url": "lpt9://"}}, "devices.idcard.url"),
    ("idcard-url-empty", {"devices.idcard": {"url": ""}}, "devices.idcard.url"),
    ("idcard-url-relative", {"devices.idcard": {"url": "ttyUSB0"}}, "devices.idcard.url"),
    ("idcard-url-http", {"devices.idcard": {"url": "http://192.0.2.1/reader"}}, "devices.idcard.url"),
    ("idcard-url-spy-unknown-option", {"devices.idcard": {"url": "spy:///dev/ttyUSB0?color"}}, "devices.idcard.url"),
    ("idcard-url-sim-typo", {"devices.idcard": {"url": "sim:card"}}, "devices.idcard.url"),
    ("idcard-photo-decoder-is-a-dir", lambda t: {"devices.idcard": {"photo_decoder": _dir(t)}},
     "devices.idcard.photo_decoder"),
    ("idcard-cards-dir-is-a-file", lambda t: {"devices.idcard": {"sim_cards_dir": _file(t)}},
     "devices.idcard.sim_cards_dir"),
    ("smartcard-url-scheme", {"devices.smartcard": {"url": "pcsc://reader"}}, "devices.smartcard.url"),
    ("smartcard-retry-tiny", {"devices.smartcard": {"retry_interval_ms": 5}}, "devices.smartcard.retry_interval_ms"),
    ("camera-url-rtsp", {"devices.camera": {"url": "rtsp://192.0.2.7/stream"}}, "devices.camera.url"),
    ("camera-url-empty", {"devices.camera": {"url": " "}}, "devices.camera.url"),
    ("camera-fps-zero", {"devices.camera": {"fps": 0}}, "devices.camera.fps"),
    ("camera-faces-dir-is-a-file", lambda t: {"devices.camera": {"sim_faces_dir": _file(t)}},
     "devices.camera.sim_faces_dir"),
    ("printer-url-lpt9", {"devices.printer": {"url": "lpt9://"}}, "devices.printer.url"),
    ("a4printer-driver-lpr", {"devices.a4printer": {"driver": "lpr"}}, "devices.a4printer.driver"),
    ("a4printer-cups-no-queue", {"devices.a4printer": {"driver": "cups"}}, "devices.a4printer"),
    ("a4printer-queue-slash", {"devices.a4printer": {"driver": "cups", "queue": "a/b"}}, "devices.a4printer.queue"),
    ("a4printer-port-range", {"devices.a4printer": {"driver": "cups", "queue": "a4", "port": 70000}},
     "devices.a4printer.port"),
    ("a4printer-timeout-words", {"devices.a4printer": {"job_timeout_seconds": "long"}},
     "devices.a4printer.job_timeout_seconds"),
    ("printer-url-usb-not-hex", {"devices.printer": {"url": "usb://zz:yy"}}, "devices.printer.url"),
    ("printer-url-tcp-no-host", {"devices.printer": {"url": "tcp://"}}, "devices.printer.url"),
    ("printer-url-tcp-port-range", {"devices.printer": {"url": "tcp://192.0.2.10:99999"}}, "devices.printer.url"),
    ("printer-url-serial-no-path", {"devices.printer": {"url": "serial://"}}, "devices.printer.url"),
    ("printer-url-serial-baud-words", {"devices.printer": {"url": "serial:///dev/ttyS0?baudrate=fast"}},
     "devices.printer.url"),
    ("printer-url-unknown-option", {"devices.printer": {"url": "tcp://192.0.2.10:9100?speed=1"}},
     "devices.printer.url"),
    ("printer-url-sim-typo", {"devices.printer": {"url": "sim:printer"}}, "devices.printer.url"),
    ("printer-paper-width", {"devices.printer": {"paper_width_mm": 70}}, "devices.printer.paper_width_mm"),
    ("printer-output-is-a-file", lambda t: {"devices.printer": {"sim_output_dir": _file(t)}},
     "devices.printer.sim_output_dir"),
    ("devices-unknown-kind", {"devices.scanner": {"url": "sim:"}}, "devices.scanner"),
    ("face-threshold", {"face": {"threshold": 5}}, "face.threshold"),
    ("face-challenge", {"face": {"challenges": ["smile"]}}, "face.challenges"),
    ("face-elderly-challenge-shorter", {"face": {"challenge_seconds": 10, "elderly_challenge_seconds": 6}},
     "face.elderly_challenge_seconds"),
    ("terminal-staff-location-empty", {"terminal": {"staff_location": ""}}, "terminal.staff_location"),
    ("catalog-priority-letter-lower", {"catalog": {"priority_ticket_letter": "v"}}, "catalog.priority_ticket_letter"),
    ("catalog-directory-is-a-file", lambda t: {"catalog": {"directory": _file(t)}}, "catalog.directory"),
    ("catalog-tickets-is-a-dir", lambda t: {"catalog": {"tickets_database": _dir(t)}}, "catalog.tickets_database"),
    ("catalog-search-limit", {"catalog": {"search_limit": 0}}, "catalog.search_limit"),
    ("central-timeout-zero", {"central": {"timeout_seconds": 0}}, "central.timeout_seconds"),
    ("central-credentials-is-a-dir", lambda t: {"central": {"credentials_file": _dir(t)}},
     "central.credentials_file"),
    pytest.param("central-url-garbage", {"central": {"url": "not a url"}}, "central.url"),
    pytest.param("central-url-remote-http", {"central": {"url": "http://central.example.gov.cn"}}, "central.url"),
    pytest.param("central-url-ftp", {"central": {"url": "ftp://central.example.gov.cn"}}, "central.url"),
    pytest.param("central-url-no-host", {"central": {"url": "https://"}}, "central.url"),
    ("queue-retention-type", {"queue": {"retention_days": "a week"}}, "queue.retention_days"),
    ("queue-crypto-suite", {"queue": {"crypto_suite": "rot13"}}, "queue.crypto_suite"),
    ("queue-database-is-a-dir", lambda t: {"queue": {"database": _dir(t)}}, "queue.database"),
    ("queue-key-is-a-dir", lambda t: {"queue": {"key_file": _dir(t)}}, "queue.key_file"),
    ("pin-hash-not-a-hash", {"maintenance": {"pin_hash": "1234"}}, "maintenance.pin_hash"),
    ("pin-hash-md5", {"maintenance": {"pin_hash": f"md5$200000${SALT}${DIGEST}"}}, "maintenance.pin_hash"),
    ("pin-hash-zero-iterations", {"maintenance": {"pin_hash": f"pbkdf2_sha256$0${SALT}${DIGEST}"}},
     "maintenance.pin_hash"),
    ("pin-hash-2e9-iterations", {"maintenance": {"pin_hash": f"pbkdf2_sha256$2000000000${SALT}${DIGEST}"}},
     "maintenance.pin_hash"),
    ("pin-hash-odd-salt", {"maintenance": {"pin_hash": f"pbkdf2_sha256$200000${SALT}a${DIGEST}"}},
     "maintenance.pin_hash"),
    ("pin-hash-short-salt", {"maintenance": {"pin_hash": f"pbkdf2_sha256$200000${SALT[:16]}${DIGEST}"}},
     "maintenance.pin_hash"),
    ("pin-hash-short-digest", {"maintenance": {"pin_hash": f"pbkdf2_sha256$200000${SALT}${DIGEST[:40]}"}},
     "maintenance.pin_hash"),
    ("verify-pin-hash-2e9", {"maintenance": {"staff_verify_pin_hash": f"pbkdf2_sha256$2000000000${SALT}${DIGEST}"}},
     "maintenance.staff_verify_pin_hash"),
    ("verify-pin-hash-same-as-maintenance", {"maintenance": {
        "staff_verify_pin_hash": f"pbkdf2_sha256$200000${SALT}${DIGEST}"}}, "maintenance.staff_verify_pin_hash"),
    ("maintenance-state-is-a-dir", lambda t: {"maintenance": {"state_file": _dir(t)}}, "maintenance.state_file"),
    ("maintenance-unknown-key", {"maintenance": {"pin": "2468"}}, "maintenance.pin"),
    ("hours-open-words", {"hours": {"open": "mornings"}}, "hours.open"),
    ("hours-open-backwards", {"hours": {"open": "17:30-08:30"}}, "hours.open"),
    ("hours-open-overlap", {"hours": {"open": "08:00-12:00,11:00-14:00"}}, "hours.open"),
    ("hours-open-25h", {"hours": {"open": "08:00-25:00"}}, "hours.open"),
    ("hours-day-unknown", {"hours": {"days": ["mon", "funday"]}}, "hours.days"),
    ("hours-days-none", {"hours": {"open": "08:00-17:00", "days": []}}, "hours.days"),
    ("hours-closed-date", {"hours": {"closed_dates": ["2025-02-30"]}}, "hours.closed_dates"),
    ("hours-nightly-words", {"hours": {"nightly_restart": "at night"}}, "hours.nightly_restart"),
    ("hours-nightly-in-hours", {"hours": {"open": "08:30-17:30", "nightly_restart": "09:00"}},
     "hours.nightly_restart"),
    ("hours-unknown-key", {"hours": {"lunch": "12:00-14:00"}}, "hours.lunch"),
    ("unknown-section", {"extras": {"a": 1}}, "extras"),
]


def _case_id(case) -> str:
    return case.values[0] if hasattr(case, "values") else case[0]


def _write(tmp_path: Path, sections) -> Path:
    conf = tmp_path / "conf"
    conf.mkdir()
    return write_config(conf, **(sections(tmp_path) if callable(sections) else sections))


@pytest.mark.parametrize("name,sections,key", CASES, ids=[_case_id(c) for c in CASES])
def test_broken_configuration_is_refused_naming_file_and_key(tmp_path, name, sections, key):
    path = _write(tmp_path, sections)
    with pytest.raises(ConfigError) as err:
        load(path)
    message = str(err.value)
    assert message.startswith(str(path)), message
    assert key in message, message
    assert "\n" not in message, message


@pytest.mark.parametrize("name,sections,key", CASES, ids=[_case_id(c) for c in CASES])
def test_kiosk_config_says_it_in_one_line_and_exits_2(tmp_path, name, sections, key):
    path = _write(tmp_path, sections)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main(["config", "--config", str(path)])
    assert code == 2, out.getvalue()
    lines = err.getvalue().strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and key in lines[0], err.getvalue()
    assert "Traceback" not in err.getvalue()


GOOD = [
    ("shipped", {}),
    ("idcard-device-path", {"devices.idcard": {"url": "/dev/ttyUSB0"}}),
    ("idcard-spy", {"devices.idcard": {"url": "spy:///dev/ttyUSB0"}}),
    ("idcard-spy-file", {"devices.idcard": {"url": "spy:///dev/ttyUSB0?file=/tmp/spy.txt"}}),
    ("smartcard-real", {"devices.smartcard": {"enabled": True, "url": ""}}),
    ("camera-index", {"devices.camera": {"url": "0"}}),
    ("camera-device", {"devices.camera": {"url": "/dev/video0"}}),
    ("camera-playback", {"devices.camera": {"url": "sim:demo.avi"}}),
    ("printer-usb", {"devices.printer": {"url": "usb://04b8:0e15?in_ep=0x81&out_ep=0x02"}}),
    ("printer-serial", {"devices.printer": {"url": "serial:///dev/ttyS0?baudrate=9600"}}),
    ("printer-spy", {"devices.printer": {"url": "spy:///dev/ttyS0"}}),
    ("printer-tcp", {"devices.printer": {"url": "tcp://192.0.2.10:9100"}}),
    ("printer-tcp-default-port", {"devices.printer": {"url": "tcp://printer.local"}}),
    ("printer-file", {"devices.printer": {"url": "file:///dev/usb/lp0"}}),
    ("a4printer-local-cups", {"devices.a4printer": {"driver": "cups", "queue": "hall-a4"}}),
    ("a4printer-print-server", {"devices.a4printer": {"driver": "cups", "queue": "A4_Hall.2", "host": "192.0.2.20",
                                                      "port": 631, "job_timeout_seconds": 600, "poll_ms": 1000}}),
    ("pin-hash-bounds", {"maintenance": {"pin_hash": hash_pin("80264719", iterations=10_000),
                                         "staff_verify_pin_hash": hash_pin("5938172", iterations=10_000)}}),
    ("central-loopback-http", {"central": {"url": "http://127.0.0.1:8600"}}),
    ("central-public-url", {"central": {"public_url": "https://zwfw.example.gov.cn/kiosk/"}}),
    ("central-no-public-url", {"central": {"public_url": ""}}),
    ("hours-hall", {"hours": {"open": "08:30-12:00,14:00-17:30", "days": ["mon", "tue", "wed", "thu", "fri", "sat"],
                              "closed_dates": ["2025-10-01"], "nightly_restart": "03:30"}}),
    ("hours-till-midnight", {"hours": {"open": "00:00-24:00", "days": ["sun"]}}),
]


@pytest.mark.parametrize("name,sections", GOOD, ids=[g[0] for g in GOOD])
def test_working_configurations_stay_valid(tmp_path, name, sections):
    load(_write(tmp_path, sections))


def test_shipped_file_is_still_valid():
    load(REPO / "kiosk.toml")


def test_pin_hashes_are_never_echoed(tmp_path):
    """A four-digit PIN falls to a brute force of its hash in seconds: error messages name the key only."""
    bad = f"pbkdf2_sha256$2000000000${SALT}${DIGEST}"
    path = write_config(tmp_path, maintenance={"pin_hash": bad, "staff_verify_pin_hash": bad})
    with pytest.raises(ConfigError) as err:
        load(path)
    assert "maintenance.pin_hash" in str(err.value) and "maintenance.staff_verify_pin_hash" in str(err.value)
    assert DIGEST not in str(err.value) and SALT not in str(err.value)
