"""Configuration of the camera."""

from pydantic import BaseModel, ConfigDict, Field


class CameraConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # "sim:" = simulated camera showing a person from assets/sim/faces; a device index ("0"),
    # a device path (/dev/video0), a video file or an image folder
    url: str = "sim:"
    width: int = Field(640, ge=160, le=4096)
    height: int = Field(480, ge=120, le=4096)
    fps: int = Field(15, ge=1, le=60)
    mirror: bool = True
