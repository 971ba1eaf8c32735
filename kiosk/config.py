"""Terminal configuration: kiosk.toml loaded with tomllib and validated with pydantic."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model, field_validator

from drivers import kinds
from kiosk.catalog.config import CatalogConfig
from kiosk.face.config import FaceConfig
from kiosk.hours import HoursConfig
from kiosk.pins import parse_pin_hash
from offline_queue.config import CentralConfig, QueueConfig

ENV_VAR = "KIOSK_CONFIG"
DEFAULT_FILE = "kiosk.toml"


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the file, the key path and what was expected."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TerminalConfig(_Section):
    id: str = Field(pattern=r"^[A-Z0-9][A-Z0-9-]{1,15}$")
    site_name: str = Field(min_length=1, max_length=40)
    # the site's name on English screens; empty: the Chinese name, as a proper name reads in any language
    site_name_en: str = Field("", max_length=80)
    site_kind: Literal["hall", "village_point"]
    hotline: str = Field("12345", pattern=r"^[0-9-]{3,20}$")
    # where staff sit, as the "staff are on their way" confirmation tells the citizen (Chinese, English)
    staff_location: str = Field("大厅服务台", min_length=1, max_length=40)
    staff_location_en: str = Field("the service desk in the hall", min_length=1, max_length=80)
    # this terminal's part of queue numbers taken while central is away (A9-007): unique among a hall's terminals;
    # None = plain local numbers, which may collide with another terminal's (docs/hall-queue.md)
    queue_index: int | None = Field(None, ge=1, le=99)


class DisplayConfig(_Section):
    fullscreen: bool = True
    orientation: Literal["portrait", "landscape"] = "portrait"
    # window size when not fullscreen; fullscreen uses the screen's own size
    width: int = Field(1080, ge=320, le=7680)
    height: int = Field(1920, ge=320, le=7680)
    idle_timeout_seconds: int = Field(90, ge=10, le=3600)
    idle_warning_seconds: int = Field(15, ge=3, le=120)
    elderly_idle_timeout_seconds: int = Field(240, ge=10, le=7200)
    # the countdown before the wipe in elderly mode, at least idle_warning_seconds; unset: twice that
    elderly_idle_warning_seconds: int | None = Field(None, ge=3, le=300)
    hide_cursor: bool = True
    # kiosk session (`kiosk session`, the kiosk.service unit): the compositor turns the output clockwise by this
    # many degrees, for a screen mounted the other way round than its panel (portrait halls)
    rotation: Literal[0, 90, 180, 270] = 0
    # with more than one screen: "extend" = across all of them; "last" (only the one connected last) is accepted
    # from older configurations but runs as "extend": Debian 12's cage crashes with it (kiosk/compositor.py)
    outputs: Literal["last", "extend"] = "extend"

    @field_validator("idle_warning_seconds")
    @classmethod
    def _warning_shorter(cls, v: int, info) -> int:
        timeout = info.data.get("idle_timeout_seconds")
        if timeout is not None and v >= timeout:
            raise ValueError("must be shorter than idle_timeout_seconds")
        return v

    @field_validator("elderly_idle_timeout_seconds")
    @classmethod
    def _elderly_longer(cls, v: int, info) -> int:
        warning = info.data.get("idle_warning_seconds")
        if warning is not None and v <= warning:
            raise ValueError("must be longer than idle_warning_seconds")
        return v

    @field_validator("elderly_idle_warning_seconds")
    @classmethod
    def _elderly_warning(cls, v: int | None, info) -> int | None:
        timeout, warning = info.data.get("elderly_idle_timeout_seconds"), info.data.get("idle_warning_seconds")
        if v is not None and timeout is not None and v >= timeout:
            raise ValueError("must be shorter than elderly_idle_timeout_seconds")
        if v is not None and warning is not None and v < warning:
            raise ValueError("must not be shorter than idle_warning_seconds (no time pressure in elderly mode)")
        return v

    def elderly_warning(self) -> int:
        """The countdown in elderly mode: as configured, else twice the normal one (but shorter than the wait)."""
        if self.elderly_idle_warning_seconds is not None:
            return self.elderly_idle_warning_seconds
        return min(2 * self.idle_warning_seconds, self.elderly_idle_timeout_seconds - 1)


class LocaleConfig(_Section):
    language: Literal["zh_CN", "en", "zh_TW"] = "zh_CN"
    voice_prompts: bool = True
    voice_volume: float = Field(0.9, ge=0.0, le=1.0)  # 0 silent .. 1 loudest the engine allows
    voice_rate: float = Field(-0.2, ge=-1.0, le=1.0)  # -1 slowest .. 0 the engine's normal .. 1 fastest


class LoggingConfig(_Section):
    # "file": rotating files in `directory` (development); "journald": stderr lines with syslog priorities,
    # which systemd puts in the journal (terminals; `journalctl -u kiosk`)
    target: Literal["file", "journald"] = "file"
    directory: str = "var/log"
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    max_bytes: int = Field(2_000_000, ge=10_000)
    backups: int = Field(5, ge=0, le=100)


class StorageConfig(_Section):
    # the kiosk's own run-time files (the instance lock); must be writable by the user the kiosk runs as
    state_directory: str = "var"


# one [devices.<kind>] table per kind in the registry: a new device kind needs no change here
DevicesConfig = create_model(
    "DevicesConfig", __base__=_Section,
    **{kind.name: (kind.config, Field(default_factory=kind.config)) for kind in kinds.KINDS},
)


class MaintenanceConfig(_Section):
    # pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>; make one with `kiosk pin-hash`. The shipped PIN (2468)
    # only opens the forced PIN change; a PIN set on the screen is kept in state_file and wins over this one
    pin_hash: str
    # PIN staff type when they verify a citizen whose card photo cannot be compared; a credential of its own,
    # so a citizen typing codes cannot lock the maintenance mode. "" = not set yet (set it in maintenance mode)
    staff_verify_pin_hash: str = ""
    # PINs set on the touch screen and the lockout counters (mode 0600), kept across restarts
    state_file: str = "var/staff.json"
    # where the diagnostic bundle is written (a USB stick's mount point); "" = var/diagnostics next to the config
    export_dir: str = ""

    @field_validator("pin_hash")
    @classmethod
    def _pin_hash(cls, v: str) -> str:
        parse_pin_hash(v)
        return v

    @field_validator("staff_verify_pin_hash")
    @classmethod
    def _verify_hash(cls, v: str, info) -> str:
        if v:
            parse_pin_hash(v)
            if v == info.data.get("pin_hash"):
                raise ValueError("must not be the maintenance PIN: citizens watch this one being typed")
        return v


class KioskConfig(_Section):
    terminal: TerminalConfig
    display: DisplayConfig = DisplayConfig()
    locale: LocaleConfig = LocaleConfig()
    logging: LoggingConfig = LoggingConfig()
    storage: StorageConfig = StorageConfig()
    devices: DevicesConfig = DevicesConfig()
    face: FaceConfig = FaceConfig()
    catalog: CatalogConfig = CatalogConfig()
    central: CentralConfig = CentralConfig()
    queue: QueueConfig = QueueConfig()
    hours: HoursConfig = HoursConfig()
    maintenance: MaintenanceConfig

    # not in the file: where it came from, so relative paths resolve against it
    source: Path = Path(DEFAULT_FILE)

    @property
    def base_dir(self) -> Path:
        return self.source.resolve().parent

    def path(self, value: str) -> Path:
        """A path from the file, relative to the file's own directory."""
        p = Path(value).expanduser()
        return p if p.is_absolute() else self.base_dir / p

    @property
    def simulated_devices(self) -> list[str]:
        return [kind.name for kind in kinds.KINDS if kinds.simulated(getattr(self.devices, kind.name))]


