"""ID card photo decoding: the decoder interface, the vendor library loader (ctypes) and the simulated decoder."""

from __future__ import annotations

import ctypes
import struct
from pathlib import Path
from typing import Protocol

from drivers.cards.photo import Photo

WLT_SIZE = 1024
# A simulated card's WLT blob is this marker, the profile name in UTF-8, then NUL padding to 1024 bytes.
SIM_MARKER = b"KIOSK-SIM-WLT1:"
# vendor libraries write a 102x126 24-bit bitmap: 54-byte header + 126 rows of 308 bytes (306 + 2 padding)
BMP_WIDTH, BMP_HEIGHT = 102, 126
BMP_SIZE = 54 + BMP_HEIGHT * 308


class PhotoError(Exception):
    """The photo cannot be decoded; the identity stays usable, the face check says it cannot compare."""


class PhotoDecoder(Protocol):
    def decode(self, wlt: bytes) -> Photo: ...


class NoDecoder:
    """Used when no decoder can run: every decode fails with the reason, the identity itself still works."""

    def __init__(self, reason: str = "no WLT photo decoder configured") -> None:
        self.reason = reason

    def decode(self, wlt: bytes) -> Photo:
        raise PhotoError(self.reason)


def sim_wlt(profile: str) -> bytes:
    raw = SIM_MARKER + profile.encode("utf-8")
    if len(raw) > WLT_SIZE:
        raise ValueError("profile name too long for a simulated WLT blob")
    return raw + b"\x00" * (WLT_SIZE - len(raw))


def sim_profile_of(wlt: bytes) -> str | None:
    if not wlt.startswith(SIM_MARKER):
        return None
    return wlt[len(SIM_MARKER) :].split(b"\x00", 1)[0].decode("utf-8", errors="replace")


class SimPhotoDecoder:
    """Decodes simulated blobs: `<faces_dir>/<face>_1.*` when that folder exists, else the profile's silhouette.
    `cards_dir` None = the shipped profiles."""

    def __init__(self, cards_dir: Path | None, faces_dir: Path | None) -> None:
        self.cards_dir = cards_dir
        self.faces_dir = faces_dir

    def image_path(self, wlt: bytes) -> Path:
        name = sim_profile_of(wlt)
        if name is None:
            raise PhotoError("not a simulated card's photo")
        # profiles import this module (sim_wlt), and a real card never needs them
        from drivers.idcard.profiles import CARDS_DIR, load_profile

        try:
            profile = load_profile(self.cards_dir or CARDS_DIR, name)
        except (OSError, ValueError) as e:
            raise PhotoError(f"card profile {name!r}: {e}") from None
        if self.faces_dir is not None and self.faces_dir.is_dir() and profile.face:
            for candidate in sorted(self.faces_dir.glob(f"{profile.face}_1.*")):
                return candidate
        return profile.photo

    def decode(self, wlt: bytes) -> Photo:
        path = self.image_path(wlt)
        try:
            return Photo(path.read_bytes(), path.suffix.lower())
        except OSError as e:
            raise PhotoError(f"photo file unreadable: {e.strerror}") from None


def bgr_to_bmp(pixels: bytes) -> bytes:
    """Wrap bottom-up BGR rows (with 4-byte row padding) of a 102x126 image into a BMP file."""
    header = b"BM" + struct.pack("<IHHI", BMP_SIZE, 0, 0, 54)
    info = struct.pack("<IiiHHIIiiII", 40, BMP_WIDTH, BMP_HEIGHT, 1, 24, 0, BMP_SIZE - 54, 2835, 2835, 0, 0)
    return header + info + pixels


class VendorWltDecoder:
    """Loads a vendor library exporting `int unpack(char *wlt, char *out, int save)` (libwlt2bmp.so style).

    Returns 1 on success and fills `out` with a BMP file (some builds fill only the pixels: we add the header).
    """

    def __init__(self, library: Path, function: str = "unpack") -> None:
        try:
            self._lib = ctypes.CDLL(str(library))
            self._fn = getattr(self._lib, function)
        except (OSError, AttributeError) as e:
            raise PhotoError(f"cannot load WLT decoder {library}: {e}") from None
        self._fn.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int]
        self._fn.restype = ctypes.c_int

    def decode(self, wlt: bytes) -> Photo:
        if len(wlt) != WLT_SIZE:
            raise PhotoError(f"WLT blob of {len(wlt)} bytes, expected {WLT_SIZE}")
        out = ctypes.create_string_buffer(BMP_SIZE)
        rc = self._fn(wlt, out, 0)
        if rc != 1:
            raise PhotoError(f"vendor decoder returned {rc}")
        data = out.raw
        return Photo(data if data[:2] == b"BM" else bgr_to_bmp(data[: BMP_SIZE - 54]), ".bmp")


def open_decoder(library: str, base_dir: Path, cards_dir: Path | None, faces_dir: Path | None) -> PhotoDecoder:
    """The configured decoder: a vendor library when a path is set, else the simulated decoder."""
    if library:
        path = Path(library)
        return VendorWltDecoder(path if path.is_absolute() else base_dir / path)
    return SimPhotoDecoder(cards_dir, faces_dir)
