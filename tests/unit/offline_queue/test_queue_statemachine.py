"""Property test: any interleaving of enqueue, claim, answers, failures, purges and restarts loses nothing."""

import shutil
import tempfile
from pathlib import Path

from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from offline_queue.store import Outcome
from tests.helpers.central import invented_applicant, make_store


class Clock:
    t = 1_790_000_000.0

    def __call__(self):
        return self.t


class QueueMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="queue-sm-"))
        self.clock = Clock()
        self.store = make_store(self.dir, clock=self.clock, retention_days=1)
        self.model: dict[str, str] = {}  # id -> expected state
        self.tracking: dict[str, str] = {}
        self.in_flight: list = []

    def teardown(self):
        self.store.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    @rule(i=st.integers(0, 50), attach=st.booleans())
    def enqueue(self, i, attach):
        made = self.store.enqueue_submission("gjj.withdraw", {"i": i}, invented_applicant(i), None,
                                             [bytes([i]) * 10] if attach else [])
        self.model[made.id] = "pending"
        self.tracking[made.id] = made.tracking

    @rule(n=st.integers(1, 5))
    def claim(self, n):
        got = self.store.claim(n)
        for c in got:
            assert self.model[c.id] == "pending"
            assert c.body["tracking"] == self.tracking[c.id]
            self.model[c.id] = "sending"
        self.in_flight += got

    @precondition(lambda self: self.in_flight)
    @rule(kind=st.sampled_from(["accepted", "duplicate", "rejected", "network"]), k=st.integers(1, 5))
    def answer(self, kind, k):
        batch, self.in_flight = self.in_flight[:k], self.in_flight[k:]
        if kind == "network":
            self.store.postpone([c.seq for c in batch], "ConnectError", lambda attempts: 0.0)
            new = "pending"
        else:
            self.store.settle([Outcome(c.seq, c.id, kind, "C1", "received", "why") for c in batch])
            new = "rejected" if kind == "rejected" else "acknowledged"
        for c in batch:
            self.model[c.id] = new

    @rule()
    def restart(self):
        self.store.close()
        self.store = make_store(self.dir, clock=self.clock, retention_days=1)
        for c in self.in_flight:
            self.model[c.id] = "pending"
        self.in_flight = []

    @rule(days=st.sampled_from([0.5, 2]))
    def time_passes_and_purge(self, days):
        self.clock.t += days * 86400
        self.store.purge()
        for rid, state in self.model.items():
            if state == "acknowledged":
                acked = self.store.lookup(self.tracking[rid])
                if acked.state == "purged":
                    self.model[rid] = "purged"

    @invariant()
    def states_match(self):
        depth = self.store.stats().depth
        for state in ("pending", "sending", "acknowledged", "rejected", "purged"):
            assert depth[state] == sum(1 for s in self.model.values() if s == state), (state, depth)

    @invariant()
    def every_tracking_number_answers(self):
        for rid, tr in list(self.tracking.items())[-5:]:
            assert self.store.lookup(tr).state == self.model[rid]


QueueMachine.TestCase.settings = settings(max_examples=40, stateful_step_count=30, deadline=None)
TestQueueMachine = QueueMachine.TestCase
