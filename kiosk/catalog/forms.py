"""Form schema at work: pre-filling fields from the ID card and checking what the citizen typed."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Mapping, Sequence

from kiosk.i18n import Text
from protocol import catalog_patterns as patterns
from protocol.catalog_schema import FormField

Value = str | list[str] | bool | None

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_number_valid(value: str) -> bool:
    """GB 11643: 17 digits, then the ISO 7064 MOD 11-2 check character; the embedded birth date must exist."""
    if len(value) != 18 or not value[:17].isdigit():
        return False
    try:
        born = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return False
    if born.year < 1900 or born > date.today():
        return False
    total = sum(int(d) * w for d, w in zip(value[:17], _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == value[17].upper()


def prefill(fields: Sequence[FormField], card: Mapping[str, str]) -> dict[str, str]:
    """Values for the fields filled from the ID card.

    `card` uses the prefill names: name, gender (男/女), nation (汉), birth_date (YYYY-MM-DD), address, id_number.
    """
    out = {}
    for f in fields:
        if f.prefill and card.get(f.prefill):
            value = card[f.prefill]
            if f.type == "choice" and value not in f.choices:
                continue  # e.g. gender 未说明 on a 男/女 field: let the citizen choose rather than guess
            out[f.key] = value
    return out


def _msg(zh: str, en: str) -> Text:
    return Text(zh, en)


def check_field(field: FormField, value: Value) -> Text | None:
    """None if the value is acceptable, else a plain message for the citizen."""
    if value is None or value == "" or value == []:
        if not field.required:
            return None
        # a citizen chooses a button; only a field is filled in
        if field.type == "bool":
            return _msg("请选择是或否", "Please choose yes or no")
        if field.type == "multi_choice":
            return _msg("请至少选择一项", "Please choose at least one")
        if field.type == "choice":
            return _msg("请选择一项", "Please choose one")
        return _msg("请填写此项", "Please fill in this field")
    t = field.type
    if t == "multi_choice":
        chosen = value if isinstance(value, list) else [value]
        if any(v not in field.choices for v in chosen):
            return _msg("请从列表中选择", "Please choose from the list")
        return None
    if t == "bool":
        return None if isinstance(value, bool) or value in ("true", "false") else _msg("请选择是或否", "Please choose yes or no")
    if not isinstance(value, str):
        return _msg("填写内容有误", "This value is not valid")
    v = value.strip()
    if field.min_length is not None and len(v) < field.min_length:
        return _msg(f"至少填写{field.min_length}个字", f"At least {field.min_length} characters")
    if field.max_length is not None and len(v) > field.max_length:
        return _msg(f"最多填写{field.max_length}个字", f"At most {field.max_length} characters")
    problem = _check_type(field, v)
    if problem is None and field.pattern and not patterns.fullmatch(field.pattern, v):
        problem = _msg("格式不正确，请看下方说明", "Wrong format; see the hint below")
    return problem


def _check_type(field: FormField, v: str) -> Text | None:
    t = field.type
    if t == "choice":
        return None if v in field.choices else _msg("请从列表中选择", "Please choose from the list")
    if t == "phone":
        ok = _MOBILE.match(v) or _LANDLINE.match(v)
        return None if ok else _msg("请填写11位手机号码或带区号的固定电话", "Enter an 11-digit mobile or a landline with area code")
    if t == "id_number":
        return None if id_number_valid(v) else _msg("身份号码不正确，请核对", "This ID number is not valid; please check it")
    if t == "date":
        try:
            date.fromisoformat(v)
        except ValueError:
            return _msg("请选择正确的日期", "Please choose a valid date")
        return None
    if t == "email":
        return None if _EMAIL.match(v) else _msg("邮箱地址格式不正确", "This e-mail address is not valid")
    if t == "postcode":
        return None if re.fullmatch(r"\d{6}", v) else _msg("邮政编码是6位数字", "A postcode has 6 digits")
    if t == "bank_account":
        return None if re.fullmatch(r"\d{12,19}", v) else _msg("银行卡号是12到19位数字", "A bank card number has 12 to 19 digits")
    if t in ("number", "money"):
        try:
            n = Decimal(v)
        except InvalidOperation:
            return _msg("请填写数字", "Please enter a number")
        if not n.is_finite() or (t == "number" and n != n.to_integral_value()):
            return _msg("请填写整数", "Please enter a whole number")
        if t == "money" and n.as_tuple().exponent < -2:
            return _msg("金额最多保留两位小数", "At most two decimals")
        if field.minimum is not None and n < field.minimum:
            return _msg(f"不能小于{field.minimum}", f"Must be at least {field.minimum}")
        if field.maximum is not None and n > field.maximum:
            return _msg(f"不能大于{field.maximum}", f"Must be at most {field.maximum}")
    return None


def check_form(fields: Sequence[FormField], values: Mapping[str, Value]) -> dict[str, Text]:
    """Problems by field key; empty when the form can be submitted. Unknown keys are a programming error."""
    known = {f.key for f in fields}
    unknown = set(values) - known
    if unknown:
        raise KeyError(f"values for fields not in the form: {sorted(unknown)}")
    out = {}
    for f in fields:
        problem = check_field(f, values.get(f.key))
        if problem is not None:
            out[f.key] = problem
    return out
