"""`kiosk central catalog ...`: upload a signed catalog bundle, list versions, publish them to sites, trust keys."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from central.catalogs import CatalogRejected, Catalogs
from central.storage import CentralStore

ACTOR = "cli"


def add_parser(sub, parents: list[argparse.ArgumentParser]) -> None:
    c = sub.add_parser("catalog", help="catalog versions: upload, list, publish to sites, trust keys")
    verbs = c.add_subparsers(dest="verb", required=True, parser_class=type(c))
    up = verbs.add_parser("upload", parents=parents, help="check a signed bundle (`kiosk catalog bundle`) with the kiosks' loader and "
                                         "store it")
    up.add_argument("file")
    up.add_argument("--publish", action="store_true", help="publish it too: to --site, or to every site")
    up.add_argument("--site", action="append", help="a site to publish to (repeat for more)")
    verbs.add_parser("list", parents=parents, help="uploaded versions, highest first, and where each is published")
    for verb, what in (("publish", "offer a version to sites (default: every site)"),
                       ("withdraw", "stop offering a version (kiosks that installed it keep it)")):
        v = verbs.add_parser(verb, parents=parents, help=what)
        v.add_argument("version")
        v.add_argument("--site", action="append", help="a site (repeat for more); none: every site")
    t = verbs.add_parser("trust", parents=parents, help="a public key (`kiosk catalog keygen`'s .pub) uploads must be signed with")
    t.add_argument("key", help="the key text ed25519:<base64>, or the path of the .pub file")
    verbs.add_parser("keys", parents=parents, help="the public keys central checks uploads against")


def run(store: CentralStore, args: argparse.Namespace) -> int:
    shelf = Catalogs(store)
    try:
        if args.verb == "upload":
            return _upload(shelf, args)
        if args.verb == "list":
            _list(shelf)
        elif args.verb in ("publish", "withdraw"):
            change = shelf.publish if args.verb == "publish" else shelf.withdraw
            _show(change(args.version, sites=args.site, actor=ACTOR))
        elif args.verb == "trust":
            key = Path(args.key).read_text(encoding="ascii").strip() if Path(args.key).is_file() else args.key
            for k in shelf.trust(key):
                print(k)
        elif args.verb == "keys":
            for k in shelf.trusted_keys():
                print(k)
        return 0
    except LookupError as exc:
        print(f"kiosk central: no catalog version {exc.args[0]} was uploaded", file=sys.stderr)
        return 1
    except (ValueError, OSError) as exc:
        print(f"kiosk central: {exc}", file=sys.stderr)
        return 2


def _upload(shelf: Catalogs, args: argparse.Namespace) -> int:
    try:
        payload = Path(args.file).read_bytes()
    except OSError as exc:
        print(f"kiosk central: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 2
    try:
        done = shelf.upload(payload, actor=ACTOR)
    except CatalogRejected as exc:
        print(f"kiosk central: {args.file} is refused ({len(exc.faults)} problems):", file=sys.stderr)
        for f in exc.faults:
            where = ": ".join(p for p in (f["file"], f"item {f['item']}" if f["item"] else "", f["field"]) if p)
            print(f"  {where + ': ' if where else ''}{f['message']}", file=sys.stderr)
        return 1
    for warning in done["warnings"]:
        print(f"kiosk central: warning: {warning}", file=sys.stderr)
    view = done["catalog"]
    if args.publish:
        view = shelf.publish(view["version"], sites=args.site, actor=ACTOR)
    print(("uploaded " if done["new"] else "already uploaded ") + _line(view))
    return 0


def _line(v: dict) -> str:
    places = ", ".join(p["site"] or "every site" for p in v["publications"]) or "not published"
    return f"{v['version']}  {v['title']}  {v['items']} items  published to: {places}"


def _show(v: dict) -> None:
    print(_line(v))


def _list(shelf: Catalogs) -> None:
    for v in shelf.versions():
        when = datetime.fromtimestamp(v["uploaded_at"]).strftime("%Y-%m-%d %H:%M")
        checked = "" if v["signature_checked"] else "  (signature not checked at upload)"
        print(f"{_line(v)}  uploaded {when} by {v['uploaded_by']}{checked}")
