"""IPP/1.1-2.0 message encoding and decoding (RFC 8010), pure: bytes in, bytes or values out, no I/O."""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import Any

# operations
PRINT_JOB = 0x0002
CANCEL_JOB = 0x0008
GET_JOB_ATTRIBUTES = 0x0009
GET_PRINTER_ATTRIBUTES = 0x000B

# delimiter tags
OPERATION, JOB, END, PRINTER, UNSUPPORTED = 0x01, 0x02, 0x03, 0x04, 0x05
# value tags
INTEGER, BOOLEAN, ENUM = 0x21, 0x22, 0x23
OCTET_STRING, DATE_TIME, RESOLUTION, RANGE = 0x30, 0x31, 0x32, 0x33
BEG_COLLECTION, TEXT_LANG, NAME_LANG, END_COLLECTION = 0x34, 0x35, 0x36, 0x37
TEXT, NAME, KEYWORD, URI, URI_SCHEME, CHARSET, LANGUAGE, MIME_TYPE, MEMBER_NAME = (
    0x41, 0x42, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4A)
_STRINGS = {TEXT, NAME, KEYWORD, URI, URI_SCHEME, CHARSET, LANGUAGE, MIME_TYPE, MEMBER_NAME}

# printer-state and job-state enums (RFC 8011 5.4.11, 5.3.7)
PRINTER_STATES = {3: "idle", 4: "processing", 5: "stopped"}
JOB_STATES = {3: "pending", 4: "held", 5: "processing", 6: "stopped", 7: "canceled", 8: "aborted", 9: "completed"}

MAX_NESTING = 8  # collections inside collections: a deeper answer is garbage, not a printer


class IppDecodeError(ValueError):
    """The bytes are not an IPP message; the text says where they stopped making sense."""


@dataclass(frozen=True)
class Attribute:
    tag: int
    name: str
    values: tuple  # a 1setOf has several; the first is what most callers want


@dataclass
class Message:
    """A request or a response: `code` is the operation id or the status code."""

    code: int
    request_id: int
    version: tuple[int, int] = (2, 0)
    groups: list[tuple[int, list[Attribute]]] = field(default_factory=list)
    data: bytes = b""  # the document after the attributes (Print-Job)

    @property
    def ok(self) -> bool:
        return self.code < 0x0100  # successful-ok and its "ignored or substituted" variants

    def first(self, name: str, group: int | None = None) -> Any:
        """The first value of the first attribute so named (in `group` if given); None when absent."""
        for tag, attrs in self.groups:
            if group is not None and tag != group:
                continue
            for a in attrs:
                if a.name == name and a.values:
                    return a.values[0]
        return None

    def all(self, name: str, group: int | None = None) -> tuple:
        for tag, attrs in self.groups:
            if group is None or tag == group:
                for a in attrs:
                    if a.name == name:
                        return a.values
        return ()


def operation_attributes(printer_uri: str, user: str, language: str = "en") -> list[Attribute]:
    """The attributes every request opens with (RFC 8011 4.1.4), in the order the RFC asks for."""
    return [Attribute(CHARSET, "attributes-charset", ("utf-8",)),
            Attribute(LANGUAGE, "attributes-natural-language", (language,)),
            Attribute(URI, "printer-uri", (printer_uri,)),
            Attribute(NAME, "requesting-user-name", (user,))]


# ---- encoding

def _value(tag: int, value: Any) -> bytes:
    if tag in (INTEGER, ENUM):
        return struct.pack(">i", value)
    if tag == BOOLEAN:
        return b"\x01" if value else b"\x00"
    if isinstance(value, bytes):
        return value
    return str(value).encode("utf-8")


def _chunk(b: bytes, what: str) -> bytes:
    if len(b) > 0x7FFF:
        raise ValueError(f"{what} longer than IPP allows ({len(b)} bytes)")
    return struct.pack(">H", len(b)) + b


def encode(msg: Message) -> bytes:
    out = bytearray(struct.pack(">BBHI", msg.version[0], msg.version[1], msg.code, msg.request_id))
    for group, attrs in msg.groups:
        out.append(group)
        for a in attrs:
            for i, v in enumerate(a.values):
                out.append(a.tag)
                out += _chunk(a.name.encode("utf-8") if i == 0 else b"", "attribute name")
                out += _chunk(_value(a.tag, v), f"value of {a.name}")
    out.append(END)
    return bytes(out) + msg.data


