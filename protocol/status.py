"""Case statuses as central records them and both sides word them (受理 / 审核中 / 待补正 / 办结 / 退回)."""

from __future__ import annotations

STATUSES = {
    "received": ("已受理", "Received"),
    "reviewing": ("审核中", "Under review"),
    "correction": ("待补正", "Correction needed"),
    "completed": ("已办结", "Completed"),
    "returned": ("已退回", "Returned"),
}
# statuses whose case carries the reason staff wrote for the citizen (what to correct, why it was returned)
WITH_REASON = frozenset({"correction", "returned"})
# longest reason a terminal shows: a few plain sentences, never a document
MAX_REASON = 500


def status_view(code: str) -> dict:
    zh, en = STATUSES[code]
    return {"status": code, "status_text": {"zh": zh, "en": en}}
