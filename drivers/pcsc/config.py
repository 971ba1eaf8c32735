"""Configuration of the PC/SC smart card reader."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class SmartCardConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    enabled: bool = False
    # substring of the reader name to use; empty = the first reader that is not virtual (vpcd's "Virtual PCD"
    # takes cards over the network: it is used only when named here, or with url "sim:")
    reader: str = ""
    # card application that reads the holder record
    application: str = "kiosk-test-applet"
    # how often to retry when pcscd or the reader is missing
    retry_interval_ms: int = Field(1000, ge=100, le=60_000)
    # "sim:" inserts our emulated card into vpcd's virtual reader (needs pcscd with vsmartcard-vpcd);
    # empty = a real card in a real reader
    url: Literal["", "sim:"] = ""
    # card profile (assets/sim/cards) the emulated card carries at start; empty = no card inserted
    sim_card: str = ""
