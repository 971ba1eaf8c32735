"""Configuration of the camera."""

from pydantic import BaseModel, ConfigDict, Field, field_validator


class CameraConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # "sim:" = simulated camera showing a person chosen in the simulator tray (photos from sim_faces_dir);
    # "sim:PATH" or a plain PATH = play a video file, an image folder or one image in a loop;
    # a device index ("0") or a device path (/dev/video0) = a real camera through OpenCV
    url: str = "sim:"
    # capture size and rate asked of the camera (a real camera may deliver another size; health() says which)
    width: int = Field(640, ge=160, le=4096)
    height: int = Field(480, ge=120, le=4096)
    fps: int = Field(15, ge=1, le=60)
    # the preview is shown mirrored, as citizens expect from a mirror (frames themselves stay unmirrored)
    mirror: bool = True
    # seconds between attempts to reopen a camera that is missing or was unplugged
    reconnect_seconds: float = Field(2.0, ge=0.05, le=60)
    # simulated camera: folder of <person>_<n>.jpg/.png photos (relative to the config file's directory);
    # the camera shows <person>_2 when it exists, else <person>_1
    sim_faces_dir: str = "../shared/data/faces"
    # simulated camera: person in front of the camera at start ("" = nobody)
    sim_person: str = ""

    @field_validator("url")
    @classmethod
    def _url(cls, v: str) -> str:
        # OpenCV is only given device indexes and /dev paths; anything else is a media path (no network streams)
        if not v.strip() or v != v.strip() or "://" in v:
            raise ValueError('expected "sim:", a device index ("0"), a device path (/dev/video0) or a media path')
        return v
