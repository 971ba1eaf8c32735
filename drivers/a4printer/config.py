"""Configuration of the A4 printer (certificates as PDF through CUPS)."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class A4PrinterConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # "none": no A4 printer, certificates go to the receipt printer; "cups": PDFs to a CUPS queue over IPP
    driver: Literal["none", "cups"] = "none"
    # the CUPS server: this terminal's own cupsd (loopback) or the hall's print server
    host: str = Field("127.0.0.1", pattern=r"^[A-Za-z0-9][A-Za-z0-9.:-]{0,252}$")
    port: int = Field(631, ge=1, le=65535)
    # the CUPS queue (printer name as in `lpstat -p`)
    queue: str = Field("", pattern=r"^[A-Za-z0-9_.-]{0,127}$")
    # the user name CUPS files the jobs under
    user: str = Field("kiosk", pattern=r"^[A-Za-z0-9_.-]{1,32}$")
    # one IPP request (seconds)
    timeout_seconds: float = Field(10.0, gt=0, le=120)
    # a job not completed by then is cancelled and counts as failed (seconds; an A4 laser warms up slowly)
    job_timeout_seconds: float = Field(180.0, ge=5, le=3600)
    # how often the job's state is asked while it prints (milliseconds)
    poll_ms: int = Field(500, ge=50, le=10_000)

    @property
    def enabled(self) -> bool:
        return self.driver != "none"

    @model_validator(mode="after")
    def _queue_named(self) -> "A4PrinterConfig":
        if self.driver == "cups" and not self.queue:
            raise ValueError('driver "cups" needs the queue name (queue = "...", as `lpstat -p` lists it)')
        return self

    @property
    def printer_uri(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"ipp://{host}:{self.port}/printers/{self.queue}"
