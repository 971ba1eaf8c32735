"""Configuration of the offline queue and of the link to the central platform."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class QueueConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    database: str = "var/queue.sqlite3"
    # AES key file, created with mode 0600 on first start
    key_file: str = "var/queue.key"
    retention_days: int = Field(7, ge=0, le=3650)
    crypto_suite: Literal["aes-gcm+hmac-sha256", "sm4-gcm+hmac-sm3"] = "aes-gcm+hmac-sha256"


class CentralConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str = "http://127.0.0.1:8600"
    # file holding this terminal's shared secret (one line); created for the reference central
    credentials_file: str = "var/terminal.secret"
    timeout_seconds: float = Field(10.0, gt=0, le=300)
    sync_interval_seconds: float = Field(5.0, gt=0, le=3600)
    backoff_base_seconds: float = Field(1.0, gt=0, le=3600)
    backoff_cap_seconds: float = Field(300.0, gt=0, le=86400)
    batch_size: int = Field(50, ge=1, le=1000)
