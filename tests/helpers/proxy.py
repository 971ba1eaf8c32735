"""An invented person a helper applies for (亲友代办): typed details with a valid GB 11643 number; nobody real."""

from __future__ import annotations

PRINCIPAL_NAME = "钱样例"
PRINCIPAL_NUMBER = "110105193802140029"  # born 1938-02-14, a woman (17th digit even), check digit valid
WRONG_CHECK = PRINCIPAL_NUMBER[:17] + "1"  # one character off: the check digit no longer matches
PROXY_ITEM = "YL-002"  # 高龄津贴申领: lets a helper apply (catalog `proxy = true`)
SELF_ONLY_ITEM = "HY-003"  # 补领婚姻登记证: 当事人本人申请, no proxy
LETTER = "授权委托书"


def principal_fields(**changes) -> dict:
    """What the helper types on the principal screen."""
    return {"name": PRINCIPAL_NAME, "id_number": PRINCIPAL_NUMBER, "relation": "子女", "phone": "", **changes}

# as a kiosk's submission body carries them to central: the applicant typed by a helper, and the helper (card read)
PRINCIPAL = {"name": PRINCIPAL_NAME, "id_number": PRINCIPAL_NUMBER, "birth_date": "1938-02-14", "gender": "女",
             "kind": "resident", "source": "typed"}
HELPER = {"name": "孙测试", "id_number": "990101199001010035", "kind": "resident", "source": "idcard",
          "relation": "子女"}