# keys naming a place on disk, and what must be there: a wrong kind fails later, deep inside a device or the queue
PATH_KEYS = (
    ("logging.directory", "folder"),
    ("storage.state_directory", "folder"),
    ("devices.idcard.photo_decoder", "file"),
    ("devices.idcard.sim_cards_dir", "folder"),
    ("devices.idcard.sim_faces_dir", "folder"),
    ("devices.camera.sim_faces_dir", "folder"),
    ("devices.printer.sim_output_dir", "folder"),
    ("catalog.directory", "folder"),
    ("catalog.updates_directory", "folder"),
    ("catalog.tickets_database", "file"),
    ("central.credentials_file", "file"),
    ("queue.database", "file"),
    ("queue.key_file", "file"),
    ("maintenance.state_file", "file"),
)


def _path_problem(path: Path, kind: str) -> str | None:
    """Absent is fine (created on first use) as long as whatever exists on the way there is a folder."""
    if path.exists():
        if kind == "folder" and not path.is_dir():
            return f"{path} is a file, expected a folder"
        if kind == "file" and path.is_dir():
            return f"{path} is a folder, expected a file"
        return None
    for parent in path.parents:
        if parent.exists():
            return None if parent.is_dir() else f"{path} cannot be created: {parent} is a file"
    return None


def _check_paths(cfg: KioskConfig) -> list[str]:
    problems = []
    for key, kind in PATH_KEYS:
        node = cfg
        for part in key.split("."):
            node = getattr(node, part)
        if node:
            problem = _path_problem(cfg.path(node), kind)
            if problem:
                problems.append(f"{key}: {problem}")
    return problems


def resolve_path(cli_path: str | None) -> Path:
    """--config wins, then $KIOSK_CONFIG, then ./kiosk.toml."""
    return Path(cli_path or os.environ.get(ENV_VAR) or DEFAULT_FILE)


def _describe(err: dict) -> str:
    where = ".".join(str(p) for p in err["loc"]) or "(top level)"
    kind = err["type"]
    if kind == "missing":
        return f"{where}: required key is missing"
    if kind == "extra_forbidden":
        return f"{where}: unknown key (check the spelling; see the comments in kiosk.toml)"
    msg = err["msg"].removeprefix("Value error, ")
    got = err.get("input")
    # a PIN hash is never echoed: a short PIN falls to a brute force of its hash in seconds
    hidden = isinstance(got, dict) or where.endswith("pin_hash") or repr(got) in msg
    return f"{where}: {msg}" + ("" if hidden else f" (got {got!r})")


def read_toml(path: Path) -> dict:
    """The file's tables, unchecked; ConfigError when it cannot be read or is not TOML."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except OSError as e:
        raise ConfigError(f"{path}: cannot read configuration file: {e.strerror}") from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: TOML syntax error: {e}") from None


def validate(data: dict, path: Path) -> KioskConfig:
    """Tables read from `path` (a configuration overlay merged in, or not) as a checked configuration."""
    if "source" in data:
        raise ConfigError(f"{path}: source: unknown key")
    try:
        # strict: TOML has real types, so "yes" for a switch or "7" for a number is a mistake, not a value
        cfg = KioskConfig.model_validate(data, strict=True)
    except ValidationError as e:
        lines = [_describe(err) for err in e.errors()]
        raise ConfigError(f"{path}: invalid configuration: " + "; ".join(lines)) from None
    cfg = cfg.model_copy(update={"source": path})
    problems = _check_paths(cfg)
    if problems:
        raise ConfigError(f"{path}: invalid configuration: " + "; ".join(problems))
    return cfg


def load(path: Path) -> KioskConfig:
    return validate(read_toml(path), path)
