"""Staff mode's view of the offline queue: counts, oldest pending, quarantine with reasons, retry, sync now, reprint."""

from __future__ import annotations

import time
from dataclasses import dataclass

from kiosk.application import check_material, identity_lines, progress_hint
from kiosk.redact import mask_tracking
from protocol import receipt_link


class NotHeld(LookupError):
    """The record is unknown, or its personal part is purged: there is nothing to reprint from."""


@dataclass(frozen=True)
class QueueView:
    link: str
    last_success: float | None
    last_error: str | None
    depth: dict[str, int]
    oldest_pending_age: float | None
    quarantined: list[dict]  # seq, id, kind, tracking (masked), reason, rejected_at, purged, retryable
    recent: list[dict]  # seq, id, tracking (masked), service_code, state, created_at, held

    def as_dict(self) -> dict:
        return {"link": self.link, "last_success": self.last_success, "last_error": self.last_error,
                "depth": self.depth, "oldest_pending_age": self.oldest_pending_age,
                "quarantined": self.quarantined, "recent": self.recent}


def view(submissions, recent: int = 10) -> QueueView:
    """Everything masked: tracking numbers open applications at central, so staff see only their last digits."""
    st = submissions.status()
    held = [dict(q, tracking=mask_tracking(q["tracking"] or ""), retryable=not q["purged"] and q["reason"] != "corrupt")
            for q in st.get("quarantine", [])]
    newest = [dict(r, tracking=mask_tracking(r["tracking"] or "")) for r in submissions.store.recent_submissions(recent)]
    return QueueView(st.get("link", "?"), st.get("last_success"), st.get("last_error"), st.get("depth") or {},
                     st.get("oldest_pending_age"), held, newest)


def retry(submissions, seq: int, record_id: str) -> bool:
    """One quarantined record back to pending, and the worker woken to send it now."""
    moved = submissions.store.retry_rejected(seq, record_id)
    if moved:
        submissions.worker.wake()
    return moved


def sync_now(submissions) -> None:
    submissions.worker.wake()


def receipt_data(submissions, catalog, seq: int, record_id: str, now: float | None = None,
                 public_url: str = "") -> dict:
    """The submission receipt again, from the record the queue still holds (the template masks name and number)."""
    record = next((r for r in submissions.store.recent_submissions(1000) if r["seq"] == seq and r["id"] == record_id),
                  None)
    body = submissions.store.read_body(seq) if record is not None and record["held"] else None
    if body is None:
        raise NotHeld("the record is unknown or its personal part was purged after central acknowledged it")
    guide = catalog.guide(body["service_code"])
    applicant = body.get("applicant") or {}
    pages = len([a for a in body.get("attachments", []) if a != body.get("face_evidence")])
    return {
        "service_name": guide.name,
        "tracking_number": body["tracking"],
        "progress_qr": receipt_link.progress_url(public_url, body["tracking"], submissions.link_secret),
        "applicant_name": applicant.get("name", ""),
        "id_number": applicant.get("id_number", ""),
        "materials": ["申请表（本机填写）", *identity_lines(body.get("agent")), check_material(body.get("face_check"))]
                     + ([f"材料照片{pages}张（本机拍摄）"] if pages else []),
        "submitted_at": time.strftime("%Y-%m-%d %H:%M", time.localtime(body["created_at"]))
                        + time.strftime("（补打 %m-%d %H:%M）", time.localtime(now or time.time())),
        "promised_date": guide.promised.zh,
        "progress_hint": progress_hint(public_url),
    }
