"""Configuration overlays as central stores them (docs/config-overlays.md): versions per terminal or site, what
each terminal is offered, and what its heartbeats say it runs. A part of CentralStore (central/storage.py)."""

from __future__ import annotations

import json

from sqlalchemy import Connection, and_, insert, select

from central import overlays as overlay_targets
from central.schema import overlays, terminals
from protocol.overlays import OverlayRefused


class OverlayRecords:
    """CentralStore's overlay methods; they use its _read, _write, _retrying, _clock and the counters (_take)."""

    def publish_overlay(self, target: str, toml_text: str | None, actor: str) -> int:
        """A new overlay version for `target` ("terminal:<id>" or "site:<code>") and its number; None withdraws the
        target's overlay (a terminal then follows its site's, a site's terminals their own kiosk.toml). Raises
        protocol.overlays.OverlayRefused (a ValueError; the message says why) for a key an overlay may not set,
        text that is not TOML, a malformed target or a terminal that is not registered."""
        where = overlay_targets.parse_target(target)
        body = None if toml_text is None else overlay_targets.checked(toml_text)
        actor = overlay_targets.checked_actor(actor)
        now = self._clock()

        from central.storage import _take  # the shared counters live with the store (it imports this module)

        def publish(c: Connection) -> int:
            if where.scope == "terminal" and c.execute(
                    select(terminals.c.id).where(terminals.c.id == where.name)).first() is None:
                raise OverlayRefused(f"no terminal {where.name} is registered")
            version = _take(c, "overlay", 1)
            c.execute(insert(overlays).values(version=version, scope=where.scope, target=where.name, body=body,
                                              actor=actor, published_at=now))
            return version

        return self._retrying(publish)

    def overlay_versions(self, target: str | None = None, limit: int = 50) -> list[dict]:
        """Published versions, newest first, of one target or of all: {version, target, toml (None: a withdrawal),
        actor, published_at}."""
        query = select(overlays.c.version, overlays.c.scope, overlays.c.target, overlays.c.body, overlays.c.actor,
                       overlays.c.published_at)
        if target is not None:
            where = overlay_targets.parse_target(target)
            query = query.where(and_(overlays.c.scope == where.scope, overlays.c.target == where.name))
        with self._read() as c:
            rows = c.execute(query.order_by(overlays.c.version.desc()).limit(limit)).all()
        return [{"version": r[0], "target": f"{r[1]}:{r[2]}", "toml": r[3], "actor": r[4], "published_at": r[5]}
                for r in rows]

    def overlay_for(self, terminal: str) -> dict:
        """What `terminal` is to run: the newest overlay addressed to it, else the newest addressed to its site
        (a withdrawal passes on to the next), as {version, target, toml, published_at}; version 0 with toml ""
        when there is none (its own kiosk.toml as it is)."""
        with self._read() as c:
            return self._overlay_for(c, terminal)

    @staticmethod
    def _overlay_for(c: Connection, terminal: str) -> dict:
        site = c.execute(select(terminals.c.site).where(terminals.c.id == terminal)).scalar()
        for scope, name in (("terminal", terminal), ("site", site)):
            if not name:
                continue
            row = c.execute(select(overlays.c.version, overlays.c.body, overlays.c.published_at)
                            .where(and_(overlays.c.scope == scope, overlays.c.target == name))
                            .order_by(overlays.c.version.desc()).limit(1)).first()
            if row is not None and row[1] is not None:
                return {"version": row[0], "target": f"{scope}:{name}", "toml": row[1], "published_at": row[2]}
        return {"version": 0, "target": None, "toml": "", "published_at": None}

    def overlay_status(self, terminal: str | None = None) -> list[dict]:
        """Per terminal (or only `terminal`): {terminal, site, offered: the version central hands it, running: the
        version its last heartbeat says it runs, state, offered_seen: the version that state is about, reason,
        reported_at}; running and state are None until a kiosk that reports them has beaten."""
        out = []
        with self._read() as c:
            query = select(terminals.c.id, terminals.c.site, terminals.c.last_heartbeat)
            if terminal is not None:
                query = query.where(terminals.c.id == terminal)
            for tid, site, last in c.execute(query.order_by(terminals.c.id)).all():
                beat = json.loads(last) if last else {}
                config = beat.get("config") or {}
                out.append({"terminal": tid, "site": site, "offered": self._overlay_for(c, tid)["version"],
                            "running": config.get("version"), "state": config.get("state"),
                            "offered_seen": config.get("offered"), "reason": config.get("reason"),
                            "reported_at": beat.get("received_at") if config else None})
        return out
