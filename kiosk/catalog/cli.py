"""`kiosk catalog ...`: check a catalog, try the search, print a checklist, sign a bundle for central, take a number."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from kiosk.catalog.catalog import Catalog, UnknownItem
from kiosk.catalog.guide import build_guide, checklist_lines, printed_language
from kiosk.catalog.tickets import TicketCounter
from protocol import catalog_signing
from protocol.bilingual import LANGUAGES
from protocol.catalog_bundle import make_bundle
from protocol.catalog_loader import CatalogError
from protocol.catalog_schema import ServiceItem

DEFAULT_DIR = "assets/catalog"
PRIVATE_KEY = "catalog-signing.key"
PUBLIC_KEY = "catalog-signing.pub"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line and exit 2, no usage dump
        print(f"kiosk catalog: {message} (see --help)", file=sys.stderr)
        raise SystemExit(2)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="kiosk catalog", description="Service catalog tools.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    c = sub.add_parser("check", help="validate a catalog directory and print a summary")
    c.add_argument("directory", nargs="?", default=DEFAULT_DIR)
    s = sub.add_parser("search", help="search like the kiosk's search box does")
    s.add_argument("query")
    s.add_argument("--dir", default=DEFAULT_DIR, help=f"catalog directory (default {DEFAULT_DIR})")
    s.add_argument("--limit", type=int, default=10)
    g = sub.add_parser("show", help="print the checklist of one item as the printer would get it")
    g.add_argument("code")
    g.add_argument("--dir", default=DEFAULT_DIR)
    g.add_argument("--language", choices=LANGUAGES, default="zh_CN")
    b = sub.add_parser("bundle", help="pack and sign a catalog directory for central to serve as an update")
    b.add_argument("directory")
    b.add_argument("-o", "--output", required=True, help="bundle file (a zip) for `kiosk central serve --catalog`")
    b.add_argument("--signing-key", required=True, help=f"private key file from `kiosk catalog keygen` ({PRIVATE_KEY})")
    k = sub.add_parser("keygen", help="make the key pair that signs catalog bundles")
    k.add_argument("--out", required=True, help=f"directory for {PRIVATE_KEY} (mode 0600) and {PUBLIC_KEY}")
    sub.add_parser("schema", help="print the JSON Schema of one item (for editors and central)")
    t = sub.add_parser("ticket", help="take a queue number or count who is waiting")
    t.add_argument("action", choices=["take", "waiting", "call"])
    t.add_argument("queue", help="queue letter, e.g. A")
    t.add_argument("--db", default="var/tickets.sqlite3", help="ticket database (default var/tickets.sqlite3)")
    return p


def _load(directory: str) -> Catalog:
    return Catalog.load(Path(directory))


def _keygen(out: Path) -> None:
    private, public = catalog_signing.generate()
    out.mkdir(parents=True, exist_ok=True)
    # O_EXCL: an existing key is never overwritten (kiosks in the field trust it); 0600 from the first byte
    fd = os.open(out / PRIVATE_KEY, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(private)
    (out / PUBLIC_KEY).write_text(public + "\n", encoding="ascii")
    print(f"wrote {out / PRIVATE_KEY} (keep it off the kiosks and off central) and {out / PUBLIC_KEY}")
    print(f"key id {catalog_signing.key_id(public)}; in kiosk.toml, [catalog]:")
    print(f'update_public_keys = ["{public}"]')


def cli_main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            c = _load(args.directory)
            print(f"OK: {args.directory}: version {c.version}, {len(c)} items, {len(c.themes())} themes, "
                  f"{len(c.life_events())} life events, {len(c.departments())} departments")
        elif args.command == "search":
            c = _load(args.dir)
            hits = c.search(args.query, args.limit)
            if not hits:
                print("no result")
            for h in hits:
                print(f"{h.code}  {h.name}" + (f"  ({h.matched})" if h.matched and h.matched != h.name else ""))
        elif args.command == "show":
            c = _load(args.dir)
            guide = build_guide(c, args.code, language=printed_language(args.language))
            print("\n".join(checklist_lines(guide, args.language)))
        elif args.command == "bundle":
            data = make_bundle(Path(args.directory), Path(args.signing_key).read_bytes())
            Path(args.output).write_bytes(data)
            print(f"wrote {args.output} ({len(data)} bytes), signed by key "
                  f"{catalog_signing.key_id(catalog_signing.public_key_of(Path(args.signing_key).read_bytes()))}")
        elif args.command == "keygen":
            _keygen(Path(args.out))
        elif args.command == "schema":
            print(json.dumps(ServiceItem.model_json_schema(), ensure_ascii=False, indent=2))
        elif args.command == "ticket":
            counter = TicketCounter(Path(args.db))
            if args.action == "take":
                t = counter.take(args.queue.upper())
                print(f"{t.number}  {t.waiting_text().zh}")
            elif args.action == "waiting":
                print(counter.waiting(args.queue.upper()))
            else:
                print(counter.call_next(args.queue.upper()) or "nobody waiting")
    except CatalogError as e:
        print(f"kiosk catalog: invalid catalog:\n{e}", file=sys.stderr)
        return 1
    except UnknownItem as e:
        print(f"kiosk catalog: no item {e.args[0]!r}", file=sys.stderr)
        return 1
    except (OSError, ValueError, RuntimeError) as e:
        print(f"kiosk catalog: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(cli_main(sys.argv[1:]))
