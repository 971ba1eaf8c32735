"""Sync worker: a background thread draining the queue to central, with backoff and a status for diagnostics."""

from __future__ import annotations

import math
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from offline_queue.client import CentralClient
from offline_queue.errors import AuthRejected, CentralError, CorruptRecordError, QueueError
from offline_queue.records import Claimed, CorruptRecord, Outcome, QueueStats
from offline_queue.store import QueueStore


@dataclass(frozen=True)
class SyncStatus:
    """What the UI and diagnostics show; no personal data."""

    link: str = "offline"  # online | offline | degraded (central answers but refuses us, or the queue fails)
    last_success: float | None = None
    last_error: str | None = None
    depth: dict[str, int] = field(default_factory=dict)
    oldest_pending_age: float | None = None
    quarantined: int = 0
    corrupt: int = 0  # of the quarantined: records that could not be read back (reason 'corrupt')


COUNTS_EVERY = 1.0  # seconds: how stale the depth in the status may get while a backlog drains


def full_jitter(base: float, cap: float, attempts: int, rng: random.Random) -> float:
    """AWS-style full jitter: uniform(0, min(cap, base * 2**attempts)), so restarted terminals do not stampede."""
    return rng.uniform(0.0, min(cap, base * (2 ** min(attempts, 30))))


