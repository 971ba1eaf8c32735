"""kiosk.toml: the shipped file is valid; bad files name the file, the key path and what was expected."""

from pathlib import Path

import pytest

from kiosk.config import ConfigError, DevicesConfig, load, resolve_path
from tests.helpers.kiosk import REPO, write_config


def test_shipped_config_is_valid_and_fully_simulated():
    cfg = load(REPO / "kiosk.toml")
    assert cfg.simulated_devices == ["idcard", "camera", "printer"]
    assert cfg.terminal.site_kind in ("hall", "village_point")
    assert cfg.path(cfg.queue.database).is_absolute()


def test_simulated_devices_lists_every_enabled_kind_on_a_sim_url(tmp_path):
    cfg = load(write_config(tmp_path, **{"devices.smartcard": {"enabled": True, "url": "sim:"},
                                         "devices.printer": {"url": "tcp://127.0.0.1:9100"}}))
    assert cfg.simulated_devices == ["idcard", "smartcard", "camera"]
    cfg = load(write_config(tmp_path, **{"devices.smartcard": {"enabled": False, "url": "sim:"}}))
    assert "smartcard" not in cfg.simulated_devices  # a switched-off reader is not simulated either


def test_every_device_kind_has_its_table():
    from drivers.kinds import KINDS

    cfg = load(REPO / "kiosk.toml")
    for kind in KINDS:
        assert isinstance(getattr(cfg.devices, kind.name), kind.config)
    assert set(DevicesConfig.model_fields) == {kind.name for kind in KINDS}


def test_every_key_of_the_shipped_file_is_commented():
    """Each `key = value` line follows a comment line (or a commented block) in kiosk.toml."""
    lines = (REPO / "kiosk.toml").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if "=" in line and not line.lstrip().startswith("#"):
            prev = lines[i - 1].strip()
            assert prev.startswith("#"), f"kiosk.toml line {i + 1} ({line.split('=')[0].strip()}) has no comment"


BAD = [
    # (what to write, words the message must contain)
    ("[terminal\nid = 1", ["TOML syntax error"]),
    ({"terminal": {"id": "lower case"}}, ["terminal.id", "pattern"]),
    ({"terminal": {"site_kind": "mall"}}, ["terminal.site_kind", "'hall' or 'village_point'"]),
    ({"display": {"orientation": "diagonal"}}, ["display.orientation", "portrait"]),
    ({"display": {"idle_timeout_seconds": 2}}, ["display.idle_timeout_seconds", "greater than or equal to 10"]),
    ({"display": {"idle_timeout_seconds": 20, "idle_warning_seconds": 30}}, ["display.idle_warning_seconds", "shorter"]),
    ({"display": {"fullscreen": "sometimes"}}, ["display.fullscreen", "boolean"]),
    ({"display": {"colour": "blue"}}, ["display.colour", "unknown key"]),
    ({"locale": {"language": "fr"}}, ["locale.language", "zh_CN"]),
    ({"locale": {"voice_volume": 2.0}}, ["locale.voice_volume", "less than or equal to 1"]),
    ({"locale": {"voice_rate": -3.0}}, ["locale.voice_rate", "greater than or equal to -1"]),
    ({"devices.idcard": {"baudrate": -5}}, ["devices.idcard.baudrate", "greater than 0"]),
    ({"devices.printer": {"paper_width_mm": 70}}, ["devices.printer.paper_width_mm", "58"]),
    ({"queue": {"retention_days": "a week"}}, ["queue.retention_days", "integer"]),
    ({"maintenance": {"pin_hash": "1234"}}, ["maintenance.pin_hash", "not a PIN hash", "kiosk pin-hash"]),
    ({"central": {"timeout_seconds": 0}}, ["central.timeout_seconds", "greater than 0"]),
]


@pytest.mark.parametrize("content,words", BAD, ids=[str(i) for i in range(len(BAD))])
def test_bad_config_is_explained(tmp_path, content, words):
    if isinstance(content, str):
        path = tmp_path / "kiosk.toml"
        path.write_text(content, encoding="utf-8")
    else:
        path = write_config(tmp_path, **content)
    with pytest.raises(ConfigError) as err:
        load(path)
    message = str(err.value)
    assert message.startswith(str(path)), message
    for word in words:
        assert word in message, message


def test_missing_required_section_is_named(tmp_path):
    text = (REPO / "kiosk.toml").read_text(encoding="utf-8")
    path = tmp_path / "kiosk.toml"
    path.write_text(text.split("[maintenance]")[0], encoding="utf-8")
    with pytest.raises(ConfigError, match=r"maintenance: required key is missing"):
        load(path)


def test_missing_file_and_binary_file(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load(tmp_path / "absent.toml")
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load(binary)


def test_relative_paths_resolve_against_the_file(tmp_path):
    cfg = load(write_config(tmp_path, queue={"database": "data/q.sqlite3"}))
    assert cfg.path(cfg.queue.database) == tmp_path.resolve() / "data" / "q.sqlite3"


def test_config_location_order(monkeypatch):
    monkeypatch.delenv("KIOSK_CONFIG", raising=False)
    assert resolve_path(None) == Path("kiosk.toml")
    monkeypatch.setenv("KIOSK_CONFIG", "/etc/kiosk/a.toml")
    assert resolve_path(None) == Path("/etc/kiosk/a.toml")
    assert resolve_path("b.toml") == Path("b.toml")
