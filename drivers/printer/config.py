"""Configuration of the receipt printer."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from drivers.printer.urls import check_config_url


class PrinterConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # "sim:" = in-process virtual printer; usb://VID:PID, serial:///dev/ttyS0?baudrate=115200,
    # spy:///dev/ttyS0?baudrate=115200 (serial with hex dump), tcp://host:9100, file:///dev/usb/lp0
    url: str = "sim:"
    paper_width_mm: Literal[58, 80] = 80
    chinese_mode: Literal["text", "raster"] = "raster"
    cut: bool = True
    # printer name shown on the diagnostics page and in health reports (real printers do not say)
    model: str = Field("ESC/POS printer", max_length=60)
    # wait after the last byte before asking the paper status again: lets a real printer finish
    # printing what it buffered, so paper running out at the end of a job is seen (milliseconds)
    settle_ms: int = Field(0, ge=0, le=10_000)
    # where the simulator keeps the last receipts as PNG
    sim_output_dir: str = "var/receipts"
    sim_keep: int = Field(20, ge=1, le=1000)

    @field_validator("url")
    @classmethod
    def _url(cls, v: str) -> str:
        return check_config_url(v)
