"""Applying for someone else (亲友代办): the applicant's details the helper types, checked, and how they are shown."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kiosk.i18n import Text
from kiosk.redact import mask_id_number, mask_name
from protocol.idnumber import IdNumberError, validate

# how the helper is related to the applicant, as recorded (the Chinese word) and shown
RELATIONS = {
    "配偶": Text("配偶", "Spouse"),
    "子女": Text("子女", "Son or daughter"),
    "父母": Text("父母", "Parent"),
    "其他亲属": Text("其他亲属", "Other relative"),
    "其他": Text("其他", "Other"),
}
MAX_NAME = 30
# Chinese names, names of minorities with the middle dot, and Latin letters for foreign-born relatives
_NAME = re.compile(r"^[\u3400-\u9fffA-Za-z][\u3400-\u9fffA-Za-z·.\- ]*$")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")

NAME_MISSING = Text("请输入申请人（被代办人）的姓名。", "Please type the name of the person you apply for.")
NAME_BAD = Text(f"姓名只能是文字，最多{MAX_NAME}个字。请按身份证上的写法输入。",
                f"A name is letters only, at most {MAX_NAME}. Please type it as on their ID card.")
ID_MISSING = Text("请输入申请人的身份证号。", "Please type their ID card number.")
ID_SHAPE = Text("身份证号是18位：17位数字，最后一位是数字或X。请核对后重新输入。",
                "An ID number has 18 characters: 17 digits, then a digit or X. Please check it and type it again.")
ID_WRONG = Text("这个身份证号不对（地区或出生日期不存在）。请对照身份证逐位核对。",
                "This ID number cannot be right (no such region or birth date). Please check it digit by digit.")
ID_CHECK = Text("身份证号最后一位（校验位）对不上，可能输错了一位。请对照身份证逐位核对。",
                "The last character (check digit) does not match: a digit may be mistyped. Please check it digit by "
                "digit against their ID card.")
ID_SELF = Text("这是您本人的身份证号。为自己办理，请返回选择“本人办理”。",
               "This is your own ID number. To apply for yourself, go back and choose \"Apply for myself\".")
RELATION_MISSING = Text("请选择您和申请人的关系。", "Please choose how you are related to them.")
PHONE_BAD = Text("手机号是11位数字，以1开头；也可以不填。", "A mobile number has 11 digits starting with 1; you may leave it empty.")
_ID_REASONS = {"length": ID_SHAPE, "chars": ID_SHAPE, "region": ID_WRONG, "birth": ID_WRONG, "check": ID_CHECK}


@dataclass(frozen=True)
class Principal:
    """The person a helper applies for: typed data, held in the visit only and never logged."""

    name: str
    id_number: str  # normalised (upper-case X)
    relation: str  # a key of RELATIONS
    phone: str = ""

    def mapping(self) -> dict[str, str]:
        """What forms.prefill reads, as a card read would give it: birth date and gender come from the number."""
        return {"name": self.name, "id_number": self.id_number, "birth_date": born(self.id_number),
                "gender": "男" if int(self.id_number[16]) % 2 else "女"}

    def applicant(self) -> dict:
        """The submission's applicant: the principal, marked as typed by a helper (not read from a card)."""
        phone = {"phone": self.phone} if self.phone else {}
        return {**self.mapping(), "kind": "resident", "source": "typed", **phone}


def born(id_number: str) -> str:
    return dt.date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14])).isoformat()


def check(name: str, id_number: str, relation: str, phone: str, helper_id_number: str,
          today: dt.date | None = None) -> tuple[Principal | None, dict[str, Text]]:
    """(the principal, {}) or (None, {field: message}) for fields name, id_number, relation, phone."""
    errors: dict[str, Text] = {}
    name, phone = " ".join(name.split()), phone.strip().replace(" ", "")
    if not name:
        errors["name"] = NAME_MISSING
    elif len(name) > MAX_NAME or not _NAME.match(name):
        errors["name"] = NAME_BAD
    number = id_number.strip().replace(" ", "").upper()
    if not number:
        errors["id_number"] = ID_MISSING
    else:
        try:
            number = validate(number, today=today)
        except IdNumberError as exc:
            errors["id_number"] = _ID_REASONS[exc.reason]
        else:
            if number == helper_id_number.strip().upper():
                errors["id_number"] = ID_SELF
    if relation not in RELATIONS:
        errors["relation"] = RELATION_MISSING
    if phone and not _MOBILE.match(phone):
        errors["phone"] = PHONE_BAD
    if errors:
        return None, errors
    return Principal(name, number, relation, phone), {}


def who_for_whom(helper_name: str, helper_id: str, principal: Principal) -> Text:
    """"代办人 张* 为 李** 申请" with masked ID numbers: the review screen is seen by whoever stands behind."""
    helper = (mask_name(helper_name), mask_id_number(helper_id))
    them = (mask_name(principal.name), mask_id_number(principal.id_number))
    relation = RELATIONS[principal.relation]
    return Text(f"代办人 {helper[0]}（{helper[1]}） 为 {them[0]}（{them[1]}） 申请，关系：{relation.zh}",
                f"Helper {helper[0]} ({helper[1]}) applies for {them[0]} ({them[1]}); relation: {relation.en}")
