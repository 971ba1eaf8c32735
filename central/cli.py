"""`kiosk central ...`: serve the reference platform, migrate its database, change a case status, list and add
terminals, publish configuration overlays and catalogs, keep the working-day calendar, show the fleet's health
(staff side: terminals see only themselves over HTTP) and manage console accounts."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import os
import shutil
import ssl
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from central import catalog_cli, fleet, logs, metrics, migrate, tickets
from central.casework import MAX_NOTE, CaseworkError, clean_text
from central.certificates import DEFAULT_ISSUER
from central.console import accounts, anchor, audit
from central.console.roles import ROLES
from central.console.throttle import ThrottlePolicy
from central.keys import CentralKeyError
from central.presence import PresencePolicy
from central.ratelimit import RateLimits
from central.serving import ServeOptions
from central.storage import CentralStore
from central.workdays import Calendar
from protocol import signing
from protocol.overlays import OverlayRefused
from protocol.status import MAX_REASON, STATUSES

DEFAULT_DB = "var/central.sqlite3"
# staff type the verb (受理, 补正, 办结) or the status word the citizen reads (已受理, 待补正, 已办结)
_ZH = {word: code for code, (zh, _en) in STATUSES.items() for word in (zh, zh.removeprefix("已").removeprefix("待"))}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one clear line, exit 2, no traceback
        self.exit(2, f"kiosk central: {message}\n")


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"port must be 1-65535, not {text!r}")
    return int(text)


def _workers(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 64:
        raise argparse.ArgumentTypeError(f"workers must be 1-64, not {text!r}")
    return int(text)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < 10**7:
        raise argparse.ArgumentTypeError(f"seconds must be a positive number, not {text!r}")
    return value


def _count(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 10_000:
        raise argparse.ArgumentTypeError(f"must be 1-10000, not {text!r}")
    return int(text)


def _site(text: str) -> str:
    site = text.strip()
    if len(site) > 64 or any(not ch.isprintable() for ch in site):
        raise argparse.ArgumentTypeError("a site code is at most 64 printable characters")
    return site


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a day is YYYY-MM-DD, not {text!r}") from None


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="kiosk central", description="Reference central platform for development, tests and demos.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    db_opts = _Parser(add_help=False)
    db_opts.add_argument("--database", "--db", dest="db", default=DEFAULT_DB, metavar="PATH_OR_URL",
                         help=f"a SQLite file (default {DEFAULT_DB}) or postgresql://user@host/dbname")
    db_opts.add_argument("--keys-dir", help="folder of central's key files idhash.key, presence.key and data.key"
                                          " (default: the SQLite file's folder; var/ with PostgreSQL)")
    db_opts.add_argument("--data-key-file", help="the key that seals personal data and terminal secrets at rest"
                                                 " (default: data.key in the keys folder; made 0600 on first use)")
    db_opts.add_argument("--blob-dir", help="attachment files (default: blobs/ in the keys folder)")
    s = sub.add_parser("serve", parents=[db_opts], help="run the HTTP API (OpenAPI at /docs and /openapi.json) and the"
                                                     " staff console at /console")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=_port, default=8600)
    s.add_argument("--catalog", help="signed catalog bundle (`kiosk catalog bundle`) served at /v1/catalog with an ETag")
    s.add_argument("--issuer", default=DEFAULT_ISSUER,
                   help=f"issuer printed on certificates (default {DEFAULT_ISSUER})")
    s.add_argument("--public-url", help="base URL of printed verify links, e.g. https://zwfw.example.gov.cn"
                                        " (default: the URL each request arrived at)")
    s.add_argument("--seal-cert", help="the department's signing certificate (PEM; the chain up to the root after"
                                       " it) that seals certificate PDFs; needs --seal-key. Without: PDFs unsigned")
    s.add_argument("--seal-key", help="PEM private key of --seal-cert (mode 0600, no passphrase)")
    s.add_argument("--certificate-kinds", help="certificate kinds file (default: central/certificate_kinds.toml;"
                                               " docs/certificates.md)")
    s.add_argument("--presence-ttl", type=int, default=PresencePolicy.ttl_seconds,
                   help=f"seconds a presence proof stays valid (default {PresencePolicy.ttl_seconds})")
    s.add_argument("--presence-per-hour", type=int, default=PresencePolicy.per_terminal_per_hour,
                   help="presence proofs one terminal may ask for in an hour"
                        f" (default {PresencePolicy.per_terminal_per_hour})")
    s.add_argument("--tls-cert", help="serve https with this PEM certificate (chain); needs --tls-key")
    s.add_argument("--tls-key", help="PEM private key of --tls-cert")
    policy = fleet.FleetPolicy()
    s.add_argument("--heartbeat-interval", type=_seconds, default=policy.interval,
                   help="the kiosks' heartbeat interval in seconds, for the console's flags"
                        f" (default {policy.interval:g})")
    s.add_argument("--stale-after", type=_count, default=policy.stale_after,
                   help=f"missed intervals before the console flags a terminal stale (default {policy.stale_after})")
    s.add_argument("--workers", type=_workers, default=1,
                   help="server processes (default 1); several want PostgreSQL (see docs/central.md)")
    s.add_argument("--metrics-token-file", help="a file holding a bearer token that opens /metrics from other"
                                                " machines (without it /metrics answers this machine only)")
    s.add_argument("--metrics-dir", help="folder where the workers add up their figures for /metrics"
                                         " (default: a new temporary folder, removed at exit)")
    s.add_argument("--log-format", choices=logs.FORMATS, default="json",
                   help="stderr lines: one JSON object each (default) or plain text")
    s.add_argument("--no-access-log", dest="access_log", action="store_false",
                   help="no line per request (warnings and errors are still logged)")
    limits = RateLimits()
    for name, default, what in (("terminal", limits.terminal, "per terminal, once its signature is proven"),
                                ("address", limits.address, "per client address, every request"),
                                ("verify", limits.verify,
                                 "per client address on the public /verify and /p (receipt progress) pages")):
        s.add_argument(f"--{name}-limit", default=f"{default.per_second:g}/{default.burst}", metavar="RATE/BURST",
                       help=f"requests per second and burst {what}, or off (default %(default)s)")
    login = ThrottlePolicy()
    s.add_argument("--login-limit", metavar="RATE/BURST",
                   help="console logins: failed tries per client address in a row (BURST), then RATE more per second,"
                        f" shared by all workers (default {1 / login.refill_seconds:.4g}/{login.burst}: one more"
                        f" every {login.refill_seconds:g} s after {login.burst})")
    st = sub.add_parser("set-status", parents=[db_opts],
                        help="staff-side status change (any status, recorded as done by \"cli\"): "
                             "受理/审核中/补正/办结/退回 or received/reviewing/correction/...")
    st.add_argument("tracking")
    st.add_argument("status")
    st.add_argument("--reason", help="what the applicant reads with their progress (for 补正 and 退回)")
    st.add_argument("--note", help="a remark only staff see")
    sub.add_parser("migrate", parents=[db_opts], help="bring the database schema to this version (Alembic upgrade)")
    sub.add_parser("terminals", parents=[db_opts], help="list registered terminals and their last heartbeat")
    fleet_opts = _Parser(add_help=False)
    fleet_opts.add_argument("--json", action="store_true", help="one JSON document instead of lines")
    fleet_opts.add_argument("--interval", type=_seconds, default=policy.interval,
                            help=f"the kiosks' heartbeat interval in seconds (default {policy.interval:g})")
    fleet_opts.add_argument("--stale-after", type=_count, default=policy.stale_after,
                            help=f"missed intervals before a terminal is flagged stale (default {policy.stale_after})")
    sub.add_parser("fleet", parents=[db_opts, fleet_opts], help="every terminal: age of its last heartbeat and flags")
    t = sub.add_parser("terminal", parents=[db_opts, fleet_opts], help="one terminal: flags, recent beats and events")
    t.add_argument("id")
    t.add_argument("--beats", type=_count, default=10, help="how many recent heartbeats (default 10)")
    t.add_argument("--events", type=_count, default=20, help="how many recent events (default 20)")
    a = sub.add_parser("add-terminal", parents=[db_opts],
                       help="register a terminal and print (or write) its new secret")
    a.add_argument("id")
    a.add_argument("--secret-file", help="also write the secret here (mode 0600), e.g. the kiosk's credentials_file")
    a.add_argument("--site", type=_site, help="the site it stands at (a hall or village point code)")
    ct = sub.add_parser("add-calling-token", parents=[db_opts],
                        help="a new bearer token for a site's calling system (叫号系统, docs/hall-queue.md)")
    ct.add_argument("site", type=_site, help="the site whose tickets it may read and call")
    ct.add_argument("--out", help="write the token here (mode 0600) instead of printing it; it is shown only once")
    rt = sub.add_parser("revoke-calling-tokens", parents=[db_opts],
                        help="end every calling-system token of a site (a leaked or retired one); make a new one after")
    rt.add_argument("site", type=_site, help="the site whose tokens stop working at once")
    ss = sub.add_parser("set-site", parents=[db_opts], help="move a terminal to another site")
    ss.add_argument("id")
    ss.add_argument("site", type=_site, help='a site code, or "" for none')
    target_opts = _Parser(add_help=False)
    target = target_opts.add_mutually_exclusive_group(required=True)
    target.add_argument("--terminal", metavar="ID", help="for this terminal (wins over its site's overlay)")
    target.add_argument("--site", metavar="SITE", type=_site, help="for every terminal at this site")
    target_opts.add_argument("--actor", help="who publishes, for the record (default: cli:<your user name>)")
    pc = sub.add_parser("publish-config", parents=[db_opts, target_opts],
                        help="publish a configuration overlay (kiosk.toml keys, docs/config-overlays.md)")
    pc.add_argument("file", help='a TOML file of the keys to set; an empty file = the terminal\'s own kiosk.toml')
    sub.add_parser("withdraw-config", parents=[db_opts, target_opts],
                   help="withdraw the overlay of a terminal (it follows its site's again) or of a site")
    cv = sub.add_parser("config-versions", parents=[db_opts],
                        help="published overlays, newest first, and what each terminal runs")
    cv.add_argument("--target", help="only terminal:<id> or site:<code>")
    cv.add_argument("--json", action="store_true", help="one JSON document instead of lines")
    st_add = sub.add_parser("add-staff", parents=[db_opts], help="create a console account (argon2-hashed password)")
    st_add.add_argument("username")
    st_add.add_argument("--role", required=True, choices=sorted(ROLES),
                        help="; ".join(f"{code}: {zh} {en}" for code, (zh, en) in ROLES.items()))
    st_add.add_argument("--password-file", help="read the password from this file's first line (default: ask twice)")
    st_add.add_argument("--reset", action="store_true",
                        help="the account exists: give it this password and role, unlock and enable it")
    st_off = sub.add_parser("disable-staff", parents=[db_opts], help="stop a console account (its sessions end)")
    st_off.add_argument("username")
    sub.add_parser("staff", parents=[db_opts], help="list console accounts")
    ca = sub.add_parser("make-test-ca", help="a TEST certificate authority and a department seal certificate and"
                                             " key for development (never for a real hall)")
    ca.add_argument("folder", help="where ca.pem, department.pem and department.key (0600) go")
    ca.add_argument("--department", default=DEFAULT_ISSUER, help=f"the seal's department (default {DEFAULT_ISSUER})")
    catalog_cli.add_parser(sub, [db_opts])
    cal = sub.add_parser("calendar", parents=[db_opts],
                         help="public holidays and make-up working days (调休) that working-day deadlines count in")
    cal.add_argument("--holiday", action="append", type=_day, default=[], metavar="YYYY-MM-DD")
    cal.add_argument("--workday", action="append", type=_day, default=[], metavar="YYYY-MM-DD",
                     help="a weekend day worked instead of a holiday")
    cal.add_argument("--clear", action="append", type=_day, default=[], metavar="YYYY-MM-DD",
                     help="make it an ordinary day again")
    cal.add_argument("--note", default="", help="what the days are, e.g. 国庆节")
    cal.add_argument("--year", type=int, help="list only this year")
    return p


def cli_main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # --help (0) and usage errors (2) return instead of leaving the caller
        return int(exc.code or 0)
    if args.command == "serve":
        return _serve(args)
    if args.command == "make-test-ca":
        return _make_test_ca(args)
    store = _open(args)
    if store is None:
        return 1
    try:
        if args.command == "migrate":
            print(f"kiosk central: database at revision {migrate.current(store.engine)}")
        elif args.command == "set-status":
            status = _ZH.get(args.status, args.status)
            if status not in STATUSES:
                print(f"kiosk central: unknown status {args.status!r}; use one of "
                      + ", ".join(f"{zh}/{code}" for code, (zh, _) in STATUSES.items()), file=sys.stderr)
                return 2
            try:
                reason = clean_text(args.reason, limit=MAX_REASON, what=("原因", "reason"))
                note = clean_text(args.note, limit=MAX_NOTE, what=("备注", "note"))
            except CaseworkError as exc:
                return _usage(exc.text["en"])
            case = store.set_status(args.tracking.strip().upper(), status, actor="cli", reason=reason, note=note)
            if case is None:
                print(f"kiosk central: no case with tracking number {args.tracking}", file=sys.stderr)
                return 1
            print(f"{case['tracking']} {case['case_number']} -> {case['status_text']['zh']} ({status})")
        elif args.command == "terminals":
            for t in store.terminals():
                print(json.dumps(t, ensure_ascii=False))
        elif args.command == "fleet":
            return _fleet(store, args)
        elif args.command == "terminal":
            return _terminal(store, args)
        elif args.command == "add-terminal":
            secret = signing.new_secret()
            store.add_terminal(args.id, secret, site=args.site or None)
            if args.secret_file:
                signing.write_secret(Path(args.secret_file), secret)
                print(f"terminal {args.id} registered; secret written to {args.secret_file}")
            else:
                print(secret)
        elif args.command == "add-calling-token":
            return _calling_token(store, args)
        elif args.command == "revoke-calling-tokens":
            if not args.site:
                return _usage("revoking calling-system tokens needs a site code")
            print(f"{tickets.revoke_calling_tokens(store, args.site)} calling-system token(s) of site {args.site} "
                  "revoked")
            return 0
        elif args.command in ("publish-config", "withdraw-config"):
            return _publish(store, args)
        elif args.command == "config-versions":
            return _config_versions(store, args)
        elif args.command in ("add-staff", "disable-staff", "staff"):
            return _staff(store, args)
        elif args.command == "catalog":
            return catalog_cli.run(store, args)
        elif args.command == "calendar":
            return _calendar(store, args)
        elif args.command == "set-site":
            if not store.set_site(args.id, args.site or None):
                print(f"kiosk central: no terminal {args.id} is registered", file=sys.stderr)
                return 1
            print(f"terminal {args.id} -> site {args.site or '(none)'}")
        return 0
    finally:
        store.close()


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    catalog = Path(args.catalog) if args.catalog else None
    if catalog and not catalog.is_file():
        return _usage(f"catalog file {catalog} not found")
    if args.public_url and not args.public_url.startswith(("http://", "https://")):
        return _usage(f"--public-url must start with http:// or https://, not {args.public_url!r}")
    if not args.issuer.strip():
        return _usage("--issuer must not be empty")
    if args.presence_ttl < 1 or args.presence_per_hour < 1:
        return _usage("--presence-ttl and --presence-per-hour must be at least 1")
    if bool(args.tls_cert) != bool(args.tls_key):
        return _usage("--tls-cert and --tls-key go together")
    for option in (args.tls_cert, args.tls_key):
        if option and not Path(option).is_file():
            return _usage(f"TLS file {option} not found")
    if args.tls_cert:
        try:  # here, once: a worker process that fails on it would only say so in its own log
            ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(args.tls_cert, args.tls_key)
        except ssl.SSLError as exc:
            return _usage(f"cannot use --tls-cert/--tls-key: {exc}")
    if bool(args.seal_cert) != bool(args.seal_key):
        return _usage("--seal-cert and --seal-key go together")
    try:  # here, once, so a bad key or kinds file stops the start with one line rather than a worker's traceback
        sealed = ServeOptions(database=args.db, seal_cert=args.seal_cert, seal_key=args.seal_key,
                              certificate_kinds=args.certificate_kinds)
        sealed.seal()  # without one, each worker's log warns at start (central.app), in the log's own format
        sealed.kinds(lambda number: number)
    except ValueError as exc:  # SealError, KindsError
        return _usage(str(exc))
    options = ServeOptions(database=args.db, keys_dir=args.keys_dir, blob_dir=args.blob_dir,
                           data_key_file=args.data_key_file, catalog=str(catalog) if catalog else None,
                           issuer=args.issuer.strip(), public_url=args.public_url, seal_cert=args.seal_cert,
                           seal_key=args.seal_key, certificate_kinds=args.certificate_kinds,
                           presence_ttl=str(args.presence_ttl), presence_per_hour=str(args.presence_per_hour),
                           terminal_limit=args.terminal_limit, address_limit=args.address_limit,
                           verify_limit=args.verify_limit, login_limit=args.login_limit,
                           heartbeat_interval=str(args.heartbeat_interval),
                           stale_after=str(args.stale_after), metrics_token_file=args.metrics_token_file,
                           log_format=args.log_format, access_log="1" if args.access_log else "0")
    try:
        options.limits()
        options.login_throttle()
    except ValueError as exc:
        return _usage(f"rate limit {exc}")
    try:
        options.metrics_token()
    except ValueError as exc:
        return _usage(str(exc))
    store = _open(args)  # migrates, makes missing keys and says what is wrong in one line, before any worker starts
    if store is None:
        return 1
    store.close()
    shared, made = args.metrics_dir, None
    if shared:
        try:
            Path(shared).mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            return _usage(f"cannot use --metrics-dir {shared}: {exc.strerror}")
        metrics.SharedFolder.clear(shared)
    elif args.workers > 1:  # one process alone needs no folder: its figures are all there is
        shared = made = tempfile.mkdtemp(prefix="kiosk-central-metrics-")
    options = dataclasses.replace(options, metrics_dir=shared)
    os.environ.update(options.to_environment())
    try:
        uvicorn.run("central.serving:from_environment", factory=True, host=args.host, port=args.port,
                    workers=args.workers, log_level="warning", ssl_certfile=args.tls_cert, ssl_keyfile=args.tls_key,
                    log_config=logs.uvicorn_config(args.log_format, access=args.access_log), access_log=False)
    finally:
        if made:
            shutil.rmtree(made, ignore_errors=True)
    return 0


def _assess(store: CentralStore, row: dict, now: float, policy: fleet.FleetPolicy) -> dict:
    return fleet.summary(row, store.heartbeats(row["id"]), now, policy)


def _policy(args: argparse.Namespace) -> fleet.FleetPolicy:
    return fleet.FleetPolicy(interval=args.interval, stale_after=args.stale_after)


def _fleet(store: CentralStore, args: argparse.Namespace) -> int:
    now = time.time()
    beats = store.recent_heartbeats()
    rows = [fleet.summary(t, beats.get(t["id"], []), now, _policy(args)) for t in store.terminals()]
    if args.json:
        print(json.dumps({"at": now, "terminals": rows}, ensure_ascii=False))
        return 0
    for r in rows:
        age = "never" if r["last_heartbeat_age"] is None else f"{r['last_heartbeat_age']:.0f}s ago"
        words = ", ".join(f"{f['zh']} {f['en']}" + (f" ({f['detail']})" if f["detail"] else "") for f in r["flags"])
        print(f"{r['id']}  site {r.get('site') or '-'}  last beat {age}  {words or '正常 ok'}")
    return 0


def _terminal(store: CentralStore, args: argparse.Namespace) -> int:
    rows = store.terminals(args.id)
    if not rows:
        print(f"kiosk central: no terminal {args.id}", file=sys.stderr)
        return 1
    now = time.time()
    view = dict(_assess(store, rows[0], now, _policy(args)), last_heartbeat=rows[0]["last_heartbeat"],
                config=store.overlay_status(args.id)[0],
                heartbeats=store.heartbeats(args.id, args.beats), events=store.events(args.id, args.events))
    if args.json:
        print(json.dumps(view, ensure_ascii=False))
        return 0
    flags = ", ".join(f"{f['zh']} {f['en']}" for f in view["flags"])
    print(f"{view['id']}  flags: {flags or '正常 ok'}")
    print(f"configuration overlay: {_config_line(view['config'])}")
    print("heartbeats:")
    for beat in view["heartbeats"]:
        print("  " + json.dumps(beat, ensure_ascii=False))
    print("events:")
    for event in view["events"]:
        print("  " + json.dumps(event, ensure_ascii=False))
    return 0


def _publish(store: CentralStore, args: argparse.Namespace) -> int:
    target = f"terminal:{args.terminal}" if args.terminal else f"site:{args.site}"
    text = None
    if args.command == "publish-config":
        try:
            text = Path(args.file).read_bytes().decode("utf-8")
        except OSError as exc:
            return _usage(f"cannot read {args.file}: {exc.strerror or exc}")
        except UnicodeDecodeError:
            return _usage(f"{args.file} is not UTF-8 text")
    try:
        version = store.publish_overlay(target, text, args.actor or f"cli:{_whoami()}")
    except OverlayRefused as exc:
        return _usage(f"overlay refused: {exc} (see docs/config-overlays.md for the keys an overlay may set)")
    what = "withdrawn" if text is None else "published"
    print(f"configuration overlay version {version} {what} for {target}")
    if args.site and not any(t["site"] == args.site for t in store.terminals()):
        print(f"kiosk central: note: no terminal stands at site {args.site} yet", file=sys.stderr)
    return 0


def _whoami() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container): the number still says who
        return str(os.getuid())


def _config_versions(store: CentralStore, args: argparse.Namespace) -> int:
    try:
        versions = store.overlay_versions(args.target)
    except OverlayRefused as exc:
        return _usage(str(exc))
    status = store.overlay_status()
    if args.json:
        print(json.dumps({"versions": versions, "terminals": status}, ensure_ascii=False))
        return 0
    for v in versions:
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(v["published_at"]))
        body = "withdrawn" if v["toml"] is None else f"{len(v['toml'].encode())} bytes"
        print(f"v{v['version']}  {v['target']}  {when}  {v['actor']}  {body}")
    for t in status:
        print(f"{t['terminal']}  site {t['site'] or '-'}  {_config_line(t)}")
    return 0


def _config_line(t: dict) -> str:
    running = "not reported" if t["running"] is None else f"runs v{t['running']} ({t['state']})"
    line = f"offered v{t['offered']}, {running}"
    if t["state"] in ("refused", "rolled_back", "pending", "applying") and t["offered_seen"] is not None:
        line += f"; v{t['offered_seen']} {t['state']}" + (f": {t['reason']}" if t["reason"] else "")
    return line
def _staff(store: CentralStore, args: argparse.Namespace) -> int:
    """Console accounts from the command line; each change is in the staff audit trail as the operator's."""
    if args.command == "staff":
        with store.engine.connect() as c:
            for row in accounts.listing(c):
                print(json.dumps(row, ensure_ascii=False))
        return 0
    operator = f"cli:{getpass.getuser()}"[:64]
    now = time.time()
    key = audit.chain_key(store.keys.data)
    trail = anchor.Anchor(store.folder / anchor.FILE)
    if args.command == "disable-staff":
        with anchor.writing(store.engine, trail) as c:
            if not accounts.disable(c, args.username, now):
                print(f"kiosk central: no staff account {args.username}", file=sys.stderr)
                return 1
            audit.append(c, key, at=now, actor=operator, role="operator", action="staff.disable",
                         target=f"staff:{args.username}")
        print(f"staff account {args.username} disabled")
        return 0
    password = _new_password(args.password_file)
    if password is None:
        return 2
    try:
        name = accounts.check_username(args.username)
        with anchor.writing(store.engine, trail) as c:
            accounts.add(c, name, args.role, password, now, reset=args.reset)
            audit.append(c, key, at=now, actor=operator, role="operator",
                         action="staff.reset" if args.reset else "staff.add", target=f"staff:{name}",
                         detail={"role": args.role})
    except ValueError as exc:
        print(f"kiosk central: {exc}", file=sys.stderr)
        return 2
    print(f"staff account {name} ({args.role}) {'reset' if args.reset else 'created'}")
    return 0


