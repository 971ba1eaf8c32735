"""Configuration of the PC/SC smart card reader."""

from pydantic import BaseModel, ConfigDict


class SmartCardConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    enabled: bool = False
    # substring of the reader name to use; empty = first reader found
    reader: str = ""
    # card application that reads the holder record
    application: str = "kiosk-test-applet"
