"""Byte-exact tests of the SAM frame codec and the incremental stream parser."""

import pytest

from drivers.idcard import frames as fr

# Vectors from public reader implementations:
# - the IDCardDemo article (blog.csdn.net/qiwenmingshiwo/article/details/50698927, README of the IDCardDemo
#   repository): find/select/read commands, find and select answers, the read answer header
# - com.dlrc.idcard.IdReader (Java reader on GitHub): CMD_FIND_FAIL "AA AA AA 96 69 00 04 00 00 80 84"
# - FDX3S ListenSerial (Qt reader on GitHub) and hevz/hev-idcard-reader (src/hev-dbus-object-idcard-reader.c):
#   SAM status "AA AA AA 96 69 00 03 11 FF ED", find, select and read commands
H = bytes.fromhex
FIND = H("AAAAAA9669 0003 2001 22")
SELECT = H("AAAAAA9669 0003 2002 21")
READ = H("AAAAAA9669 0003 3001 32")
READ_FP = H("AAAAAA9669 0003 3010 23")
SAM_STATUS = H("AAAAAA9669 0003 11FF ED")
FIND_OK = H("AAAAAA9669 0008 00009F 00000000 97")
FIND_NONE = H("AAAAAA9669 0004 000080 84")
SELECT_OK = H("AAAAAA9669 000C 000090 0000000000000000 9C")


@pytest.mark.parametrize(
    "cmd,frame",
    [(fr.FIND_CARD, FIND), (fr.SELECT_CARD, SELECT), (fr.READ_TEXT_PHOTO, READ), (fr.READ_TEXT_PHOTO_FP, READ_FP), (fr.SAM_STATUS, SAM_STATUS)],
)
def test_commands_match_public_vectors(cmd, frame):
    assert fr.command(cmd) == frame
    assert fr.parse_request(frame) == fr.Request(*cmd)


def test_answers_from_public_vectors_parse():
    assert fr.parse_response(FIND_OK) == fr.Response(0, 0, 0x9F, bytes(4))
    assert fr.parse_response(FIND_NONE).status == "no_card"
    r = fr.parse_response(SELECT_OK)
    assert r.ok and r.data == bytes(8)
    assert fr.Response(0, 0, 0x9F, bytes(4)).encode() == FIND_OK


def test_read_answer_is_1295_bytes_with_public_header():
    card = fr.CardData(bytes(256), bytes(1024))
    frame = fr.Response(0, 0, 0x90, fr.encode_card_data(card)).encode()
    assert len(frame) == 1295
    # header as printed in the IDCardDemo article: AA AA AA 96 69 05 08 00 00 90 01 00 04 00
    assert frame[:14] == H("AAAAAA9669 0508 000090 0100 0400")
    assert fr.parse_card_data(fr.parse_response(frame).data) == card


def test_read_with_fingerprint_layout():
    card = fr.CardData(bytes(256), bytes(1024), b"\x01" * 1024)
    frame = fr.Response(0, 0, 0x90, fr.encode_card_data(card)).encode()
    assert len(frame) == 2321 and frame[5:7] == H("090A")  # 2321 bytes per the IDCardDemo article
    assert fr.parse_card_data(fr.parse_response(frame).data, with_fingerprint=True) == card
    empty = fr.encode_card_data(fr.CardData(bytes(256), bytes(1024), b""))
    assert len(fr.Response(0, 0, 0x90, empty).encode()) == 1297  # "2321 或 1809 或 1297"


@pytest.mark.parametrize(
    "frame,reason",
    [
        (FIND_OK[:-1] + b"\x00", "checksum"),
        (b"\xaa\xaa\xaa\x96\x68" + FIND_OK[5:], "preamble"),
        (FIND_OK[:-2], "length"),
        (FIND_OK + b"\x00", "length"),
        (FIND_OK[:6], "short"),
        (H("AAAAAA9669 FFFF") + bytes(0xFFFF), "length"),
    ],
)
def test_malformed_frames_raise_frame_error(frame, reason):
    with pytest.raises(fr.FrameError) as e:
        fr.parse_response(frame)
    assert e.value.reason == reason


def test_too_short_bodies_are_frame_errors():
    with pytest.raises(fr.FrameError):
        fr.parse_response(fr.encode(b"\x00\x00"))
    with pytest.raises(fr.FrameError):
        fr.parse_request(fr.encode(b"\x20"))


def test_card_data_lengths_must_add_up():
    good = fr.encode_card_data(fr.CardData(bytes(256), bytes(1024)))
    with pytest.raises(fr.FrameError):
        fr.parse_card_data(good[:-1])
    with pytest.raises(fr.FrameError):
        fr.parse_card_data(b"\x00")
    with pytest.raises(fr.FrameError):  # text block of the wrong size
        fr.parse_card_data(fr.encode_card_data(fr.CardData(bytes(200), bytes(1024))))


def test_status_table_covers_the_documented_codes():
    for sw3 in (0x90, 0x9F, 0x80, 0x81, 0x10, 0x11, 0x21, 0x23, 0x31, 0x32, 0x33, 0x40, 0x41, 0x60):
        assert sw3 in fr.STATUS and fr.status_meaning(sw3)
    assert fr.status_name(0x60) == "sam_failure"
    assert fr.status_name(0x77) == "unknown_77"


def test_parser_skips_garbage_and_splits_two_frames_in_one_read():
    p = fr.FrameParser()
    bodies = p.feed(b"\x00\xaa\x13garbage" + FIND_OK + SELECT_OK)
    assert [fr.body_to_response(b).sw3 for b in bodies] == [0x9F, 0x90]
    assert p.pending == 0


def test_parser_assembles_a_frame_fed_byte_by_byte():
    p = fr.FrameParser()
    out = []
    for b in SELECT_OK:
        out += p.feed(bytes([b]))
    assert out == [SELECT_OK[7:-1]]


def test_parser_keeps_a_preamble_split_across_reads():
    p = fr.FrameParser()
    assert p.feed(b"noise\xaa\xaa") == []
    assert p.feed(FIND_OK[2:]) == [FIND_OK[7:-1]]


def test_parser_reports_a_corrupt_frame_and_recovers_the_next():
    p = fr.FrameParser()
    bad = FIND_OK[:-1] + b"\x00"
    bodies, errors = p.feed_all(FIND_NONE + bad + SELECT_OK)
    assert [fr.body_to_response(b).sw3 for b in bodies] == [0x80, 0x90]
    assert [e.reason for e in errors] == ["checksum"]


def test_parser_rejects_absurd_length_without_waiting_for_it():
    p = fr.FrameParser()
    with pytest.raises(fr.FrameError) as e:
        p.feed(H("AAAAAA9669 F000") + b"\x00")
    assert e.value.reason == "length"
    assert p.feed(FIND_OK) == [FIND_OK[7:-1]]
