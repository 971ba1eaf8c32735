"""One masking rule for names and ID numbers, wherever they are shown or logged (kiosk and central)."""

from __future__ import annotations


def mask_id(value: str) -> str:
    """110105199001011234 -> 110105********1234."""
    v = value.strip()
    return "*" * len(v) if len(v) <= 10 else v[:6] + "*" * (len(v) - 10) + v[-4:]


def mask_name(value: str) -> str:
    """张三丰 -> 张**."""
    v = value.strip()
    return v[:1] + "*" * (len(v) - 1) if v else v
