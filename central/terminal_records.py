"""Terminals and their nonces as central stores them: registration, sites, the sealed secrets each process keeps
unsealed, and the nonce spent with each signed request. A part of CentralStore (central/storage.py)."""

from __future__ import annotations

import json

from sqlalchemy import Connection, select, update

from central import queue_indexes, statements as st
from central.schema import terminals
from central.sealing import Unsealable

_NONCE_PRUNE_EVERY = 60.0
# how many timestamp windows a spent nonce is kept, by the clock of whichever node prunes. A request is accepted
# within one window of the spending node's clock and again within one window of the replaying node's: two windows
# if every node kept the same time, and the third lets the nodes of one database differ by up to a window (keep
# them on NTP: beyond that a replay near the window's edge could find its nonce pruned)
_NONCE_KEPT_WINDOWS = 3
_SECRETS_KEPT = 100_000  # terminals whose unsealed secret a process keeps (then it starts again)


class SecretChanged(Exception):
    """The terminal's stored secret is not the one a request was checked with (re-keyed or removed since this
    process read it); nothing was spent."""


class TerminalRecords:
    """Uses the store's _read/_write/_retrying, _sealer, _clock, and its _secrets and _pruned (set in its __init__)."""

    def add_terminal(self, terminal: str, secret: str, site: str | None = None) -> None:
        """Register (or re-key) a terminal; a re-key without `site` keeps the site it had."""
        sealed = self._sealer.seal_text(secret, f"terminal:{terminal}")
        changes = {"secret": sealed} if site is None else {"secret": sealed, "site": site}

        def register(c: Connection) -> None:
            moved = site is not None and c.execute(select(terminals.c.site).where(
                terminals.c.id == terminal)).scalar_one_or_none() not in (None, site)
            st.upsert(c, terminals, {"id": terminal, "secret": sealed, "created_at": self._clock(), "site": site},
                    ["id"], dict(changes, queue_index=None) if moved else changes)
            queue_indexes.place(c, terminal)

        self._retrying(register)
        self._secrets.pop(terminal, None)  # other processes see the new row in their next use_nonce

    def set_site(self, terminal: str, site: str | None) -> bool:
        """Move a terminal to `site` (None: no site); False when no such terminal is registered."""
        def move(c: Connection) -> bool:
            current = c.execute(select(terminals.c.site).where(terminals.c.id == terminal)).first()
            if current is None:
                return False
            if current.site != site:  # a new hall: the index it had there is not its index here
                c.execute(update(terminals).where(terminals.c.id == terminal).values(site=site, queue_index=None))
            queue_indexes.place(c, terminal)
            return True

        return self._retrying(move)

    def secret_of(self, terminal: str) -> str | None:
        with self._read() as c:
            sealed = c.execute(st.SECRET, {"terminal": terminal}).scalar()
        return self._open_secret(terminal, sealed)

    def known_secret(self, terminal: str) -> str | None:
        """The secret this process last read for `terminal`, without asking the database (None: never read). Only
        a request's first check: use_nonce(secret=) refuses it if the database holds another one by then."""
        known = self._secrets.get(terminal)
        return known[1] if known else None

    def _open_secret(self, terminal: str, sealed: str | None) -> str | None:
        known = self._secrets.get(terminal)
        if sealed is not None and known is not None and known[0] == sealed:
            return known[1]  # the row is what it was when this process unsealed it
        self._secrets.pop(terminal, None)
        if sealed is None:
            return None
        try:
            secret = self._sealer.open_text(sealed, f"terminal:{terminal}")
        except Unsealable:
            return None  # a row copied from another terminal (or another database) signs nothing
        if len(self._secrets) >= _SECRETS_KEPT:
            self._secrets.clear()
        self._secrets[terminal] = (sealed, secret)
        return secret

    def use_nonce(self, terminal: str, nonce: str, window: float, secret: str | None = None) -> bool:
        """False when this nonce was already seen inside the window (a replay). The primary key decides: no lock
        of ours, so terminals never wait for each other here. With `secret` (what the request's signature was
        checked with): SecretChanged, and the nonce stays unspent, when the terminal's row holds another secret
        now or is gone; this is the database's word on the secret in the transaction that spends the nonce."""
        now = self._clock()
        values = {"terminal": terminal, "nonce": nonce, "ts": now}
        with self._write() as c:
            spend = st.SPEND_NONCE[c.dialect.name]
            if spend is not None:  # one statement: the nonce, the terminal's last_seen and its secret
                row = c.execute(spend, values).first()
                if row is None:
                    return False
                sealed = row[1]
            else:
                if c.execute(st.NEW_NONCE, values).first() is None:
                    return False
                sealed = c.execute(st.SEEN, {"terminal": terminal, "now": now}).scalar()
            if secret is not None and self._open_secret(terminal, sealed) != secret:
                raise SecretChanged(terminal)  # leaves the transaction: rolled back, the nonce not spent
        if now - self._pruned > _NONCE_PRUNE_EVERY:
            self._pruned = now
            # older nonces can go: their timestamps are refused as stale anyway
            with self._write() as c:
                c.execute(st.PRUNE_NONCES, {"before": now - _NONCE_KEPT_WINDOWS * window})
        return True

    def terminals(self, terminal: str | None = None) -> list[dict]:
        """Every terminal (staff side), or only `terminal` (what a terminal may see of the fleet)."""
        query = select(terminals.c.id, terminals.c.created_at, terminals.c.last_seen, terminals.c.last_heartbeat,
                       terminals.c.site, terminals.c.queue_index)
        if terminal is not None:
            query = query.where(terminals.c.id == terminal)
        with self._read() as c:
            rows = c.execute(query.order_by(terminals.c.id)).all()
        return [{"id": r[0], "created_at": r[1], "last_seen": r[2],
                 "last_heartbeat": json.loads(r[3]) if r[3] else None, "site": r[4], "queue_index": r[5]}
                for r in rows]
