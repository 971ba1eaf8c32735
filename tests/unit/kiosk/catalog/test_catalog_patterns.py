"""Form field patterns: judged statically when a catalog loads; matching never sees a long value."""

import pytest
from pydantic import ValidationError

from kiosk.catalog.forms import check_field
from protocol.catalog_patterns import INPUT_MAX, fullmatch, problem
from protocol.catalog_schema import FormField


@pytest.mark.parametrize("pattern", [
    r"^[0-9A-HJ-NPQRTUWXY]{18}$",  # 统一社会信用代码, as the shipped catalog has it
    r"^[\u4e00-\u9fa5][A-Z][A-Z0-9]{5,6}$",  # 号牌号码
    r"^\d+$",
    r"^[A-Z]+\d+$",
    r"(?:\d{1,3}\.){3}\d{1,3}",
    r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
    r"^\bAB(?:CD|EF)?$",
])
def test_ordinary_patterns_are_allowed(pattern):
    assert problem(pattern) is None


@pytest.mark.parametrize("pattern,reason", [
    (r"^(a+)+$", "more than"),  # nested quantifiers: exponential
    (r"^([0-9A-Z]+)+$", "more than"),
    (r"^(a|a)*$", "more than"),  # overlapping alternation under a repeat
    (r"^(a|ab)*c$", "more than"),
    (r"^(\w+\s?)*$", "more than"),
    (r"^\d*\d*\d*\d*$", "more than"),  # stacked repeats: polynomial of a high degree
    (r"(a*)*", "can match nothing"),
    (r"(a)\1", "groupref is not allowed"),
    (r"a(?=b)", "assert is not allowed"),
    (r"a(?!b)", "assert not is not allowed"),
    (r"(?>a+)", "atomic group is not allowed"),
    (r"a*+", "possessive repeat is not allowed"),
    (r"(?P<x>a)?(?(x)b|c)", "is not allowed"),
    (r"[", "not a valid regular expression"),
])
def test_dangerous_or_unsupported_patterns_are_refused(pattern, reason):
    assert reason in problem(pattern)


def test_a_catalog_field_with_a_dangerous_pattern_does_not_validate():
    with pytest.raises(ValidationError, match="simplify it"):
        FormField(key="code", label="代码", type="text", pattern=r"^(a+)+$")


def test_values_longer_than_the_bound_never_reach_the_matcher():
    assert fullmatch(r"^\d+$", "1" * INPUT_MAX)
    assert not fullmatch(r"^\d+$", "1" * (INPUT_MAX + 1))
    field = FormField(key="code", label="代码", type="text", pattern=r"^\d+$")
    assert check_field(field, "1" * INPUT_MAX) is None
    assert check_field(field, "1" * (INPUT_MAX + 1)).zh == "格式不正确，请看下方说明"
