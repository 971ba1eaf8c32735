"""Use cases the UI calls: submit (durable enqueue -> tracking number), rate, query progress, queue status."""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass
from pathlib import Path

from kiosk.i18n import Problem, Text
from kiosk.presence import Citizen
from kiosk.queue_messages import SaveFailed, TrackingNumberError
from offline_queue.client import CentralClient
from offline_queue.config import CentralConfig, QueueConfig
from offline_queue.errors import CentralError, QueueError
from offline_queue.records import LocalCase
from offline_queue.store import QueueStore
from offline_queue.worker import SyncWorker
from protocol import tracking
from protocol.ratings import SCALE, TAGS, check_tags, is_bad
from protocol.signing import read_secret
from protocol.status import STATUSES

# the national 好差评 scale, best first; the score is what central stores
RATINGS = {score: Text(zh=zh, en=en) for score, (zh, en) in SCALE.items()}
# what a bad rating may say went wrong (protocol.ratings.TAGS), in the order the rating screen offers them
RATING_TAGS = {code: Text(zh=zh, en=en) for code, (zh, en) in TAGS.items()}

CENTRAL_STATUS = {code: Text(zh=zh, en=en) for code, (zh, en) in STATUSES.items()}

_LOCAL_STATE = {
    "pending": Text(zh="已保存在本机，网络恢复后自动上传", en="Saved on this terminal; it uploads when the network is back"),
    "sending": Text(zh="正在上传", en="Uploading"),
    "rejected": Text(zh="平台未接收此申请，请联系工作人员", en="The platform did not accept it; please ask staff"),
}

NOT_FOUND = Problem("progress.not_found",
                    citizen=Text(zh="没有找到该受理编号的办件，请核对后重试。",
                                 en="No application with that tracking number. Please check it and try again."),
                    technician="tracking number unknown locally and at central")
NOT_IDENTIFIED = Problem("progress.not_identified",
                         citizen=Text(zh="查询您名下的办件，请先放置身份证并完成人脸核验。",
                                      en="To see your applications, please place your ID card and pass the face "
                                         "check first."),
                         technician="cases by card asked for without a passed face check")


@dataclass(frozen=True)
class Submitted:
    tracking: str  # printed on the receipt; already durable when this returns
    record_id: str
    created_at: float


@dataclass(frozen=True)
class Progress:
    tracking: str
    source: str  # "central" or "local" (offline answer from this terminal's queue; say so on screen)
    status: str  # received | reviewing | completed | returned | pending | sending | rejected
    text: Text
    case_number: str | None = None
    service_code: str | None = None
    # central's words to the citizen with a correction request or a return: what to bring, why it was returned
    reason: str | None = None


class Submissions:
    """Collaborators come in through the constructor so tests pass real ones wired to a local central."""

    def __init__(self, store: QueueStore, client: CentralClient, worker: SyncWorker,
                 credentials_problem: str | None = None) -> None:
        self.store, self.client, self.worker = store, client, worker
        # receipt links are MACed under a key derived from it (protocol.receipt_link), minted offline too
        self.link_secret = client.secret
        self._credentials_problem = credentials_problem
        self._last_problem: Problem | None = None  # the last failed enqueue, for diagnostics

    def start(self) -> None:
        self.worker.start()

    def close(self) -> None:
        self.worker.close()
        self.client.close()
        self.store.close()

    def submit(self, service_code: str, form: dict, applicant: dict, face_check: dict | None = None,
               attachments: list[bytes] = (), evidence: bytes | None = None, agent: dict | None = None) -> Submitted:
        """Returns once the application is committed to disk; raises SaveFailed (with .problem) otherwise.

        `evidence`: the face check's matched frame (FaceCheckResult.evidence_jpeg, with [face] evidence = true),
        sealed in the queue as an attachment and named in the body as `face_evidence`. The face check's own
        "evidence" flag is set from what is really stored, so a record never claims evidence it lacks.

        `agent`: the helper who applies for the applicant (亲友代办), sent as the body's `agent`; None otherwise."""
        if face_check is not None and (evidence is not None or "evidence" in face_check):
            face_check = dict(face_check, evidence=evidence is not None)
        try:
            done = self.store.enqueue_submission(service_code, form, applicant, face_check, list(attachments),
                                                 evidence, agent=agent)
        except QueueError as exc:
            failed = SaveFailed(exc)
            self._last_problem = failed.problem
            raise failed from exc
        self._last_problem = None
        self.worker.wake()
        return Submitted(done.tracking, done.id, done.created_at)

    def rate(self, score: int, tracking_no: str | None = None, comment: str | None = None,
             tags: list[str] = ()) -> str:
        """Queues a rating; `tags` (RATING_TAGS codes) say what went wrong and go only with a bad score."""
        if score not in RATINGS:
            raise ValueError(f"score must be 1..5, got {score!r}")
        chosen = check_tags(list(tags))
        if chosen is None or any(t not in RATING_TAGS for t in chosen) or (chosen and not is_bad(score)):
            raise ValueError(f"tags {list(tags)!r} do not fit a score of {score}")
        body = {"tracking": tracking_no, "score": score, "comment": comment}
        if chosen:
            body["tags"] = chosen
        done = self.store.enqueue("rating", body)
        self.worker.wake()
        return done.id

    def record_event(self, name: str, details: dict | None = None) -> str:
        """Operational events for central (device faults, paper out); never personal data."""
        done = self.store.enqueue("event", {"name": name, "details": details or {}})
        self.worker.wake()
        return done.id

    def progress(self, typed: str) -> Progress:
        """Central's answer when reachable, else this terminal's own record labelled local.

        Raises TrackingNumberError for a mistyped number and LookupError(NOT_FOUND) when nobody knows it."""
        try:
            number = str(tracking.parse(typed))
        except tracking.TrackingNumberError as exc:
            raise TrackingNumberError(str(exc)) from None
        try:
            found = self.client.case(number)
        except CentralError:
            found = None
            offline = True
        else:
            offline = False
        if found is not None:
            return _from_central(found)
        local = self.store.lookup(number)
        if local is None:
            raise LookupError(NOT_FOUND) if not offline else LookupError(_offline_not_found())
        return _from_local(local)

    def progress_by_id_number(self, citizen: Citizen) -> list[Progress]:
        """All applications of the person whose card was read, once their face check passed (or staff verified
        them): central's, with a presence proof; this terminal's own records when central cannot answer.

        Raises LookupError(NOT_IDENTIFIED) without a passed check: a card alone is anyone's card."""
        if not citizen.passed:
            raise LookupError(NOT_IDENTIFIED)
        try:
            return [_from_central(c) for c in self.client.citizen_cases(citizen.proof(self.client))]
        except CentralError as exc:
            citizen.refused(exc)
        return [_from_local(c) for c in self.store.lookup_by_id_number(citizen.id_number)]

    def status(self) -> dict:
        """Diagnostics for maintenance staff: link, last success, depth by state, oldest pending age."""
        st = asdict(self.worker.status())
        try:
            fresh = self.store.stats()
            st.update(depth=fresh.depth, oldest_pending_age=fresh.oldest_pending_age, corrupt=fresh.corrupt,
                      quarantined=fresh.depth.get("rejected", 0))
            # asked afresh: a worker hung in an upload cannot report that itself
            stuck = self.worker.stuck_reason(fresh)
            if stuck:
                st.update(link="degraded", last_error=stuck)
        except QueueError as exc:
            st.update(link="degraded", last_error=exc.detail)
        if self._credentials_problem:
            st.update(link="degraded", last_error=self._credentials_problem)
        if self._last_problem is not None:
            st["enqueue_problem"] = {"code": self._last_problem.code, "technician": self._last_problem.technician}
        try:
            st["quarantine"] = self.store.quarantine()
        except QueueError as exc:
            st["quarantine"] = []
            st.update(link="degraded", last_error=exc.detail)
        return st


