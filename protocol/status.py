"""Case statuses as central records them and both sides word them (受理 / 审核中 / 办结 / 退回)."""

from __future__ import annotations

STATUSES = {
    "received": ("已受理", "Received"),
    "reviewing": ("审核中", "Under review"),
    "completed": ("已办结", "Completed"),
    "returned": ("已退回", "Returned"),
}


def status_view(code: str) -> dict:
    zh, en = STATUSES[code]
    return {"status": code, "status_text": {"zh": zh, "en": en}}
