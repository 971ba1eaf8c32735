"""Configuration of the receipt printer."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class PrinterConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # "sim:" = in-process virtual printer; usb://VID:PID, serial:///dev/ttyS0?baudrate=115200,
    # tcp://host:9100, file:///dev/usb/lp0
    url: str = "sim:"
    paper_width_mm: Literal[58, 80] = 80
    chinese_mode: Literal["text", "raster"] = "raster"
    cut: bool = True
    # where the simulator keeps the last receipts as PNG
    sim_output_dir: str = "var/receipts"
    sim_keep: int = Field(20, ge=1, le=1000)
