"""Masking of personal identifiers in text bound for logs and diagnostics."""

from __future__ import annotations

import re
import threading

# one masking rule for the whole product, kiosk and central
from protocol.masking import (mask_address, mask_id as mask_id_number, mask_name,  # noqa: F401 (re-exported)
                              mask_tracking)

# 18-character resident ID numbers (last may be X) and the old 15-digit form; not inside longer digit runs
_ID18 = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])")
_ID15 = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{6})(\d{3})(?![0-9A-Za-z])")
# mainland mobile numbers
_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")


class Redactor:
    """Masks identifier patterns (ID, phone and tracking numbers), plus the exact names and addresses of whoever is
    at the terminal now."""

    def __init__(self) -> None:
        self._secrets: dict[str, str] = {}
        self._lock = threading.Lock()

    def remember(self, value: str, kind: str = "name") -> None:
        """Called when personal data enters the session, so free text that repeats it is masked too."""
        v = (value or "").strip()
        if len(v) < 2:
            return
        masked = mask_name(v) if kind == "name" else "*" * min(len(v), 8)
        with self._lock:
            self._secrets[v] = masked

    def forget_all(self) -> None:
        with self._lock:
            self._secrets.clear()

    def __call__(self, text: str) -> str:
        text = mask_tracking(text)
        text = _ID18.sub(lambda m: m.group(1) + "*" * 8 + m.group(3), text)
        text = _ID15.sub(lambda m: m.group(1) + "*" * 6 + m.group(3), text)
        text = _MOBILE.sub(lambda m: m.group(1) + "****" + m.group(3), text)
        with self._lock:
            secrets = sorted(self._secrets.items(), key=lambda kv: -len(kv[0]))
        for value, masked in secrets:
            text = text.replace(value, masked)
        return text


REDACTOR = Redactor()
