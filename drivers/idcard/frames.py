"""Resident ID card SAM frames: building, parsing, status table and an incremental stream parser."""

from __future__ import annotations

from dataclasses import dataclass

PREAMBLE = b"\xaa\xaa\xaa\x96\x69"
# LEN counts everything after itself; the largest real answer (text+photo+fingerprint) is 2314 bytes,
# so anything far beyond that is a corrupted length, not a frame worth waiting for
MAX_LEN = 4096


class FrameError(ValueError):
    """The one error of this codec: malformed, truncated or inconsistent bytes. `reason` is a stable code."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason  # "preamble", "length", "checksum", "short", "layout"
        self.detail = detail


# commands as (CMD, PARA)
SAM_STATUS = (0x11, 0xFF)
SAM_ID = (0x12, 0xFF)
FIND_CARD = (0x20, 0x01)
SELECT_CARD = (0x20, 0x02)
READ_TEXT_PHOTO = (0x30, 0x01)
READ_TEXT_PHOTO_FP = (0x30, 0x10)

COMMAND_NAMES = {
    SAM_STATUS: "SAM status",
    SAM_ID: "SAM id",
    FIND_CARD: "find card",
    SELECT_CARD: "select card",
    READ_TEXT_PHOTO: "read text+photo",
    READ_TEXT_PHOTO_FP: "read text+photo+fingerprint",
}

# SW3 -> (stable name, plain meaning for technicians)
STATUS = {
    0x90: ("ok", "operation succeeded"),
    0x9F: ("card_found", "card found"),
    0x91: ("no_content", "the card holds no data of this kind (e.g. no fingerprint)"),
    0x80: ("no_card", "no card found on the reader"),
    0x81: ("select_failed", "selecting the card failed"),
    0x10: ("checksum", "the reader received a frame with a bad checksum"),
    0x11: ("length", "the reader received a frame with a bad length"),
    0x21: ("bad_command", "command unknown to the reader"),
    0x23: ("unauthorised", "command not allowed in this state"),
    0x24: ("unrecognised", "unrecognised error"),
    0x31: ("auth_card", "card failed to authenticate the SAM"),
    0x32: ("auth_sam", "SAM failed to authenticate the card"),
    0x33: ("auth_info", "information authentication failed"),
    0x40: ("unknown_card", "card of an unknown type"),
    0x41: ("read_failed", "reading the card failed"),
    0x47: ("ciphertext", "ciphertext error while reading"),
    0x60: ("sam_failure", "SAM self-test failed"),
    0x66: ("sam_unauthorised", "SAM not authorised, cannot be used"),
}


def status_name(sw3: int) -> str:
    return STATUS.get(sw3, (f"unknown_{sw3:02x}", ""))[0]


def status_meaning(sw3: int) -> str:
    return STATUS.get(sw3, ("", f"unknown status 0x{sw3:02X}"))[1]


def xor(data: bytes) -> int:
    x = 0
    for b in data:
        x ^= b
    return x


def encode(body: bytes) -> bytes:
    """Wrap a body (CMD PARA DATA or SW1 SW2 SW3 DATA) into a frame."""
    length = len(body) + 1
    if length > 0xFFFF:
        raise FrameError("length", f"body of {len(body)} bytes does not fit a frame")
    head = length.to_bytes(2, "big")
    return PREAMBLE + head + body + bytes([xor(head + body)])


@dataclass(frozen=True)
class Request:
    cmd: int
    para: int
    data: bytes = b""

    def encode(self) -> bytes:
        return encode(bytes([self.cmd, self.para]) + self.data)

    @property
    def name(self) -> str:
        return COMMAND_NAMES.get((self.cmd, self.para), f"command {self.cmd:02X} {self.para:02X}")


@dataclass(frozen=True)
class Response:
    sw1: int
    sw2: int
    sw3: int
    data: bytes = b""

    def encode(self) -> bytes:
        return encode(bytes([self.sw1, self.sw2, self.sw3]) + self.data)

    @property
    def status(self) -> str:
        return status_name(self.sw3)

    @property
    def ok(self) -> bool:
        return self.sw3 in (0x90, 0x9F)


def command(cmd: tuple[int, int], data: bytes = b"") -> bytes:
    return Request(cmd[0], cmd[1], data).encode()


def split_frame(frame: bytes) -> bytes:
    """Check one complete frame and return its body (the bytes between LEN and the checksum)."""
    if len(frame) < len(PREAMBLE) + 3:
        raise FrameError("short", f"{len(frame)} bytes cannot hold a frame")
    if frame[: len(PREAMBLE)] != PREAMBLE:
        raise FrameError("preamble", "frame does not start with AA AA AA 96 69")
    length = int.from_bytes(frame[5:7], "big")
    if length < 2 or length > MAX_LEN or len(frame) != 7 + length:
        raise FrameError("length", f"LEN {length} but {len(frame) - 7} bytes follow it")
    if xor(frame[5:-1]) != frame[-1]:
        raise FrameError("checksum", f"XOR 0x{xor(frame[5:-1]):02X} != 0x{frame[-1]:02X}")
    return frame[7:-1]


def body_to_request(body: bytes) -> Request:
    if len(body) < 2:
        raise FrameError("short", "a request needs CMD and PARA")
    return Request(body[0], body[1], bytes(body[2:]))


def body_to_response(body: bytes) -> Response:
    if len(body) < 3:
        raise FrameError("short", "a response needs SW1 SW2 SW3")
    return Response(body[0], body[1], body[2], bytes(body[3:]))


def parse_request(frame: bytes) -> Request:
    return body_to_request(split_frame(frame))


def parse_response(frame: bytes) -> Response:
    return body_to_response(split_frame(frame))


@dataclass(frozen=True)
class CardData:
    """Payload of a successful read: the 256-byte text block, the 1024-byte WLT photo, maybe a fingerprint."""

    text: bytes
    photo: bytes
    fingerprint: bytes | None = None


def encode_card_data(card: CardData) -> bytes:
    parts = [card.text, card.photo] + ([card.fingerprint] if card.fingerprint is not None else [])
    lengths = b"".join(len(p).to_bytes(2, "big") for p in parts)
    return lengths + b"".join(parts)


def parse_card_data(data: bytes, with_fingerprint: bool = False) -> CardData:
    """Split a read answer's data: 2-byte lengths first (text, photo[, fingerprint]), then the blocks."""
    count = 3 if with_fingerprint else 2
    if len(data) < 2 * count:
        raise FrameError("layout", f"read answer of {len(data)} bytes has no length header")
    lengths = [int.from_bytes(data[2 * i : 2 * i + 2], "big") for i in range(count)]
    if 2 * count + sum(lengths) != len(data):
        raise FrameError("layout", f"lengths {lengths} do not add up to {len(data) - 2 * count} bytes")
    if lengths[0] != 256:
        raise FrameError("layout", f"text block of {lengths[0]} bytes, expected 256")
    blocks, pos = [], 2 * count
    for n in lengths:
        blocks.append(bytes(data[pos : pos + n]))
        pos += n
    return CardData(blocks[0], blocks[1], blocks[2] if with_fingerprint else None)


