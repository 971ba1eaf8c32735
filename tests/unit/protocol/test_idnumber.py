"""GB 11643 identity number checks."""

import datetime as dt

import pytest

from protocol import idnumber


# 11010519491231002X and 440524188001010014 are the worked examples printed in GB 11643-1999 itself
@pytest.mark.parametrize("number", ["11010519491231002X", "440524188001010014", "11010519491231002x"])
def test_standard_examples_are_valid(number):
    assert idnumber.validate(number) == number.upper()


def test_check_digit_x():
    assert idnumber.check_digit("11010519491231002") == "X"


@pytest.mark.parametrize(
    "number,reason",
    [
        ("1101051949123100", "length"),
        ("11010519491231002Y", "chars"),
        ("1101051949123100A2", "chars"),
        ("00010519491231002X", "region"),
        ("110105194913310026", "birth"),
        ("110105194912310021", "check"),
    ],
)
def test_invalid_numbers_say_why(number, reason):
    with pytest.raises(idnumber.IdNumberError) as e:
        idnumber.validate(number)
    assert e.value.reason == reason


def test_birth_must_match_the_card_and_not_be_in_the_future():
    with pytest.raises(idnumber.IdNumberError):
        idnumber.validate("11010519491231002X", birth=dt.date(1949, 12, 30))
    assert idnumber.validate("11010519491231002X", birth=dt.date(1949, 12, 31))
    with pytest.raises(idnumber.IdNumberError):
        idnumber.validate("11010519491231002X", today=dt.date(1949, 1, 1))


def test_what_central_accepts():
    assert idnumber.checked(" 11010519491231002x ") == "11010519491231002X"
    assert idnumber.checked("990101199001010000"[:17] + idnumber.check_digit("99010119900101000"))  # any region
    assert idnumber.checked("can110880915017") == "CAN110880915017"  # 2017 foreigner's permit: no check digit
    for number, reason in (("110105194912310021", "check"), ("1101051949", "length"), ("1101051949123100A2", "chars")):
        with pytest.raises(idnumber.IdNumberError) as e:
            idnumber.checked(number)
        assert e.value.reason == reason


def test_digits_of_other_scripts_are_no_id_number():
    import pytest as _pytest

    from protocol.idnumber import IdNumberError, checked, validate

    ascii_number = "11010519491231002X"  # the standard's own example
    assert checked(ascii_number) == ascii_number
    arabic = ascii_number[:17].translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")) + "X"
    for check in (checked, validate):
        with _pytest.raises(IdNumberError):
            check(arabic)
