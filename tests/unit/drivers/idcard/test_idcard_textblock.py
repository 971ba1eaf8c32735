"""Text block decoding for the three card types, with invented people only."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.cards import codes
from drivers.cards.identity import FOREIGN_PERMANENT, HMT_RESIDENCE, RESIDENT
from drivers.idcard import textblock
from drivers.idcard.frames import FrameError

RESIDENT_FIELDS = {
    "name": "赵一鸣", "gender": "1", "nation": "05", "birth": "19900102", "address": "某省某市示例路1号",
    "id_number": "11010519900102001X", "authority": "某市公安局", "valid_from": "20100101", "valid_to": "长期",
}


def test_block_layout_offsets():
    block = textblock.encode(RESIDENT_FIELDS)
    assert len(block) == 256
    # layout per DESIGN.md / IDCardDemo: name 0-30, gender 30-32, nation 32-36, birth 36-52, number 122-158
    assert block[0:6].decode("utf-16-le") == "赵一鸣"
    assert block[30:32].decode("utf-16-le") == "1"
    assert block[122:158].decode("utf-16-le") == "11010519900102001X"
    assert block[248:250] == b" \x00"


def test_resident_card_decodes_every_field():
    ident = textblock.decode(textblock.encode(RESIDENT_FIELDS), b"wlt")
    assert ident.kind == RESIDENT
    assert (ident.name, ident.gender, ident.nation) == ("赵一鸣", "男", "维吾尔")
    assert ident.birth == dt.date(1990, 1, 2)
    assert ident.address == "某省某市示例路1号"  # trailing padding stripped
    assert ident.authority == "某市公安局"
    assert ident.valid_from == dt.date(2010, 1, 1)
    assert ident.valid_to is None and ident.long_term
    assert not ident.is_expired(dt.date(2099, 1, 1))
    assert ident.photo_wlt == b"wlt"


def test_nul_padding_is_stripped_like_spaces():
    block = bytearray(textblock.encode(RESIDENT_FIELDS))
    block[6:30] = bytes(24)
    assert textblock.decode(bytes(block)).name == "赵一鸣"


def test_foreigner_card_layout():
    fields = {
        "name_en": "DOE, JANE", "gender": "2", "id_number": "USA110880101001", "nationality": "USA",
        "name": "多简", "valid_from": "20200101", "valid_to": "20300101", "birth": "19880101",
        "version": "01", "authority": "1500",
    }
    block = textblock.encode(fields, "I")
    assert block[248:250].decode("utf-16-le") == "I"
    ident = textblock.decode(block)
    assert ident.kind == FOREIGN_PERMANENT
    assert (ident.name_en, ident.name, ident.nationality, ident.gender) == ("DOE, JANE", "多简", "USA", "女")
    assert ident.birth == dt.date(1988, 1, 1) and ident.valid_to == dt.date(2030, 1, 1)
    assert ident.is_expired(dt.date(2030, 1, 2)) and not ident.is_expired(dt.date(2030, 1, 1))


def test_hk_macao_taiwan_permit_layout():
    fields = dict(RESIDENT_FIELDS, id_number="810000199001020016", valid_to="20290101", pass_number="H00000002", issue_count="03")
    fields.pop("nation")
    ident = textblock.decode(textblock.encode(fields, "J"))
    assert ident.kind == HMT_RESIDENCE
    assert ident.pass_number == "H00000002" and ident.issue_count == 3
    assert ident.nation == ""


@pytest.mark.parametrize(
    "change",
    [{"gender": "7"}, {"nation": "77"}, {"birth": "19901301"}, {"valid_to": "永久"}, {"valid_from": "2010"}],
)
def test_bad_fields_raise_frame_error(change):
    with pytest.raises(FrameError):
        textblock.decode(textblock.encode(dict(RESIDENT_FIELDS, **change)))


def test_unknown_card_type_and_wrong_size():
    block = bytearray(textblock.encode(RESIDENT_FIELDS))
    block[248:250] = "Z".encode("utf-16-le")
    with pytest.raises(FrameError):
        textblock.decode(bytes(block))
    with pytest.raises(FrameError):
        textblock.decode(bytes(255))


def test_nation_and_gender_tables_are_complete():
    assert len(codes.NATIONS) == 58 and codes.NATIONS[98] == "外国血统中国籍人士"
    assert set(codes.GENDERS) == {"0", "1", "2", "9"}


@given(st.binary(min_size=256, max_size=256))
@settings(max_examples=500, deadline=None)
def test_random_blocks_raise_only_frame_error(block):
    try:
        textblock.decode(block)
    except FrameError:
        pass
