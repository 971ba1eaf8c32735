"""APDU building and status words (ISO 7816-4): every status word class gets a clear meaning and one error type."""

from __future__ import annotations

from dataclasses import dataclass

OK = 0x9000

# exact status words worth naming
WORDS = {
    0x6281: "part of the returned data may be corrupted",
    0x6282: "end of file reached before reading Le bytes",
    0x6283: "selected file invalidated",
    0x6700: "wrong length",
    0x6881: "logical channel not supported",
    0x6882: "secure messaging not supported",
    0x6982: "security status not satisfied",
    0x6983: "authentication method blocked",
    0x6984: "reference data not usable",
    0x6985: "conditions of use not satisfied",
    0x6986: "command not allowed (no current EF)",
    0x6A80: "incorrect parameters in the data field",
    0x6A81: "function not supported",
    0x6A82: "file or application not found",
    0x6A83: "record not found",
    0x6A86: "incorrect parameters P1-P2",
    0x6A88: "referenced data not found",
    0x6B00: "wrong parameters P1-P2",
    0x6D00: "instruction code not supported",
    0x6E00: "class not supported",
    0x6F00: "no precise diagnosis",
}

# SW1 -> (class name, meaning) for everything not named exactly
CLASSES = {
    0x61: ("more_data", "more response bytes available (GET RESPONSE)"),
    0x62: ("warning", "warning, non-volatile memory unchanged"),
    0x63: ("warning", "warning, non-volatile memory changed"),
    0x64: ("execution_error", "execution error, non-volatile memory unchanged"),
    0x65: ("execution_error", "execution error, non-volatile memory changed"),
    0x66: ("security_error", "security-related issue"),
    0x67: ("wrong_length", "wrong length"),
    0x68: ("cla_function", "functions in CLA not supported"),
    0x69: ("not_allowed", "command not allowed"),
    0x6A: ("wrong_parameters", "wrong parameters P1-P2"),
    0x6B: ("wrong_parameters", "wrong parameters P1-P2"),
    0x6C: ("wrong_le", "wrong Le field (SW2 gives the right one)"),
    0x6D: ("ins_not_supported", "instruction code not supported or invalid"),
    0x6E: ("cla_not_supported", "class not supported"),
    0x6F: ("checking_error", "no precise diagnosis"),
    0x90: ("ok", "normal processing"),
}


def status_class(sw: int) -> str:
    return CLASSES.get(sw >> 8, ("unknown", ""))[0]


def status_meaning(sw: int) -> str:
    if sw in WORDS:
        return WORDS[sw]
    if sw >> 8 == 0x63 and (sw & 0xF0) == 0xC0:
        return f"verification failed, {sw & 0x0F} tries left"
    return CLASSES.get(sw >> 8, ("", f"status word {sw:04X} outside ISO 7816-4"))[1]


class ApduError(Exception):
    """A card answered with a status word other than 90 00 (after GET RESPONSE/Le handling)."""

    def __init__(self, command: str, sw: int) -> None:
        super().__init__(f"{command}: SW {sw:04X} ({status_class(sw)}: {status_meaning(sw)})")
        self.command = command
        self.sw = sw
        self.status_class = status_class(sw)


@dataclass(frozen=True)
class Apdu:
    cla: int
    ins: int
    p1: int
    p2: int
    data: bytes = b""
    le: int | None = None  # None = no Le; 0 = up to 256 bytes (short APDUs only)

    def encode(self) -> bytes:
        if len(self.data) > 255:
            raise ValueError("extended APDUs are not used by this kiosk")
        out = bytes([self.cla, self.ins, self.p1, self.p2])
        if self.data:
            out += bytes([len(self.data)]) + self.data
        if self.le is not None:
            out += bytes([self.le & 0xFF])
        return out


def parse_command(raw: bytes) -> Apdu:
    """Decode a short command APDU (card side); raises ValueError for lengths that do not add up."""
    if len(raw) < 4:
        raise ValueError("APDU shorter than its header")
    cla, ins, p1, p2 = raw[:4]
    body = raw[4:]
    if not body:
        return Apdu(cla, ins, p1, p2)
    if len(body) == 1:
        return Apdu(cla, ins, p1, p2, le=body[0])
    lc = body[0]
    if lc == 0 or len(body) not in (1 + lc, 2 + lc):
        raise ValueError("Lc does not match the data length")
    le = body[1 + lc] if len(body) == 2 + lc else None
    return Apdu(cla, ins, p1, p2, bytes(body[1 : 1 + lc]), le)


def split_response(raw: bytes) -> tuple[bytes, int]:
    if len(raw) < 2:
        raise ApduError("response", 0x6F00)
    return bytes(raw[:-2]), (raw[-2] << 8) | raw[-1]


def select_aid(aid: bytes) -> Apdu:
    return Apdu(0x00, 0xA4, 0x04, 0x00, aid, le=0)


def get_response(length: int) -> Apdu:
    return Apdu(0x00, 0xC0, 0x00, 0x00, le=length)
