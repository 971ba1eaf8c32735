"""The 256-byte UCS-2LE text block of ID cards: resident card, foreigner's card ('I'), HK/Macao/Taiwan permit ('J')."""

from __future__ import annotations

import datetime as dt

from drivers.cards.codes import GENDERS, LONG_TERM, NATIONS
from drivers.cards.identity import FOREIGN_PERMANENT, HMT_RESIDENCE, RESIDENT, Identity
from drivers.idcard.frames import FrameError

TYPE_OFFSET = 248  # byte offset of the card-type character; space on resident cards

# (field, byte length) in block order
RESIDENT_LAYOUT = (
    ("name", 30), ("gender", 2), ("nation", 4), ("birth", 16), ("address", 70), ("id_number", 36),
    ("authority", 30), ("valid_from", 16), ("valid_to", 16), ("reserved", 36),
)
FOREIGN_LAYOUT = (
    ("name_en", 120), ("gender", 2), ("id_number", 30), ("nationality", 6), ("name", 30),
    ("valid_from", 16), ("valid_to", 16), ("birth", 16), ("version", 4), ("authority", 8), ("type", 2),
    ("reserved", 6),
)
HMT_LAYOUT = (
    ("name", 30), ("gender", 2), ("reserved1", 4), ("birth", 16), ("address", 70), ("id_number", 36),
    ("authority", 30), ("valid_from", 16), ("valid_to", 16), ("pass_number", 18), ("issue_count", 4),
    ("reserved2", 6), ("type", 2), ("reserved3", 6),
)
LAYOUTS = {" ": RESIDENT_LAYOUT, "I": FOREIGN_LAYOUT, "J": HMT_LAYOUT}
KINDS = {" ": RESIDENT, "I": FOREIGN_PERMANENT, "J": HMT_RESIDENCE}


def split_fields(block: bytes, layout: tuple[tuple[str, int], ...]) -> dict[str, str]:
    fields, pos = {}, 0
    for name, size in layout:
        try:
            text = block[pos : pos + size].decode("utf-16-le")
        except UnicodeDecodeError:
            raise FrameError("layout", f"field {name} is not valid UCS-2") from None
        # cards pad with spaces; some readers leave NULs in unused fields
        fields[name] = text.rstrip(" \x00")
        pos += size
    return fields


def card_type(block: bytes) -> str:
    if len(block) != 256:
        raise FrameError("layout", f"text block of {len(block)} bytes, expected 256")
    ch = block[TYPE_OFFSET : TYPE_OFFSET + 2].decode("utf-16-le", errors="replace")
    return " " if ch in (" ", "\x00") else ch


def parse_date(value: str, field: str, allow_long_term: bool = False) -> dt.date | None:
    if allow_long_term and value == LONG_TERM:
        return None
    try:
        if len(value) != 8 or not value.isdigit():
            raise ValueError
        return dt.date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        raise FrameError("layout", f"{field} is not a YYYYMMDD date") from None


def decode(block: bytes, photo_wlt: bytes = b"") -> Identity:
    """Decode a text block; raises FrameError for an unknown card type or fields that are not what they must be."""
    kind = card_type(block)
    if kind not in LAYOUTS:
        raise FrameError("layout", f"unknown card type {kind!r}")
    f = split_fields(block, LAYOUTS[kind])
    gender = GENDERS.get(f["gender"])
    if gender is None:
        raise FrameError("layout", "gender code unknown")
    common = dict(
        name=f["name"], id_number=f["id_number"], gender=gender,
        birth=parse_date(f["birth"], "birth"),
        valid_from=parse_date(f["valid_from"], "valid_from"),
        valid_to=parse_date(f["valid_to"], "valid_to", allow_long_term=True),
        authority=f["authority"], photo_wlt=photo_wlt, kind=KINDS[kind],
    )
    if kind == " ":
        if not f["nation"].isdigit() or int(f["nation"]) not in NATIONS:
            raise FrameError("layout", "nation code unknown")
        return Identity(nation=NATIONS[int(f["nation"])], address=f["address"], **common)
    if kind == "I":
        return Identity(name_en=f["name_en"], nationality=f["nationality"], **common)
    count = int(f["issue_count"]) if f["issue_count"].isdigit() else None
    return Identity(address=f["address"], pass_number=f["pass_number"], issue_count=count, **common)


def encode(fields: dict[str, str], kind: str = " ") -> bytes:
    """Build a text block from raw field strings (what a card holds); used by the simulator and tests."""
    out = bytearray()
    for name, size in LAYOUTS[kind]:
        value = kind if name == "type" else fields.get(name, "")
        raw = value.encode("utf-16-le")
        if len(raw) > size:
            raise ValueError(f"field {name} longer than {size // 2} characters")
        out += raw + " ".encode("utf-16-le") * ((size - len(raw)) // 2)
    return bytes(out)
