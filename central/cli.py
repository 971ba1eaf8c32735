"""`kiosk central ...`: serve the reference platform, change a case status, list and add terminals."""

from __future__ import annotations

import argparse
import json
import sqlite3
import ssl
import sys
from pathlib import Path

from central.certificates import DEFAULT_ISSUER
from central.keys import CentralKeyError
from central.presence import PresencePolicy
from central.ratelimit import Rate, RateLimits
from central.storage import CentralStore
from protocol import signing
from protocol.status import STATUSES

DEFAULT_DB = "var/central.sqlite3"
# staff type the verb (受理, 办结) or the status word the citizen reads (已受理, 已办结)
_ZH = {word: code for code, (zh, _en) in STATUSES.items() for word in (zh, zh.removeprefix("已"))}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one clear line, exit 2, no traceback
        self.exit(2, f"kiosk central: {message}\n")


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"port must be 1-65535, not {text!r}")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="kiosk central", description="Reference central platform for development, tests and demos.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    db_opts = _Parser(add_help=False)
    db_opts.add_argument("--db", default=DEFAULT_DB)
    db_opts.add_argument("--keys-dir", help="folder of central's key files idhash.key and presence.key"
                                          " (default: the database's folder)")
    s = sub.add_parser("serve", parents=[db_opts], help="run the HTTP API (OpenAPI at /docs and /openapi.json)")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=_port, default=8600)
    s.add_argument("--catalog", help="signed catalog bundle (`kiosk catalog bundle`) served at /v1/catalog with an ETag")
    s.add_argument("--issuer", default=DEFAULT_ISSUER,
                   help=f"issuer printed on certificates (default {DEFAULT_ISSUER})")
    s.add_argument("--public-url", help="base URL of printed verify links, e.g. https://zwfw.example.gov.cn"
                                        " (default: the URL each request arrived at)")
    s.add_argument("--presence-ttl", type=int, default=PresencePolicy.ttl_seconds,
                   help=f"seconds a presence proof stays valid (default {PresencePolicy.ttl_seconds})")
    s.add_argument("--presence-per-hour", type=int, default=PresencePolicy.per_terminal_per_hour,
                   help="presence proofs one terminal may ask for in an hour"
                        f" (default {PresencePolicy.per_terminal_per_hour})")
    s.add_argument("--tls-cert", help="serve https with this PEM certificate (chain); needs --tls-key")
    s.add_argument("--tls-key", help="PEM private key of --tls-cert")
    limits = RateLimits()
    for name, default, what in (("terminal", limits.terminal, "per terminal, once its signature is proven"),
                                ("address", limits.address, "per client address, every request"),
                                ("verify", limits.verify, "per client address on the public /verify page")):
        s.add_argument(f"--{name}-limit", default=f"{default.per_second:g}/{default.burst}", metavar="RATE/BURST",
                       help=f"requests per second and burst {what}, or off (default %(default)s)")
    st = sub.add_parser("set-status", parents=[db_opts],
                        help="staff-side status change: 受理/审核中/办结/退回 or received/reviewing/...")
    st.add_argument("tracking")
    st.add_argument("status")
    sub.add_parser("terminals", parents=[db_opts], help="list registered terminals and their last heartbeat")
    a = sub.add_parser("add-terminal", parents=[db_opts],
                       help="register a terminal and print (or write) its new secret")
    a.add_argument("id")
    a.add_argument("--secret-file", help="also write the secret here (mode 0600), e.g. the kiosk's credentials_file")
    return p


def cli_main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # --help (0) and usage errors (2) return instead of leaving the caller
        return int(exc.code or 0)
    if args.command == "serve":
        import uvicorn

        from central.app import create_app

        catalog = Path(args.catalog) if args.catalog else None
        if catalog and not catalog.is_file():
            print(f"kiosk central: catalog file {catalog} not found", file=sys.stderr)
            return 2
        if args.public_url and not args.public_url.startswith(("http://", "https://")):
            print(f"kiosk central: --public-url must start with http:// or https://, not {args.public_url!r}",
                  file=sys.stderr)
            return 2
        if not args.issuer.strip():
            print("kiosk central: --issuer must not be empty", file=sys.stderr)
            return 2
        if args.presence_ttl < 1 or args.presence_per_hour < 1:
            print("kiosk central: --presence-ttl and --presence-per-hour must be at least 1", file=sys.stderr)
            return 2
        if bool(args.tls_cert) != bool(args.tls_key):
            print("kiosk central: --tls-cert and --tls-key go together", file=sys.stderr)
            return 2
        for option in (args.tls_cert, args.tls_key):
            if option and not Path(option).is_file():
                print(f"kiosk central: TLS file {option} not found", file=sys.stderr)
                return 2
        try:
            limits = RateLimits(terminal=Rate.parse(args.terminal_limit), address=Rate.parse(args.address_limit),
                                verify=Rate.parse(args.verify_limit))
        except ValueError as exc:
            print(f"kiosk central: rate limit {exc}", file=sys.stderr)
            return 2
        store = _open(args)
        if store is None:
            return 1
        app = create_app(store, catalog_file=catalog, issuer=args.issuer.strip(), public_url=args.public_url,
                         presence=PresencePolicy(ttl_seconds=args.presence_ttl,
                                                 per_terminal_per_hour=args.presence_per_hour),
                         limits=limits)
        try:
            uvicorn.run(app, host=args.host, port=args.port, log_level="warning", ssl_certfile=args.tls_cert,
                        ssl_keyfile=args.tls_key)
        except ssl.SSLError as exc:
            print(f"kiosk central: cannot use --tls-cert/--tls-key: {exc}", file=sys.stderr)
            return 2
        return 0
    store = _open(args)
    if store is None:
        return 1
    try:
        if args.command == "set-status":
            status = _ZH.get(args.status, args.status)
            if status not in STATUSES:
                print(f"kiosk central: unknown status {args.status!r}; use one of "
                      + ", ".join(f"{zh}/{code}" for code, (zh, _) in STATUSES.items()), file=sys.stderr)
                return 2
            case = store.set_status(args.tracking.strip().upper(), status)
            if case is None:
                print(f"kiosk central: no case with tracking number {args.tracking}", file=sys.stderr)
                return 1
            print(f"{case['tracking']} {case['case_number']} -> {case['status_text']['zh']} ({status})")
        elif args.command == "terminals":
            for t in store.terminals():
                print(json.dumps(t, ensure_ascii=False))
        elif args.command == "add-terminal":
            secret = signing.new_secret()
            store.add_terminal(args.id, secret)
            if args.secret_file:
                signing.write_secret(Path(args.secret_file), secret)
                print(f"terminal {args.id} registered; secret written to {args.secret_file}")
            else:
                print(secret)
        return 0
    finally:
        store.close()


def _open(args: argparse.Namespace) -> CentralStore | None:
    try:
        return CentralStore(args.db, keys_dir=args.keys_dir)
    except (sqlite3.DatabaseError, OSError) as exc:
        print(f"kiosk central: cannot open {args.db}: {exc}", file=sys.stderr)
    except CentralKeyError as exc:
        print(f"kiosk central: {exc}", file=sys.stderr)
    return None


if __name__ == "__main__":
    sys.exit(cli_main(sys.argv[1:]))
