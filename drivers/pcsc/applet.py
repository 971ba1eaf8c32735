"""Card applications that read a holder record over PC/SC; our documented test applet, both sides of it."""

from __future__ import annotations

import datetime as dt
from typing import Callable, Protocol

from drivers.cards.codes import GENDERS, LONG_TERM, NATIONS
from drivers.cards.identity import SMARTCARD, Identity
from drivers.pcsc.apdu import Apdu, ApduError, get_response, parse_command, select_aid, split_response

# Test applet "kiosk-test-applet" (see docs/idcard.md):
#   SELECT by AID  00 A4 04 00 07 F0 4B 49 4F 53 4B 01 00  -> 90 00
#   READ HOLDER    80 CA 00 01 00                           -> TLV record + 90 00 (61 xx when longer than Le)
# Record: one-byte tag, one-byte length, UTF-8 value.
TEST_AID = bytes.fromhex("F04B494F534B01")  # F0 "KIOSK" 01: proprietary RID range
READ_HOLDER = Apdu(0x80, 0xCA, 0x00, 0x01, le=0)
TAGS = {
    0x01: "name", 0x02: "id_number", 0x03: "gender", 0x04: "birth", 0x05: "nation",
    0x06: "address", 0x07: "authority", 0x08: "valid_from", 0x09: "valid_to",
}

Transmit = Callable[[bytes], bytes]  # sends a command APDU, returns data + SW1 SW2


class CardApplication(Protocol):
    name: str

    def read_identity(self, transmit: Transmit) -> Identity: ...


def exchange(transmit: Transmit, apdu: Apdu, what: str) -> bytes:
    """Send one command; follow 61 xx with GET RESPONSE and 6C xx with the right Le; raise ApduError otherwise."""
    data, sw = split_response(transmit(apdu.encode()))
    if sw >> 8 == 0x6C:
        data, sw = split_response(transmit(Apdu(apdu.cla, apdu.ins, apdu.p1, apdu.p2, apdu.data, sw & 0xFF).encode()))
    out = data
    while sw >> 8 == 0x61:
        data, sw = split_response(transmit(get_response(sw & 0xFF).encode()))
        out += data
    if sw != 0x9000:
        raise ApduError(what, sw)
    return out


def encode_record(fields: dict[str, str]) -> bytes:
    out = bytearray()
    for tag, name in TAGS.items():
        raw = fields.get(name, "").encode("utf-8")
        if raw:
            out += bytes([tag, len(raw)]) + raw
    return bytes(out)


def decode_record(record: bytes) -> dict[str, str]:
    fields, pos = {}, 0
    while pos < len(record):
        if pos + 2 > len(record) or pos + 2 + record[pos + 1] > len(record):
            raise ValueError("holder record TLV runs past its end")
        tag, n = record[pos], record[pos + 1]
        if tag in TAGS:
            fields[TAGS[tag]] = record[pos + 2 : pos + 2 + n].decode("utf-8")
        pos += 2 + n
    return fields


def _date(value: str, field: str) -> dt.date | None:
    if value in ("", LONG_TERM):
        return None
    try:
        return dt.date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        raise ValueError(f"{field} is not a YYYYMMDD date") from None


class KioskApplet:
    """Reader side of the test applet: select, read the holder record, build an Identity."""

    name = "kiosk-test-applet"

    def read_identity(self, transmit: Transmit) -> Identity:
        exchange(transmit, select_aid(TEST_AID), "SELECT test applet")
        f = decode_record(exchange(transmit, READ_HOLDER, "READ holder record"))
        nation = f.get("nation", "")
        return Identity(
            kind=SMARTCARD, source="smartcard",
            name=f.get("name", ""), id_number=f.get("id_number", ""),
            gender=GENDERS.get(f.get("gender", "0"), "未知"),
            birth=_date(f.get("birth", ""), "birth"),
            valid_from=_date(f.get("valid_from", ""), "valid_from"),
            valid_to=_date(f.get("valid_to", ""), "valid_to"),
            nation=NATIONS.get(int(nation), "") if nation.isdigit() else "",
            address=f.get("address", ""), authority=f.get("authority", ""),
        )


APPLICATIONS: dict[str, type] = {KioskApplet.name: KioskApplet}


class KioskAppletCard:
    """Card side of the test applet, as our vpcd emulator plays it: answers command APDUs."""

    def __init__(self, fields: dict[str, str]) -> None:
        self.record = encode_record(fields)
        self._selected = False
        self._pending = b""  # what GET RESPONSE still has to hand out

    def reset(self) -> None:
        self._selected = False
        self._pending = b""

    def process(self, raw: bytes) -> bytes:
        try:
            apdu = parse_command(raw)
        except ValueError:
            return b"\x67\x00"
        if apdu.ins == 0xA4 and apdu.p1 == 0x04:
            self._selected = apdu.data == TEST_AID
            return b"\x90\x00" if self._selected else b"\x6a\x82"
        if apdu.ins == 0xC0 and apdu.cla == 0x00:
            return self._hand_out(apdu.le or 256)
        if apdu.cla != 0x80:
            return b"\x6e\x00"
        if apdu.ins != 0xCA or (apdu.p1, apdu.p2) != (0x00, 0x01):
            return b"\x6d\x00" if apdu.ins != 0xCA else b"\x6a\x86"
        if not self._selected:
            return b"\x69\x85"
        self._pending = self.record
        return self._hand_out(apdu.le or 256)

    def _hand_out(self, le: int) -> bytes:
        if not self._pending:
            return b"\x69\x85"
        chunk, self._pending = self._pending[:le], self._pending[le:]
        rest = len(self._pending)
        return chunk + (bytes([0x61, min(rest, 256) & 0xFF]) if rest else b"\x90\x00")


def identity_fields(profile_fields: dict[str, str]) -> dict[str, str]:
    """Holder-record fields from an ID card profile, so both simulators share the same invented people."""
    keep = ("name", "id_number", "gender", "birth", "nation", "address", "authority", "valid_from", "valid_to")
    return {k: profile_fields[k] for k in keep if k in profile_fields}


def read_with(application: str) -> CardApplication:
    try:
        return APPLICATIONS[application]()
    except KeyError:
        raise ValueError(f"unknown card application {application!r}; known: {', '.join(APPLICATIONS)}") from None


__all__ = ["ApduError", "CardApplication", "KioskApplet", "KioskAppletCard", "read_with"]
