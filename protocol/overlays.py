"""Configuration overlays: the kiosk.toml keys central may set from afar, checked by central when an overlay is
published and again by the terminal that receives it (docs/config-overlays.md says why each key is or is not here)."""

from __future__ import annotations

import tomllib

MAX_BYTES = 16_384  # an overlay is a handful of keys; anything near this size is a mistake
# section -> keys an overlay may set. Never: the terminal's identity, credentials, central's address and pins,
# devices, paths and key files, face-check thresholds, data retention, staff PINs (a compromised central must
# not be able to weaken a check, keep citizen data longer, or cut the terminal off from its operators)
OVERLAYABLE: dict[str, tuple[str, ...]] = {
    "display": ("idle_timeout_seconds", "idle_warning_seconds", "elderly_idle_timeout_seconds"),
    "locale": ("language", "voice_prompts", "voice_volume", "voice_rate"),
    "logging": ("level",),
    "catalog": ("most_used", "search_limit", "update_interval_minutes", "tickets_reset_hour"),
    "central": ("timeout_seconds", "sync_interval_seconds", "backoff_base_seconds", "backoff_cap_seconds",
                "batch_size", "heartbeat_seconds"),
    "queue": ("stuck_sending_minutes",),
    "hours": ("open", "days", "closed_dates", "nightly_restart"),
}


class OverlayRefused(ValueError):
    """An overlay that must not be published or applied; the message is the reason, for staff and the heartbeat."""


def parse(text: str) -> dict:
    """The overlay's tables, or OverlayRefused naming every key that may not be set remotely. "" is the empty
    overlay: the terminal runs its own kiosk.toml as it is."""
    if not isinstance(text, str):
        raise OverlayRefused("an overlay is TOML text")
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise OverlayRefused(f"overlay larger than {MAX_BYTES} bytes")
    if "\x00" in text:
        raise OverlayRefused("overlay contains a NUL character")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise OverlayRefused(f"not TOML: {e}") from None
    problems = []
    for section, table in data.items():
        allowed = OVERLAYABLE.get(section)
        if allowed is None:
            problems.append(f"[{section}] may not be set remotely")
            continue
        if not isinstance(table, dict):
            problems.append(f"{section}: must be a table ([{section}])")
            continue
        for key, value in table.items():
            if key not in allowed:
                problems.append(f"{section}.{key} may not be set remotely")
            elif isinstance(value, dict):
                problems.append(f"{section}.{key}: a value, not a table")
    if problems:
        raise OverlayRefused("; ".join(problems))
    return data
