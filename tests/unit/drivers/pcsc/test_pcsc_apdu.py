"""APDU status words, the test applet's two sides talking to each other in process, record TLV."""

import pytest

from drivers.cards.identity import SMARTCARD
from drivers.pcsc.apdu import Apdu, ApduError, parse_command, select_aid, status_class, status_meaning
from drivers.pcsc.applet import (
    READ_HOLDER, TEST_AID, KioskApplet, KioskAppletCard, decode_record, encode_record, exchange, read_with,
)

FIELDS = {
    "name": "孙小红", "id_number": "11010519491231002X", "gender": "2", "birth": "19491231", "nation": "01",
    "address": "某省某市示例路2号", "authority": "某市公安局", "valid_from": "20100101", "valid_to": "长期",
}


@pytest.mark.parametrize(
    "sw,cls",
    [(0x9000, "ok"), (0x6100, "more_data"), (0x6283, "warning"), (0x63C2, "warning"), (0x6400, "execution_error"),
     (0x6581, "execution_error"), (0x6700, "wrong_length"), (0x6882, "cla_function"), (0x6982, "not_allowed"),
     (0x6A82, "wrong_parameters"), (0x6B00, "wrong_parameters"), (0x6C10, "wrong_le"), (0x6D00, "ins_not_supported"),
     (0x6E00, "cla_not_supported"), (0x6F00, "checking_error"), (0x1234, "unknown")],
)
def test_every_status_word_class_has_a_name_and_meaning(sw, cls):
    assert status_class(sw) == cls
    assert status_meaning(sw)


def test_specific_meanings():
    assert status_meaning(0x6A82) == "file or application not found"
    assert status_meaning(0x63C2) == "verification failed, 2 tries left"
    e = ApduError("SELECT", 0x6982)
    assert "6982" in str(e) and "security status" in str(e) and e.status_class == "not_allowed"


def test_apdu_encoding_cases():
    # ISO 7816-4 cases 1-4
    assert Apdu(0x00, 0xA4, 0x04, 0x00).encode() == bytes.fromhex("00A40400")
    assert Apdu(0x80, 0xCA, 0x00, 0x01, le=0).encode() == bytes.fromhex("80CA000100")
    assert Apdu(0x00, 0xA4, 0x04, 0x00, b"\x01\x02").encode() == bytes.fromhex("00A40400020102")
    assert select_aid(TEST_AID).encode() == bytes.fromhex("00A4040007F04B494F534B0100")
    for raw in ("00A40400", "80CA000100", "00A40400020102", "00A4040007F04B494F534B0100"):
        assert parse_command(bytes.fromhex(raw)).encode() == bytes.fromhex(raw)
    with pytest.raises(ValueError):
        parse_command(bytes.fromhex("00A4040005 0102"))


def test_applet_round_trip_in_process():
    card = KioskAppletCard(FIELDS)
    ident = KioskApplet().read_identity(card.process)
    assert ident.kind == SMARTCARD and ident.source == "smartcard"
    assert (ident.name, ident.gender, ident.nation, ident.valid_to) == ("孙小红", "女", "汉", None)
    assert ident.id_number == "11010519491231002X"


def test_long_record_uses_get_response_chaining():
    fields = dict(FIELDS, address="很" * 80, authority="长" * 80)  # 480 bytes of UTF-8 on their own
    card = KioskAppletCard(fields)
    assert len(card.record) > 256
    first = card.process(select_aid(TEST_AID).encode()), card.process(READ_HOLDER.encode())
    assert first[0] == b"\x90\x00" and first[1][-2] == 0x61
    card.reset()
    assert KioskApplet().read_identity(card.process).address == "很" * 80


def test_wrong_le_is_retried_with_the_length_the_card_asks_for():
    sent = []

    def card(apdu):
        sent.append(apdu)
        return b"\x6c\x02" if apdu[-1] != 2 else b"ok\x90\x00"

    assert exchange(card, Apdu(0x00, 0xB0, 0, 0, le=0), "READ BINARY") == b"ok"
    assert len(sent) == 2


def test_card_without_the_applet_gives_a_clear_error():
    with pytest.raises(ApduError) as e:
        KioskApplet().read_identity(lambda apdu: b"\x6a\x82")
    assert e.value.sw == 0x6A82 and "not found" in str(e.value)


def test_read_before_select_is_refused():
    card = KioskAppletCard(FIELDS)
    assert card.process(READ_HOLDER.encode()) == b"\x69\x85"
    assert card.process(b"\x00") == b"\x67\x00"


def test_record_tlv():
    assert decode_record(encode_record(FIELDS)) == FIELDS
    with pytest.raises(ValueError):
        decode_record(b"\x01\x05ab")


def test_unknown_application_name():
    with pytest.raises(ValueError):
        read_with("emv")
