"""Configuration of the resident ID card reader."""

from pydantic import BaseModel, ConfigDict, Field


class IdCardConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # "sim:" starts our pty simulator; otherwise a serial URL: /dev/ttyUSB0, spy:///dev/ttyUSB0
    url: str = "sim:"
    baudrate: int = Field(115200, gt=0)
    poll_interval_ms: int = Field(300, ge=50, le=10_000)
    command_timeout_ms: int = Field(1500, ge=100, le=30_000)
    # path of the vendor's WLT photo decoder library (libwlt2bmp.so style); empty = none
    photo_decoder: str = ""
    # card profile placed on the simulated reader at start; empty = no card
    sim_card: str = ""
