"""Terminal configuration: kiosk.toml loaded with tomllib and validated with pydantic."""

from __future__ import annotations

import hashlib
import hmac
import os
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from drivers.camera.config import CameraConfig
from drivers.idcard.config import IdCardConfig
from drivers.pcsc.config import SmartCardConfig
from drivers.printer.config import PrinterConfig
from kiosk.catalog.config import CatalogConfig
from kiosk.face.config import FaceConfig
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
    site_kind: Literal["hall", "village_point"]
    hotline: str = Field("12345", pattern=r"^[0-9-]{3,20}$")


class DisplayConfig(_Section):
    fullscreen: bool = True
    orientation: Literal["portrait", "landscape"] = "portrait"
    # window size when not fullscreen; fullscreen uses the screen's own size
    width: int = Field(1080, ge=320, le=7680)
    height: int = Field(1920, ge=320, le=7680)
    idle_timeout_seconds: int = Field(90, ge=10, le=3600)
    idle_warning_seconds: int = Field(15, ge=3, le=120)
    elderly_idle_timeout_seconds: int = Field(240, ge=10, le=7200)
    hide_cursor: bool = True

    @field_validator("idle_warning_seconds")
    @classmethod
    def _warning_shorter(cls, v: int, info) -> int:
        timeout = info.data.get("idle_timeout_seconds")
        if timeout is not None and v >= timeout:
            raise ValueError("must be shorter than idle_timeout_seconds")
        return v


class LocaleConfig(_Section):
    language: Literal["zh_CN", "en"] = "zh_CN"
    voice_prompts: bool = True


class LoggingConfig(_Section):
    directory: str = "var/log"
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    max_bytes: int = Field(2_000_000, ge=10_000)
    backups: int = Field(5, ge=0, le=100)


class DevicesConfig(_Section):
    idcard: IdCardConfig = IdCardConfig()
    smartcard: SmartCardConfig = SmartCardConfig()
    camera: CameraConfig = CameraConfig()
    printer: PrinterConfig = PrinterConfig()


class MaintenanceConfig(_Section):
    # pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>; make one with `kiosk pin-hash`
    pin_hash: str = Field(pattern=r"^pbkdf2_sha256\$\d+\$[0-9a-f]+\$[0-9a-f]{64}$")


class KioskConfig(_Section):
    terminal: TerminalConfig
    display: DisplayConfig = DisplayConfig()
    locale: LocaleConfig = LocaleConfig()
    logging: LoggingConfig = LoggingConfig()
    devices: DevicesConfig = DevicesConfig()
    face: FaceConfig = FaceConfig()
    catalog: CatalogConfig = CatalogConfig()
    central: CentralConfig = CentralConfig()
    queue: QueueConfig = QueueConfig()
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
        d = self.devices
        kinds = [("idcard", d.idcard.url), ("camera", d.camera.url), ("printer", d.printer.url)]
        return [k for k, url in kinds if url.startswith("sim:")]


def hash_pin(pin: str, *, iterations: int = 200_000, salt: bytes | None = None) -> str:
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def check_pin(pin: str, pin_hash: str) -> bool:
    _, iterations, salt, expected = pin_hash.split("$")
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), int(iterations))
    return hmac.compare_digest(digest.hex(), expected)


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
    got = err.get("input")
    got_txt = "" if isinstance(got, dict) else f" (got {got!r})"
    return f"{where}: {err['msg']}{got_txt}"


def load(path: Path) -> KioskConfig:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except OSError as e:
        raise ConfigError(f"{path}: cannot read configuration file: {e.strerror}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: TOML syntax error: {e}") from None
    if "source" in data:
        raise ConfigError(f"{path}: source: unknown key")
    try:
        cfg = KioskConfig.model_validate(data)
    except ValidationError as e:
        lines = [_describe(err) for err in e.errors()]
        raise ConfigError(f"{path}: invalid configuration: " + "; ".join(lines)) from None
    return cfg.model_copy(update={"source": path})