def _offline_not_found() -> Problem:
    return Problem("progress.offline_unknown",
                   citizen=Text(zh="网络暂时不通，本机没有该编号的记录，请稍后再查。",
                                en="The network is down and this terminal has no record of that number. "
                                   "Please try again later."),
                   technician="central unreachable and tracking number unknown locally")


def _from_central(case: dict) -> Progress:
    code = case["status"]
    reason = case.get("reason")
    return Progress(case["tracking"], "central", code, CENTRAL_STATUS.get(code, Text(zh=code, en=code)),
                    case.get("case_number"), case.get("service_code"),
                    (reason.strip() or None) if isinstance(reason, str) else None)


def _from_local(case: LocalCase) -> Progress:
    if case.state in ("acknowledged", "purged"):
        code = case.central_status or "received"
        text = CENTRAL_STATUS.get(code, CENTRAL_STATUS["received"])
    else:
        code = case.state
        text = _LOCAL_STATE[case.state]
    return Progress(case.tracking, "local", code, text, case.case_number, case.service_code)


def open_submissions(queue: QueueConfig, central: CentralConfig, terminal_id: str, base_dir: Path,
                     rng: random.Random | None = None) -> Submissions:
    """Build store + client + worker from configuration (relative paths are relative to base_dir)."""
    def here(p: str) -> Path:
        path = Path(p)
        return path if path.is_absolute() else base_dir / path

    store = QueueStore(here(queue.database), here(queue.key_file), terminal_id=terminal_id,
                       suite=queue.crypto_suite, retention_days=queue.retention_days,
                       rejected_retention_days=queue.rejected_retention_days)
    problem = None
    try:
        secret = read_secret(here(central.credentials_file))
    except (OSError, ValueError) as exc:
        # the queue still takes applications offline; diagnostics say why nothing uploads
        secret, problem = "", f"terminal secret unavailable: {exc}"
    mac_name = "hmac-sm3" if queue.crypto_suite.startswith("sm4") else "hmac-sha256"
    client = CentralClient(central.url, terminal_id, secret, mac_name=mac_name, timeout=central.timeout_seconds,
                           allow_plain_http_loopback=central.allow_plain_http_loopback,
                           ca_file=here(central.ca_file) if central.ca_file else None, pin_sha256=central.pin_sha256)
    worker = SyncWorker(store, client, interval=central.sync_interval_seconds, batch_size=central.batch_size,
                        backoff_base=central.backoff_base_seconds, backoff_cap=central.backoff_cap_seconds,
                        heartbeat_every=central.heartbeat_seconds, rng=rng,
                        stuck_after=queue.stuck_sending_minutes * 60)
    return Submissions(store, client, worker, credentials_problem=problem)


__all__ = ["Submissions", "Submitted", "Progress", "open_submissions", "RATINGS", "RATING_TAGS", "NOT_FOUND",
           "TrackingNumberError", "SaveFailed"]
