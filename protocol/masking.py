"""One masking rule for names, ID numbers and tracking numbers, wherever they are shown or logged (kiosk and
central)."""

from __future__ import annotations

import re

# a tracking number anywhere in a text (protocol.tracking's form): terminal, date, sequence, check character
_TRACKING = re.compile(r"(?<![A-Za-z0-9-])([A-Za-z0-9][A-Za-z0-9-]{0,15})-(\d{8})-(\d{4,8})(\d{2})-([0-9A-Za-z])"
                       r"(?![A-Za-z0-9])")


def mask_id(value: str) -> str:
    """110105199001011234 -> 110105********1234."""
    v = value.strip()
    return "*" * len(v) if len(v) <= 10 else v[:6] + "*" * (len(v) - 10) + v[-4:]


def mask_address(value: str) -> str:
    """北京市朝阳区示例街道幸福里8号 -> 北京市朝阳区****: the district says where, the rest would find the door."""
    v = value.strip()
    for unit in "区县旗":
        end = v.find(unit, 0, 14)
        if end > 0:
            return v[: end + 1] + "****"
    end = v.rfind("市", 0, 10)
    return (v[: end + 1] + "****") if end > 0 else ("****" if v else v)


def mask_name(value: str) -> str:
    """张三丰 -> 张**."""
    v = value.strip()
    return v[:1] + "*" * (len(v) - 1) if v else v


def mask_tracking(text: str) -> str:
    """Every tracking number in `text`: SIM-0001-20261123-000042-7 -> SIM-0001-********-****42-7. The terminal and
    the last digits still tell staff which application a line is about; the number no longer opens it."""
    return _TRACKING.sub(lambda m: f"{m[1]}-{'*' * 8}-{'*' * len(m[3])}{m[4]}-{m[5]}", text)
