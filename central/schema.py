"""Central's tables as SQLAlchemy Core metadata: one schema for SQLite and PostgreSQL (Alembic builds it)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Float, Index, Integer, LargeBinary, MetaData, String, Table, Text

metadata = MetaData()

terminals = Table(
    "terminals", metadata,
    Column("id", String(64), primary_key=True),
    Column("secret", Text, nullable=False),  # sealed under the data key (central.sealing), never in clear
    Column("created_at", Float, nullable=False),
    Column("last_seen", Float),
    Column("last_heartbeat", Text),
    Column("site", String(64)),  # the hall or village point it stands at (addressed by overlays and catalogs)
    # its own part of the numbers it gives offline (A9-007), one per site (central/queue_indexes.py)
    Column("queue_index", Integer),
    Index("terminals_site", "site"),
    Index("terminals_queue_index", "site", "queue_index", unique=True),
)

# a nonce is spent by inserting it: the primary key refuses a replay without any lock of ours
nonces = Table(
    "nonces", metadata,
    Column("terminal", String(64), primary_key=True),
    Column("nonce", String(128), primary_key=True),
    Column("ts", Float, nullable=False),
    Index("nonces_ts", "ts"),
)

# idempotency keys, kept forever: the first answer is the answer
items = Table(
    "items", metadata,
    Column("id", String(128), primary_key=True),
    Column("terminal", String(64), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("seq", BigInteger),
    Column("result", Text, nullable=False),
    Column("received_at", Float, nullable=False),
)

cases = Table(
    "cases", metadata,
    Column("case_number", String(32), primary_key=True),
    Column("item_id", String(128), nullable=False, unique=True),
    Column("tracking", String(64), nullable=False, unique=True),
    Column("terminal", String(64), nullable=False),
    Column("service_code", String(64), nullable=False),
    Column("id_hash", String(64)),
    Column("status", String(32), nullable=False),
    Column("body", Text, nullable=False),  # sealed JSON: names, ID numbers, addresses
    Column("created_at", Float, nullable=False),
    Column("updated_at", Float, nullable=False),
    Index("cases_id_hash", "id_hash", "created_at"),
    Index("cases_status", "status", "updated_at"),  # the console's work lists
    Index("cases_service", "service_code", "updated_at"),
)

history = Table(
    "history", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),  # the order statuses were set in
    Column("case_number", String(32), nullable=False),
    Column("status", String(32), nullable=False),
    Column("at", Float, nullable=False),
    Column("actor", String(64)),  # the staff member (console login, "cli"); None: the terminal's submission
    Column("reason", Text),  # what the citizen reads (a correction request, a return): terminals are told it
    Column("note", Text),  # staff-only remark, never sent to a terminal
    Index("history_case_number", "case_number", "id"),
)

# which attachments central holds; the bytes live in the blob store (central.blobstore)
blobs = Table(
    "blobs", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
)

ratings = Table(
    "ratings", metadata,
    Column("item_id", String(128), primary_key=True),
    Column("terminal", String(64), nullable=False),
    Column("tracking", String(64)),
    Column("score", Integer, nullable=False),
    Column("comment", Text),
    Column("at", Float, nullable=False),
    Column("tags", Text),  # JSON list of reason codes (protocol.ratings.TAGS) a low score came with
    Index("ratings_at", "at"),
)

# the 好差评 follow-up of a bad rating, one row per step (待核实 -> 整改中 -> 已回访); the newest row is its state
rating_followups = Table(
    "rating_followups", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("rating", String(128), nullable=False),  # ratings.item_id
    Column("state", String(32), nullable=False),
    Column("actor", String(64), nullable=False),
    Column("note", Text),
    Column("at", Float, nullable=False),
    Index("rating_followups_rating", "rating", "id"),
)

# exceptions to the Monday-Friday week that working-day deadlines count in: public holidays (working = 0) and the
# make-up working days on a weekend (调休, working = 1)
workdays = Table(
    "workdays", metadata,
    Column("day", String(10), primary_key=True),  # YYYY-MM-DD
    Column("working", Integer, nullable=False),
    Column("note", Text),
)

# catalog bundles uploaded at central, as signed offline (`kiosk catalog bundle`): central cannot make one
catalogs = Table(
    "catalogs", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("version", String(64), nullable=False, unique=True),
    Column("digest", String(64), nullable=False),  # of the signed manifest: the same content whatever the zip
    Column("etag", String(64), nullable=False),  # what GET /v1/catalog answers for these bytes
    Column("title", Text, nullable=False),
    Column("item_count", Integer, nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("signature_checked", Integer, nullable=False),  # 1: a key central trusts made the signature
    Column("uploaded_at", Float, nullable=False),
    Column("uploaded_by", String(64), nullable=False),
    Column("data", LargeBinary, nullable=False),
)

# which catalog each site is offered; site NULL = every site. A terminal gets the highest version offered to it
catalog_publications = Table(
    "catalog_publications", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("catalog", Integer, nullable=False),  # catalogs.id
    Column("site", String(64)),
    Column("published_at", Float, nullable=False),
    Column("actor", String(64), nullable=False),
    Index("catalog_publications_site", "site"),
)

# each terminal's flags as of its newest beat (all but "stale", which the clock decides when the fleet is read), so
# the fleet of a province is filtered, sorted and paged in SQL
terminal_status = Table(
    "terminal_status", metadata,
    Column("terminal", String(64), primary_key=True),
    Column("beat_at", Float, nullable=False),
    Column("codes", String(256), nullable=False),  # ",paper_out,device_fault," for filtering by one code
    Column("flags", Text, nullable=False),  # JSON [{"code", "detail"}]
    Column("severe", Integer, nullable=False),  # 1: a flag that stops it serving (console fleetview.SEVERE)
    Column("count", Integer, nullable=False),
    Column("software", String(64)),
    Index("terminal_status_beat", "beat_at"),
)

# each terminal's newest beats (central.fleet_records.BEATS_KEPT), for the fleet view's trends
heartbeats = Table(
    "heartbeats", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),  # the order beats arrived in
    Column("terminal", String(64), nullable=False),
    Column("received_at", Float, nullable=False),
    Column("body", Text, nullable=False),
    Index("heartbeats_terminal", "terminal", "id"),
)

events = Table(
    "events", metadata,
    Column("item_id", String(128), primary_key=True),
    Column("terminal", String(64), nullable=False),
    Column("body", Text, nullable=False),
    Column("at", Float),
)

# issued certificates, for verification: the body's hash, never the body (no second copy of the personal text)
certificates = Table(
    "certificates", metadata,
    Column("number", String(32), primary_key=True),
    Column("verify_code", String(32), nullable=False, unique=True),
    Column("kind", String(32), nullable=False),
    Column("ref", String(64), nullable=False),
    Column("id_hash", String(64), nullable=False),
    Column("terminal", String(64), nullable=False),
    Column("title", Text, nullable=False),
    Column("body_sha256", String(64), nullable=False),
    Column("holder", Text, nullable=False),
    Column("issuer", Text, nullable=False),
    Column("issued_at", Float, nullable=False),
    # the signed A4 PDF, sealed in the blob store under this name (it holds the name: personal data at rest)
    Column("pdf_sha256", String(64)),
)

meta = Table(
    "meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# gap-free numbers (cases, certificates per day): taken in the transaction that uses them, so a rollback returns them
counters = Table(
    "counters", metadata,
    Column("name", String(64), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

# the audit of presence proofs: who asked, for which (keyed) ID hash, when, on what grounds; never a name or number
presence = Table(
    "presence", metadata,
    Column("id", String(64), primary_key=True),
    Column("terminal", String(64), nullable=False),
    Column("id_hash", String(64), nullable=False),
    Column("source", String(32), nullable=False),
    Column("decision", String(32), nullable=False),
    Column("distance", Float),
    Column("threshold", Float),
    Column("attempts", Integer),
    Column("liveness", Integer),
    Column("issued_at", Float, nullable=False),
    Column("expires_at", Float, nullable=False),
    Index("presence_terminal", "terminal", "issued_at"),
)

# tracking numbers a terminal looked up that were not its own, for the walking limit (pruned after an hour)
lookups = Table(
    "lookups", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("terminal", String(64), nullable=False),
    Column("at", Float, nullable=False),
    Index("lookups_terminal", "terminal", "at"),
    Index("lookups_at", "at"),
)

# configuration overlays (docs/config-overlays.md): each version addressed to one terminal or one site; a terminal
# runs the newest addressed to it, else the newest addressed to its site. body NULL withdraws the target's overlay
overlays = Table(
    "overlays", metadata,
    Column("version", BigInteger, primary_key=True, autoincrement=False),  # from counters 'overlay': gap-free
    Column("scope", String(16), nullable=False),  # "terminal" | "site"
    Column("target", String(64), nullable=False),
    Column("body", Text),  # the TOML text as published
    Column("actor", String(128), nullable=False),  # who published it: "cli:<user>", a console account
    Column("published_at", Float, nullable=False),
    Index("overlays_target", "scope", "target", "version"),
)

# -- the operations console (central/console, migration 0005) ------------------------------------------------------

# staff accounts: an argon2 hash, never a password; failures and locked_until are the per-account lockout
staff = Table(
    "staff", metadata,
    Column("username", String(64), primary_key=True),
    Column("role", String(32), nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("created_at", Float, nullable=False),
    Column("failures", Integer, nullable=False, server_default="0"),
    Column("locked_until", Float),
    Column("disabled_at", Float),
)

# server-side console sessions, found by the SHA-256 of the cookie's random token (the token itself is never stored);
# username is NULL before login: such a session only carries the login form's CSRF token
staff_sessions = Table(
    "staff_sessions", metadata,
    Column("id", String(64), primary_key=True),
    Column("username", String(64)),
    Column("csrf", String(64), nullable=False),
    Column("created_at", Float, nullable=False),
    Column("last_seen", Float, nullable=False),
    Index("staff_sessions_last_seen", "last_seen"),
)

# every staff action, append-only: triggers refuse UPDATE and DELETE, and each entry's MAC covers the previous one's
staff_audit = Table(
    "staff_audit", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # 1, 2, 3, ... without gaps
    Column("at", Float, nullable=False),
    Column("actor", String(64), nullable=False),
    Column("role", String(32), nullable=False),
    Column("action", String(64), nullable=False),
    Column("target", String(160), nullable=False),  # kind:id, e.g. terminal:SIM-0001, case:<tracking>
    Column("detail", Text, nullable=False),  # JSON object of short facts, never personal data
    Column("mac", String(64), nullable=False),
    Index("staff_audit_target", "target", "id"),
)

# call-staff requests (terminals' staff.call events), open until someone acknowledges them on the console
staff_calls = Table(
    "staff_calls", metadata,
    Column("item_id", String(128), primary_key=True),
    Column("terminal", String(64), nullable=False),
    Column("screen", String(64)),
    Column("at", Float, nullable=False),
    Column("acked_by", String(64)),
    Column("acked_at", Float),
    Index("staff_calls_open", "acked_at", "at"),
)

# one queue per hall (docs/hall-queue.md): a site's numbers per counting day and series letter, from counters
# 'ticket:…' in the inserting transaction, so all terminals of a hall share one gap-free sequence
hall_tickets = Table(
    "hall_tickets", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),  # the calling system's `since` cursor
    Column("site", String(64), nullable=False),
    Column("day", String(10), nullable=False),
    Column("series", String(1), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("queue", String(1), nullable=False),
    Column("priority", Integer, nullable=False),
    Column("service", String(64), nullable=False),
    Column("terminal", String(64), nullable=False),
    Column("issued_at", Float, nullable=False),
    Column("called_at", Float),
    # 0: central numbered it; n: terminal n numbered it from its own range while central was away (A9-007)
    Column("terminal_index", Integer, nullable=False, server_default="0"),
    Index("hall_tickets_number", "site", "day", "series", "terminal_index", "seq", unique=True),
    Index("hall_tickets_waiting", "site", "day", "queue", "called_at"),
)

# a hall's calling system reads its site's tickets and marks them called with its own bearer token (hash kept only)
calling_tokens = Table(
    "calling_tokens", metadata,
    Column("token_sha256", String(64), primary_key=True),
    Column("site", String(64), nullable=False),
    Column("created_at", Float, nullable=False),
)

# the console login's per-address throttle (central/console/throttle.py, migration 0012): the address only as a keyed
# hash; full_at is when its bucket of tries is full again (a row past it is swept: the same as no row)
console_login_throttle = Table(
    "console_login_throttle", metadata,
    Column("address", String(64), primary_key=True),
    Column("full_at", Float, nullable=False),
    Index("console_login_throttle_full_at", "full_at"),
)
