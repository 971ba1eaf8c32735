"""What every printer's use case shares: one job at a time on a worker, failed jobs kept as built for reprint,
the job in flight written to a print journal so a crash cannot lose it silently."""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from dataclasses import dataclass, field
from typing import Callable

from kiosk.i18n import Problem

log = logging.getLogger(__name__)

MAX_KEPT = 20  # failed jobs kept for reprint; the oldest goes first


@dataclass
class PrintJob:
    id: int
    layout: str
    title: str
    data: bytes = field(repr=False)  # the built bytes (ESC/POS, PDF): a reprint sends exactly what was promised
    created: float = field(default_factory=time.time)
    attempts: int = 0
    problem: Problem | None = None


Done = Callable[[PrintJob], None]
Failed = Callable[[PrintJob, Problem], None]


class JobKeeper:
    """The UI calls in from its thread; callbacks arrive on the worker thread (the bridge queues them).
    A subclass says how one job reaches its printer: `_deliver(job)` -> None when printed, else the Problem."""

    def __init__(self, worker_name: str) -> None:
        self._ids = itertools.count(1)
        self._failed: dict[int, PrintJob] = {}
        self._lock = threading.Lock()
        self._queue: queue.Queue = queue.Queue()
        self._worker = threading.Thread(target=self._run, name=worker_name, daemon=True)
        self._worker.start()
        self.journal = None  # kiosk.print_journal.PrintJournal, set once the queue (and its key) is open

    def _deliver(self, job: PrintJob) -> Problem | None:
        raise NotImplementedError

    def reprint(self, job_id: int, on_done: Done, on_failed: Failed) -> None:
        with self._lock:
            job = self._failed.get(job_id)
        if job is None:
            raise KeyError(f"no failed print job {job_id}")
        self._queue.put(lambda: self._send(job, on_done, on_failed))

    def reprint_unfinished(self, on_done: Done, on_failed: Failed) -> bool:
        """Staff mode: the job a crashed run left unfinished, sent again as built; False when there is none to send."""
        unfinished = self.journal.unfinished() if self.journal is not None else None
        if unfinished is None or not unfinished.data:
            return False
        job = PrintJob(next(self._ids), unfinished.layout, unfinished.title, unfinished.data)

        def done(job: PrintJob) -> None:
            self.journal.dismiss()
            on_done(job)

        self._queue.put(lambda: self._send(job, done, on_failed))
        return True

    def failed_jobs(self) -> list[PrintJob]:
        with self._lock:
            return sorted(self._failed.values(), key=lambda j: j.id)

    def discard(self, job_id: int) -> None:
        with self._lock:
            self._failed.pop(job_id, None)

    def wipe(self) -> None:
        """Forget kept jobs (staff action, or shutdown)."""
        with self._lock:
            gone, self._failed = list(self._failed), {}
        if self.journal is not None:  # the visitor left with the QR the screen showed instead
            for job_id in gone:
                self.journal.finished(job_id)

    def close(self, timeout: float = 5.0) -> None:
        self._queue.put(None)
        self._worker.join(timeout)

    def _run(self) -> None:
        while True:
            task = self._queue.get()
            if task is None:
                return
            try:
                task()
            except Exception:  # a callback that raises must not kill the worker for every later job
                log.exception("print task failed")

    def _send(self, job: PrintJob, on_done: Done, on_failed: Failed) -> None:
        job.attempts += 1
        if self.journal is not None:
            self.journal.begin(job.id, job.layout, job.title, job.data)
        problem = self._deliver(job)
        if problem is None:
            if self.journal is not None:
                self.journal.finished(job.id)
            with self._lock:
                self._failed.pop(job.id, None)
            job.problem = None
            on_done(job)
            return
        job.problem = problem
        with self._lock:
            self._failed[job.id] = job
            while len(self._failed) > MAX_KEPT:
                self._failed.pop(min(self._failed))
        log.warning("print job %s (%s) failed: %s", job.id, job.layout, problem.technician)
        on_failed(job, problem)