class FrameParser:
    """Cuts frames out of a byte stream: skips garbage before a preamble, keeps partial frames for later.

    feed() returns the complete bodies found. A corrupted frame raises FrameError after dropping at least
    one byte, so calling feed(b"") again continues with whatever follows; the stream never blocks on it.
    """

    def __init__(self) -> None:
        self._buf = bytearray()

    def reset(self) -> None:
        self._buf.clear()

    @property
    def pending(self) -> int:
        return len(self._buf)

    def feed(self, data: bytes) -> list[bytes]:
        self._buf += data
        bodies: list[bytes] = []
        while True:
            start = self._buf.find(PREAMBLE)
            if start < 0:
                # keep a tail that may be the start of a preamble split across reads
                keep = next((k for k in range(len(PREAMBLE) - 1, 0, -1) if self._buf.endswith(PREAMBLE[:k])), 0)
                del self._buf[: len(self._buf) - keep]
                return bodies
            del self._buf[:start]
            if len(self._buf) < 7:
                return bodies
            length = int.from_bytes(self._buf[5:7], "big")
            if length < 2 or length > MAX_LEN:
                if bodies:  # hand out the good frames first; the error comes with the next call
                    return bodies
                del self._buf[:1]
                raise FrameError("length", f"LEN {length} out of range")
            if len(self._buf) < 7 + length:
                return bodies
            frame = bytes(self._buf[: 7 + length])
            if xor(frame[5:-1]) != frame[-1]:
                if bodies:
                    return bodies
                # drop only the preamble's first byte: a real frame may start inside the bad one
                del self._buf[:1]
                raise FrameError("checksum", f"XOR mismatch in a {len(frame)}-byte frame")
            del self._buf[: 7 + length]
            bodies.append(frame[7:-1])

    def feed_all(self, data: bytes) -> tuple[list[bytes], list[FrameError]]:
        """feed() until the buffer holds nothing more to say: every good body and every error, in order."""
        bodies: list[bytes] = []
        errors: list[FrameError] = []
        while True:
            try:
                found = self.feed(data)
            except FrameError as e:
                errors.append(e)
            else:
                if not found:
                    return bodies, errors
                bodies += found
            data = b""