class SyncWorker:
    """Owns one thread; `wake()` after an enqueue makes it try at once instead of at the next interval."""

    def __init__(self, store: QueueStore, client: CentralClient, *, interval: float = 5.0, batch_size: int = 50,
                 backoff_base: float = 1.0, backoff_cap: float = 300.0, heartbeat_every: float = 60.0,
                 on_status: Callable[[SyncStatus], None] | None = None, rng: random.Random | None = None,
                 clock: Callable[[], float] = time.time, stuck_after: float = 900.0, beats=None) -> None:
        """beats: what the kiosk adds to each heartbeat, duck-typed (offline_queue knows nothing of devices):
        content() -> dict of extra fields, changed() -> bool (a state changed since the last beat), sent(beat)
        once central took one. Without it a beat carries the queue's figures only."""
        self.store, self.client = store, client
        self.interval, self.batch_size = interval, batch_size
        self.stuck_after = stuck_after  # seconds a record may stay 'sending' before the status is 'degraded'
        self.backoff_base, self.backoff_cap = backoff_base, backoff_cap
        self.heartbeat_every = heartbeat_every
        self._on_status = on_status
        self._rng = rng or random.Random()
        self._clock = clock
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._status = SyncStatus()
        self._status_lock = threading.Lock()
        self._link_failures = 0  # consecutive failed exchanges: drives the worker-level backoff
        self._last_heartbeat = 0.0
        self.beats = beats
        self._beat_asked = False  # beat_now(): send one this round, whatever the interval says
        self._unsent_at: float | None = None  # 'at' of the kept beat this process built (rebuilt, not resent)
        self._counted_at = -math.inf  # time.monotonic() of the status's last counts
        self.counts_every = COUNTS_EVERY

    # -- lifecycle -----------------------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="sync-worker", daemon=True)
            self._thread.start()

    def close(self, timeout: float = 15.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def wake(self) -> None:
        self._wake.set()

    def beat_now(self) -> None:
        """A heartbeat in the next round (a state changed); from any thread."""
        self._beat_asked = True
        self._wake.set()

    def status(self) -> SyncStatus:
        with self._status_lock:
            return self._status

    # -- loop ----------------------------------------------------------------------------------------------

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                more = self.sync_once()
            except Exception as exc:  # never let the thread die: the queue must keep draining after a glitch
                self._set(link="degraded", last_error=f"{type(exc).__name__}: {exc}"[:300])
                more = False
            if more and not self._stop.is_set():
                continue
            self._wake.wait(self._sleep_time())
            self._wake.clear()

    def _sleep_time(self) -> float:
        if self._link_failures:
            return full_jitter(self.backoff_base, self.backoff_cap, self._link_failures, self._rng)
        due = self.store.next_due()
        wait = self.interval
        if due is not None:
            wait = min(wait, max(0.0, due - self._clock()))
        return wait

    def _delay(self, attempts: int) -> float:
        return full_jitter(self.backoff_base, self.backoff_cap, attempts, self._rng)

    def sync_once(self) -> bool:
        """One round: purge, heartbeat, one batch. True when more work is due right away."""
        purge_error = None
        try:
            self.store.purge()
        except QueueError as exc:  # settled records keep their data a round longer; new ones must still go out
            purge_error = f"purge failed: {exc.detail}"
        corrupt: list[CorruptRecord] = []  # quarantined this round: reported, the rest of the batch goes on
        claimed = self.store.claim(self.batch_size, on_corrupt=corrupt.append)
        taken = len(claimed) + len(corrupt)
        try:
            if claimed:
                self._send(claimed, corrupt)
            self._maybe_heartbeat()
        except AuthRejected as exc:
            self._failed(claimed, str(exc), link="degraded")
            return False
        except CentralError as exc:
            self._failed(claimed, str(exc), link="offline" if exc.transient else "degraded")
            return False
        except QueueError as exc:
            self._failed(claimed, exc.detail, link="degraded")
            return False
        self._link_failures = 0
        more = taken == self.batch_size
        # while a backlog drains (full batches back to back, more due at once) the counts shown are refreshed at
        # most every counts_every seconds: each count is a pass over the whole table, as costly as sending a batch.
        # The round that empties the queue counts afresh.
        counts = (not more or bool(corrupt) or time.monotonic() - self._counted_at >= self.counts_every
                  or not self.store.due_now())
        self._set(counts=counts, link="online", last_success=self._clock(),
                  last_error=_corrupt_note(corrupt) or purge_error)
        return more

    def stuck_reason(self, st: QueueStats) -> str | None:
        """Why the status must say 'degraded' when records sit in 'sending' far longer than any upload takes."""
        age = st.oldest_sending_age
        if age is None or age <= self.stuck_after:
            return None
        return (f"{st.depth.get('sending', 0)} record(s) stuck in 'sending' for {age / 60:.0f} min (limit "
                f"{self.stuck_after / 60:g} min): an upload hangs or the sync worker stopped; restarting the kiosk "
                f"returns them to pending")

    def _failed(self, claimed: list[Claimed], error: str, link: str) -> None:
        self._link_failures += 1
        if claimed:
            self.store.postpone([c.seq for c in claimed], error, self._delay)
        self._set(link=link, last_error=error[:300])

    def _send(self, claimed: list[Claimed], corrupt: list[CorruptRecord]) -> None:
        ready = []
        for record in claimed:
            try:
                self._upload_blobs(record)
            except CorruptRecordError as exc:  # its attachment does not decrypt: quarantined, not contagious
                corrupt.append(self.store.reject_corrupt(record, exc.what))
            else:
                ready.append(record)
        if not ready:
            return
        items = [{"id": c.id, "seq": c.seq, "kind": c.kind, "body": c.body} for c in ready]
        results = self.client.submit_batch(items)
        seq_of = {c.id: c.seq for c in ready}
        self.store.settle([Outcome(seq_of[r["id"]], r["id"], r["result"], r.get("case_number"), r.get("status"),
                                   r.get("reason")) for r in results])

    def _upload_blobs(self, record: Claimed) -> None:
        for sha in record.blobs:
            if not self.store.blob_needs_upload(sha):
                continue
            # content-addressed: skip what central already holds (another terminal, an earlier run)
            if not self.client.blob_exists(sha):
                self.client.put_blob(sha, self.store.blob_data(sha))
            self.store.mark_blob_uploaded(sha)

    def _maybe_heartbeat(self) -> None:
        """Every heartbeat_every seconds and on every state change. One that fails is kept in the queue database
        (the newest only: a later beat replaces it) and is the first sent once central answers, even after a
        restart; the round after it sends what is due now."""
        now = self._clock()
        kept = self.store.pending_heartbeat()
        if kept is not None and kept.get("at") != self._unsent_at:  # built before this process: as it was
            self._send_beat(kept)
            return
        changed = self.beats is not None and self.beats.changed()
        if not (changed or self._beat_asked or kept is not None or now - self._last_heartbeat >= self.heartbeat_every):
            return
        if changed or self._beat_asked:
            reason = "change"
        else:  # a kept beat of ours is built afresh with its reason (the newest only)
            reason = kept["reason"] if kept is not None else "start" if not self._last_heartbeat else "interval"
        beat = self._beat(now, reason)
        self.store.keep_heartbeat(beat)
        self._unsent_at = now
        self._beat_asked = False
        self._send_beat(beat)
        self._last_heartbeat = now

    def _send_beat(self, beat: dict) -> None:
        self.client.heartbeat(beat)
        self.store.keep_heartbeat(None)
        self._unsent_at = None
        if self.beats is not None:
            self.beats.sent(beat)

    def _beat(self, now: float, reason: str) -> dict:
        st = self.store.stats()
        beat = {"at": now, "reason": reason, "depth": st.depth, "oldest_pending_age": st.oldest_pending_age,
                "quarantined": st.depth.get("rejected", 0), "last_sync": self.status().last_success}
        if self.beats is not None:
            beat.update(self.beats.content())
        return beat

    def _set(self, counts: bool = True, **changes) -> None:
        """The status with these changes; counts: with the queue's depth and ages counted afresh."""
        if counts:
            try:
                st = self.store.stats()
                self._counted_at = time.monotonic()
                changes.update(depth=st.depth, oldest_pending_age=st.oldest_pending_age,
                               quarantined=st.depth.get("rejected", 0), corrupt=st.corrupt)
                stuck = self.stuck_reason(st)
                if stuck:
                    changes.update(link="degraded", last_error=stuck)
            except QueueError as exc:
                changes.update(link="degraded", last_error=exc.detail)
        with self._status_lock:
            self._status = replace(self._status, **changes)
            status = self._status
        if self._on_status is not None:
            self._on_status(status)


def _corrupt_note(corrupt: list[CorruptRecord]) -> str | None:
    """The round's quarantined records by sequence number and kind of damage (nothing personal)."""
    if not corrupt:
        return None
    listed = ", ".join(f"{bad.seq} ({bad.what})" for bad in corrupt[:10])
    return f"{len(corrupt)} record(s) quarantined as corrupt, seq {listed}; an event record reports them to central"