def _new_password(path: str | None) -> str | None:
    if path:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            print(f"kiosk central: cannot read --password-file {path}: {exc}", file=sys.stderr)
            return None
        return lines[0] if lines else ""
    if not sys.stdin.isatty():
        print("kiosk central: no terminal to ask for the password on; give --password-file", file=sys.stderr)
        return None
    first = getpass.getpass("password / 密码: ")
    if getpass.getpass("again / 再次输入: ") != first:
        print("kiosk central: the two passwords differ", file=sys.stderr)
        return None
    return first


def _calendar(store: CentralStore, args: argparse.Namespace) -> int:
    calendar = Calendar(store)
    try:
        for kind, days in (("holiday", args.holiday), ("workday", args.workday), (None, args.clear)):
            for day in days:
                calendar.set_day(day, kind, args.note if kind else "")
    except ValueError as exc:
        return _usage(str(exc))
    for d in calendar.days(args.year):
        print(f"{d['day']}  {d['text']['zh']} {d['text']['en']}" + (f"  {d['note']}" if d["note"] else ""))
    return 0


def _calling_token(store: CentralStore, args: argparse.Namespace) -> int:
    if not args.site:
        return _usage("a calling-system token needs a site code")
    out = None
    if args.out:
        try:  # opened before the token is made: a path that cannot be written leaves no token nobody holds
            out = os.fdopen(os.open(args.out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w")
        except OSError as exc:
            print(f"kiosk central: cannot write --out {args.out}: {exc.strerror}", file=sys.stderr)
            return 1
    if not any(t["site"] == args.site for t in store.terminals()):
        print(f"kiosk central: note: no registered terminal stands at site {args.site!r} (yet)", file=sys.stderr)
    token = tickets.add_calling_token(store, args.site)
    if out is None:
        print(token)
        return 0
    with out:
        out.write(token + "\n")
    print(f"calling-system token for site {args.site} written to {args.out}")
    return 0


def _make_test_ca(args: argparse.Namespace) -> int:
    from central.certificate_seal import make_test_ca

    try:
        paths = make_test_ca(Path(args.folder), args.department.strip() or DEFAULT_ISSUER)
    except OSError as exc:
        return _usage(f"cannot write the test CA to {args.folder}: {exc.strerror}")
    print(f"kiosk central: TEST CA {paths['ca']} (trust it in a PDF reader to check test seals); serve with"
          f" --seal-cert {paths['cert']} --seal-key {paths['key']}")
    return 0


def _usage(message: str) -> int:
    print(f"kiosk central: {message}", file=sys.stderr)
    return 2


def _open(args: argparse.Namespace) -> CentralStore | None:
    try:
        return CentralStore(args.db, keys_dir=args.keys_dir, blob_dir=args.blob_dir, data_key_file=args.data_key_file)
    except (SQLAlchemyError, OSError) as exc:
        reason = getattr(exc, "orig", None) or exc
        print(f"kiosk central: cannot open {args.db}: {str(reason).splitlines()[0]}", file=sys.stderr)
    except CentralKeyError as exc:
        print(f"kiosk central: {exc}", file=sys.stderr)
    return None


if __name__ == "__main__":
    sys.exit(cli_main(sys.argv[1:]))
