"""Configuration of the offline queue and of the link to the central platform."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from offline_queue import tls


class QueueConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # SQLite file of the durable queue (WAL, synchronous=FULL); relative to the directory of kiosk.toml
    database: str = "var/queue.sqlite3"
    # key file (32 random bytes, hex), created with mode 0600 on first start; never recreated once the
    # queue holds records: losing it makes them unreadable, so back it up with the terminal's identity
    key_file: str = "var/queue.key"
    # days personal data stays on the terminal after central acknowledged it (0 = purge at once)
    retention_days: int = Field(7, ge=0, le=3650)
    # days a record central rejected (or one found corrupt) keeps its personal part in quarantine for staff;
    # then it is purged like an acknowledged record (id, kind, tracking number and reason stay)
    rejected_retention_days: int = Field(30, ge=0, le=3650)
    # minutes a record may stay 'sending' before the sync status says 'degraded' (a hung upload or worker)
    stuck_sending_minutes: float = Field(15, gt=0, le=1440)
    # cipher for records at rest + MAC for requests: the national algorithms where 密评 requires them
    crypto_suite: Literal["aes-gcm+hmac-sha256", "sm4-gcm+hmac-sm3"] = "aes-gcm+hmac-sha256"


class CentralConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # development only: allow plain http:// to this machine (127.0.0.1, ::1, localhost); declared before `url`,
    # whose check reads it
    allow_plain_http_loopback: bool = False
    # base URL of the central platform: https://, or http:// to this machine with allow_plain_http_loopback
    url: str = "https://127.0.0.1:8600"
    # where phones reach central's public pages (printed in receipt QR codes as {public_url}/p/{tracking}.{token}); often
    # not `url`, which may be an address only terminals reach. "" = receipts hold the bare tracking number
    public_url: str = Field("", max_length=100)
    # PEM file of the CA that issued central's certificate; "" = the system's trusted CAs
    ca_file: str = ""
    # optional: sha256 of central's public key (SubjectPublicKeyInfo), hex or base64; "" = no pin
    pin_sha256: str = ""
    # file holding this terminal's shared secret (one line); `kiosk central add-terminal ID --secret-file` writes it
    credentials_file: str = "var/terminal.secret"
    # per-request timeout (connect, read, write)
    timeout_seconds: float = Field(10.0, gt=0, le=300)
    # how often the sync worker looks for due records when nothing wakes it
    sync_interval_seconds: float = Field(5.0, gt=0, le=3600)
    # retry delay = uniform(0, min(cap, base * 2**attempts)) ("full jitter")
    backoff_base_seconds: float = Field(1.0, gt=0, le=3600)
    backoff_cap_seconds: float = Field(300.0, gt=0, le=86400)
    # records per POST /v1/batch
    batch_size: int = Field(50, ge=1, le=1000)
    # how often a heartbeat (queue depth, oldest pending age) goes to central while online
    heartbeat_seconds: float = Field(60.0, gt=0, le=86400)

    @field_validator("url")
    @classmethod
    def _safe_url(cls, v: str, info) -> str:
        return tls.check_url(v, allow_plain_http_loopback=bool(info.data.get("allow_plain_http_loopback")))

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, v: str, info) -> str:
        # a path is allowed (central behind a portal's prefix); query and fragment are not: the page name follows
        return tls.check_url(v, allow_plain_http_loopback=bool(info.data.get("allow_plain_http_loopback"))) if v else v

    @field_validator("pin_sha256")
    @classmethod
    def _pin(cls, v: str) -> str:
        if v:
            tls.parse_pin(v)
        return v
