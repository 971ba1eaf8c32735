"""What the queue answers about its own records: local progress and cases, quarantine, staff views, the kept
heartbeat and the figures for diagnostics (a part of QueueStore, which holds the connection and the keys)."""

from __future__ import annotations

import json

from offline_queue.records import LocalCase, QueueStats
from protocol import tracking

STATES = ("pending", "sending", "acknowledged", "rejected", "purged")


class LocalRecords:
    """Mixed into QueueStore: reads through its _read, writes through its _write, under its _lock."""

    def _case(self, row: tuple) -> LocalCase:
        return LocalCase(*row)

    _CASE_COLS = "tracking, service_code, state, created_at, case_number, central_status, reject_reason"

    def lookup(self, tracking_no: str) -> LocalCase | None:
        try:
            seq = tracking.parse(tracking_no).seq
        except ValueError:
            return None
        rows = self._read(f"SELECT {self._CASE_COLS} FROM records WHERE seq=? AND tracking=?", (seq, tracking_no))
        return self._case(rows[0]) if rows else None

    def lookup_by_id_number(self, id_number: str) -> list[LocalCase]:
        rows = self._read(f"SELECT {self._CASE_COLS} FROM records WHERE id_hash IN (?,?) ORDER BY seq",
                          self._id_hashes(id_number))
        return [self._case(r) for r in rows]

    def quarantine(self) -> list[dict]:
        """Rejected records for staff: ids, tracking numbers, reasons, and whether the personal part is purged."""
        rows = self._read("SELECT id, kind, tracking, reject_reason, created_at, rejected_at, purged_at IS NOT NULL, seq"
                          " FROM records WHERE state='rejected' ORDER BY seq")
        return [dict(zip(("id", "kind", "tracking", "reason", "created_at", "rejected_at"), r[:6]), purged=bool(r[6]),
                     seq=r[7]) for r in rows]

    def keep_heartbeat(self, beat: dict | None) -> None:
        """The newest heartbeat central has not taken yet (None: it took it); only the newest is worth keeping."""
        with self._write("keep heartbeat") as c:
            if beat is None:
                c.execute("DELETE FROM meta WHERE key='heartbeat'")
            else:
                c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('heartbeat', ?)", (json.dumps(beat),))

    def pending_heartbeat(self) -> dict | None:
        rows = self._read("SELECT value FROM meta WHERE key='heartbeat'")
        try:
            return json.loads(rows[0][0]) if rows else None
        except ValueError:  # not ours to mend: a fresh beat replaces it
            return None

    def recent_submissions(self, limit: int = 20) -> list[dict]:
        """The newest submissions for staff (reprint a receipt): no personal data, only whether it is still held."""
        rows = self._read("SELECT seq, id, tracking, service_code, state, created_at, payload IS NOT NULL FROM records"
                          " WHERE kind='submission' ORDER BY seq DESC LIMIT ?", (limit,))
        return [dict(zip(("seq", "id", "tracking", "service_code", "state", "created_at"), r[:6]), held=bool(r[6]))
                for r in rows]

    def retry_rejected(self, seq: int, record_id: str) -> bool:
        """Staff send one quarantined record again (central was fixed); never a corrupt or purged one."""
        with self._lock:
            with self._write("retry rejected") as c:
                moved = c.execute("UPDATE records SET state='pending', attempts=0, next_attempt_at=0, last_error=NULL,"
                                  " reject_reason=NULL, rejected_at=NULL WHERE seq=? AND id=? AND state='rejected'"
                                  " AND payload IS NOT NULL AND reject_reason IS NOT 'corrupt'",
                                  (seq, record_id)).rowcount
            if moved:
                self._low = min(self._low, seq)
        return bool(moved)

    def stats(self) -> QueueStats:
        st = QueueStats(depth={s: 0 for s in STATES})
        for state, corrupt, n in self._read("SELECT state, reject_reason='corrupt', COUNT(*) FROM records"
                                            " GROUP BY 1, 2"):
            st.depth[state] = st.depth.get(state, 0) + n
            if corrupt:
                st.corrupt += n
        oldest = self._read("SELECT created_at FROM records WHERE seq>=? AND state IN ('pending','sending')"
                            " ORDER BY seq LIMIT 1", (self._low,))
        oldest = oldest[0][0] if oldest else None
        st.oldest_pending_age = None if oldest is None else max(0.0, self._clock() - oldest)
        claimed = self._read("SELECT MIN(claimed_at) FROM records WHERE seq>=? AND state='sending'", (self._low,))[0][0]
        st.oldest_sending_age = None if claimed is None else max(0.0, self._clock() - claimed)
        last = self._read("SELECT last_error FROM records WHERE state='pending' AND last_error IS NOT NULL"
                          " ORDER BY next_attempt_at DESC LIMIT 1")
        st.last_error = last[0][0] if last else None
        return st
