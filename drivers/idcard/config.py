"""Configuration of the resident ID card reader."""

import logging

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from drivers.idcard.spy import PREFIX as SPY, parse_spy_url

log = logging.getLogger(__name__)


class IdCardConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # "sim:" starts our pty simulator; otherwise a serial port path (/dev/ttyUSB0, a /dev/serial/by-id link) or
    # spy:///dev/ttyUSB0[?file=PATH]: the same port with every frame dumped (card data shown only as lengths)
    url: str = "sim:"
    baudrate: int = Field(115200, gt=0)
    # how often the reader is asked "is a card there?" (a 10-byte find command); the long read runs only when one
    # is. Half of it is the average wait before a placed card is noticed, so it must stay small next to the
    # ~118 ms a read takes on the wire at 115200 baud; 40 ms costs about 1 % of one core with the simulator.
    find_interval_ms: int = Field(40, ge=10, le=10_000)
    # the former name of find_interval_ms (it always paced the find command); kept so old configs stay valid
    poll_interval_ms: int | None = Field(None, ge=50, le=10_000)
    command_timeout_ms: int = Field(1500, ge=100, le=30_000)
    # how long to wait before reopening a port that failed (unplugged reader)
    reconnect_interval_ms: int = Field(1000, ge=100, le=60_000)
    # use the read-with-fingerprint command (30 10); the fingerprint itself is not used by the kiosk
    read_fingerprint: bool = False
    # path of the vendor's WLT photo decoder library (libwlt2bmp.so style); empty = none
    photo_decoder: str = ""
    # card profile placed on the simulated reader at start; empty = no card
    sim_card: str = ""
    # folder of simulated card profiles; empty = assets/sim/cards of this installation
    sim_cards_dir: str = ""
    # folder of face photos standing in for simulated card photos (<face>_1.*); silhouettes when absent
    sim_faces_dir: str = "../shared/data/faces"

    @model_validator(mode="after")
    def _legacy_poll_interval(self) -> "IdCardConfig":
        if self.poll_interval_ms is None:
            return self
        # a site's overlay written for the old name sits on top of a shipped file that has the new one: the
        # site's own choice wins, as it did before the rename
        log.warning("idcard: poll_interval_ms is the old name of find_interval_ms (%d ms used); rename it",
                    self.poll_interval_ms)
        self.find_interval_ms = self.poll_interval_ms
        return self

    @field_validator("url")
    @classmethod
    def _url(cls, v: str) -> str:
        if v == "sim:" or (v.startswith("/") and "://" not in v):
            return v
        if v.startswith(SPY):
            parse_spy_url(v)
            return v
        raise ValueError('expected "sim:", a serial port path such as /dev/ttyUSB0, or spy:///dev/ttyUSB0')
