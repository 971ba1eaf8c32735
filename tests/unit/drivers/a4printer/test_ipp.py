"""The IPP codec: byte-exact requests, answers decoded (1setOf, collections, text with language), and every
truncation or corruption of an answer is an IppDecodeError, never another exception."""

import random
import struct
import time

import pytest

from drivers.a4printer import ipp
from drivers.a4printer.cups import MAX_ANSWER


def _attr(tag, name, value: bytes) -> bytes:
    return bytes([tag]) + struct.pack(">H", len(name)) + name + struct.pack(">H", len(value)) + value


def _answer(status=0, request_id=7) -> bytes:
    """A Get-Printer-Attributes answer as CUPS sends it, written out by hand."""
    return (struct.pack(">BBHI", 2, 0, status, request_id)
            + bytes([ipp.OPERATION])
            + _attr(ipp.CHARSET, b"attributes-charset", b"utf-8")
            + _attr(ipp.LANGUAGE, b"attributes-natural-language", b"en")
            + bytes([ipp.PRINTER])
            + _attr(ipp.ENUM, b"printer-state", struct.pack(">i", 5))
            + _attr(ipp.KEYWORD, b"printer-state-reasons", b"paused")
            + _attr(ipp.KEYWORD, b"", b"media-empty-error")
            + _attr(ipp.BOOLEAN, b"printer-is-accepting-jobs", b"\x01")
            + _attr(ipp.TEXT_LANG, b"printer-state-message", b"\x00\x02zh\x00\x06" + "缺纸".encode())
            + _attr(ipp.BEG_COLLECTION, b"media-col-default", b"")
            + _attr(ipp.MEMBER_NAME, b"", b"media-size")
            + _attr(ipp.BEG_COLLECTION, b"", b"")
            + _attr(ipp.MEMBER_NAME, b"", b"x-dimension")
            + _attr(ipp.INTEGER, b"", struct.pack(">i", 21000))
            + _attr(ipp.END_COLLECTION, b"", b"")
            + _attr(ipp.END_COLLECTION, b"", b"")
            + bytes([ipp.END]))


def test_a_request_is_encoded_byte_for_byte():
    msg = ipp.Message(ipp.GET_JOB_ATTRIBUTES, 3, (2, 0), [(ipp.OPERATION, [
        ipp.Attribute(ipp.CHARSET, "attributes-charset", ("utf-8",)),
        ipp.Attribute(ipp.INTEGER, "job-id", (12,)),
        ipp.Attribute(ipp.KEYWORD, "requested-attributes", ("job-state", "job-state-reasons"))])], b"%PDF-")
    assert ipp.encode(msg) == (
        b"\x02\x00\x00\x09\x00\x00\x00\x03\x01"
        b"\x47\x00\x12attributes-charset\x00\x05utf-8"
        b"\x21\x00\x06job-id\x00\x04\x00\x00\x00\x0c"
        b"\x44\x00\x14requested-attributes\x00\x09job-state"
        b"\x44\x00\x00\x00\x11job-state-reasons"
        b"\x03%PDF-")


def test_a_request_decodes_to_what_was_encoded():
    attrs = ipp.operation_attributes("ipp://127.0.0.1:631/printers/a4", "kiosk") + [
        ipp.Attribute(ipp.BOOLEAN, "flag", (True,)), ipp.Attribute(ipp.ENUM, "printer-state", (3,))]
    back = ipp.decode(ipp.encode(ipp.Message(ipp.PRINT_JOB, 9, (2, 0), [(ipp.OPERATION, attrs)], b"data")))
    assert back.code == ipp.PRINT_JOB and back.request_id == 9 and back.data == b"data"
    assert back.groups == [(ipp.OPERATION, attrs)]


def test_an_answer_with_sets_language_text_and_collections_decodes():
    msg = ipp.decode(_answer())
    assert msg.ok and msg.request_id == 7
    assert msg.first("printer-state") == 5 and msg.first("printer-is-accepting-jobs") is True
    assert msg.all("printer-state-reasons") == ("paused", "media-empty-error")
    assert msg.first("printer-state-message") == "缺纸"
    assert msg.first("media-col-default") == {"media-size": ({"x-dimension": (21000,)},)}
    assert msg.first("printer-state", ipp.OPERATION) is None and msg.first("absent") is None


def test_an_error_status_is_not_ok():
    assert not ipp.decode(_answer(status=0x0406)).ok


@pytest.mark.parametrize("cut", range(0, len(_answer())))
def test_every_truncated_answer_is_a_decode_error(cut):
    with pytest.raises(ipp.IppDecodeError):
        ipp.decode(_answer()[:cut])


@pytest.mark.parametrize("bad", [
    b"HTTP/1.1 200 OK\r\n\r\n<html>",  # a web page where IPP was expected
    struct.pack(">BBHI", 2, 0, 0, 1) + _attr(ipp.KEYWORD, b"x", b"y") + b"\x03",  # attribute before a group
    struct.pack(">BBHI", 2, 0, 0, 1) + b"\x01" + _attr(ipp.KEYWORD, b"", b"y") + b"\x03",  # orphan extra value
    struct.pack(">BBHI", 2, 0, 0, 1) + b"\x01" + _attr(ipp.INTEGER, b"n", b"\x00\x01") + b"\x03",  # short int
    struct.pack(">BBHI", 2, 0, 0, 1) + b"\x01" + _attr(ipp.BOOLEAN, b"b", b"") + b"\x03",
    struct.pack(">BBHI", 2, 0, 0, 1) + b"\x01" + _attr(ipp.BEG_COLLECTION, b"c", b"")
    + _attr(ipp.INTEGER, b"", b"\x00\x00\x00\x01") + b"\x03",  # a collection value before its member name
    struct.pack(">BBHI", 2, 0, 0, 1) + b"\x01" + _attr(ipp.BEG_COLLECTION, b"c", b"")
    + (_attr(ipp.MEMBER_NAME, b"", b"m") + _attr(ipp.BEG_COLLECTION, b"", b"")) * 20 + b"\x03",  # too deep
])
def test_malformed_answers_are_decode_errors(bad):
    with pytest.raises(ipp.IppDecodeError):
        ipp.decode(bad)


def test_random_corruption_never_raises_anything_but_a_decode_error():
    rng = random.Random(19)
    good = _answer()
    for _ in range(3000):
        data = bytearray(good)
        for _ in range(rng.randint(1, 6)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        try:
            ipp.decode(bytes(data))
        except ipp.IppDecodeError:
            pass


def test_a_value_too_long_for_ipp_is_refused_when_encoding():
    with pytest.raises(ValueError):
        ipp.encode(ipp.Message(ipp.PRINT_JOB, 1, (2, 0), [(ipp.OPERATION, [
            ipp.Attribute(ipp.NAME, "job-name", ("x" * 40_000,))])]))


def test_a_huge_set_of_values_decodes_in_linear_time():
    # a hostile printer's largest accepted answer (cups.MAX_ANSWER) as one 1setOf of empty values: grown one tuple
    # at a time that took minutes; the ceiling is a hundred times what a linear decode needs on a loaded machine
    n = (MAX_ANSWER - 64) // 5
    data = (struct.pack(">BBHI", 2, 0, 0, 1) + bytes([ipp.PRINTER]) + _attr(ipp.KEYWORD, b"k", b"")
            + _attr(ipp.KEYWORD, b"", b"") * n + bytes([ipp.END]))
    started = time.monotonic()
    message = ipp.decode(data)
    assert len(message.all("k")) == n + 1
    assert time.monotonic() - started < 60