# ---- decoding

class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def take(self, n: int, what: str) -> bytes:
        if self.pos + n > len(self.data):
            raise IppDecodeError(f"answer ends inside {what} at byte {self.pos} of {len(self.data)}")
        b = self.data[self.pos:self.pos + n]
        self.pos += n
        return b

    def short(self, what: str) -> int:
        return struct.unpack(">H", self.take(2, what))[0]

    def peek(self) -> int | None:
        return self.data[self.pos] if self.pos < len(self.data) else None


def _decode_value(tag: int, raw: bytes, name: str) -> Any:
    if tag in (INTEGER, ENUM):
        if len(raw) != 4:
            raise IppDecodeError(f"{name}: integer of {len(raw)} bytes")
        return struct.unpack(">i", raw)[0]
    if tag == BOOLEAN:
        if len(raw) != 1:
            raise IppDecodeError(f"{name}: boolean of {len(raw)} bytes")
        return raw != b"\x00"
    if tag in _STRINGS:
        return raw.decode("utf-8", errors="replace")
    if tag in (TEXT_LANG, NAME_LANG):  # language length, language, text length, text
        r = _Reader(raw)
        r.take(r.short(f"{name} language length"), f"{name} language")
        return r.take(r.short(f"{name} text length"), f"{name} text").decode("utf-8", errors="replace")
    return raw  # dateTime, resolution, range, octetString, out-of-band: kept as bytes, nobody here reads them


def _collection(r: _Reader, name: str, depth: int) -> dict:
    if depth > MAX_NESTING:
        raise IppDecodeError(f"{name}: collections nested deeper than {MAX_NESTING}")
    members: dict[str, list] = {}
    member = None
    while True:
        tag = r.take(1, f"collection {name}")[0]
        r.take(r.short("member name length"), "member name")  # always empty inside a collection
        raw = r.take(r.short("member value length"), "member value")
        if tag == END_COLLECTION:
            return {k: tuple(v) for k, v in members.items()}
        if tag == MEMBER_NAME:
            member = raw.decode("utf-8", errors="replace")
            members[member] = []
            continue
        if member is None:
            raise IppDecodeError(f"{name}: collection value before any member name")
        value = _collection(r, member, depth + 1) if tag == BEG_COLLECTION else _decode_value(tag, raw, member)
        members[member].append(value)


def _close(attrs: list[Attribute] | None, found: list[tuple[int, str, list]]) -> None:
    if attrs is not None:
        attrs[:] = [Attribute(tag, name, tuple(values)) for tag, name, values in found]


def decode(data: bytes) -> Message:
    """A whole IPP message; IppDecodeError for anything that is not one (never another exception)."""
    r = _Reader(data)
    major, minor, code, request_id = struct.unpack(">BBHI", r.take(8, "the header"))
    if major not in (1, 2):
        raise IppDecodeError(f"IPP version {major}.{minor} is not 1.x or 2.x (not an IPP answer?)")
    msg = Message(code, request_id, (major, minor))
    attrs: list[Attribute] | None = None
    # the open group's attributes with their values in lists: a tuple grown one value at a time is quadratic, and a
    # hostile answer can hold a 1setOf of 200,000 values
    found: list[tuple[int, str, list]] = []
    while True:
        tag = r.peek()
        if tag is None:
            raise IppDecodeError("answer ends before end-of-attributes")
        r.pos += 1
        if tag == END:
            break
        if tag < 0x10:  # a delimiter: a new group
            _close(attrs, found)
            attrs, found = [], []
            msg.groups.append((tag, attrs))
            continue
        if attrs is None:
            raise IppDecodeError(f"attribute (tag 0x{tag:02x}) before any group")
        name = r.take(r.short("name length"), "attribute name").decode("utf-8", errors="replace")
        raw = r.take(r.short("value length"), "attribute value")
        owner = name or (found[-1][1] if found else "")
        if not owner:
            raise IppDecodeError("additional value with no attribute before it")
        value = _collection(r, owner, 1) if tag == BEG_COLLECTION else _decode_value(tag, raw, owner)
        if name:
            found.append((tag, name, [value]))
        else:  # one more value of a 1setOf
            found[-1][2].append(value)
    _close(attrs, found)
    msg.data = data[r.pos:]
    return msg
