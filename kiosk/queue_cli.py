"""`kiosk queue ...`: whether the offline queue opens (and why not), and starting a new queue on purpose."""

from __future__ import annotations

import argparse
import json
import sys

from kiosk.config import ConfigError, KioskConfig, load, resolve_path
from kiosk.instance import AlreadyRunning, InstanceLock
from offline_queue.errors import QueueError, QueueMismatchError
from offline_queue.identity import retire
from offline_queue.store import QueueStore


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kiosk queue", description="The offline queue, for staff (stop the kiosk first).")
    sub = p.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="open the queue and print its state as JSON, or the fault that keeps it shut")
    check.add_argument("--config", metavar="PATH")
    new = sub.add_parser("new", help="move the queue's database, key and mark aside (nothing is deleted); "
                                     "the next start makes a new, empty queue")
    new.add_argument("--config", metavar="PATH")
    new.add_argument("--yes", action="store_true", help="really move the files (without it: say what would move)")
    new.add_argument("--force", action="store_true",
                     help="also when the queue opens fine (its unsent records then wait in the retired folder)")
    return p


def _open(cfg: KioskConfig) -> QueueStore:
    q = cfg.queue
    return QueueStore(cfg.path(q.database), cfg.path(q.key_file), terminal_id=cfg.terminal.id, suite=q.crypto_suite,
                      retention_days=q.retention_days, rejected_retention_days=q.rejected_retention_days)


def _check(cfg: KioskConfig) -> int:
    try:
        store = _open(cfg)
    except QueueError as exc:
        print(json.dumps({"ok": False, "code": exc.code, "detail": exc.detail},
                         ensure_ascii=False, indent=2))
        return 1
    try:
        st = store.stats()
        print(json.dumps({"ok": True, "queue_id": store.queue_id, "depth": st.depth, "corrupt": st.corrupt,
                          "quarantine": store.quarantine()}, ensure_ascii=False, indent=2))
    finally:
        store.close()
    return 0


def _new(cfg: KioskConfig, yes: bool, force: bool) -> int:
    database, key_file = cfg.path(cfg.queue.database), cfg.path(cfg.queue.key_file)
    if not force:
        try:
            store = _open(cfg)
        except QueueMismatchError:
            pass  # the case this command is for
        except QueueError as exc:
            print(f"kiosk queue new: the queue does not open ({exc.code}): {exc.detail}",
                  file=sys.stderr)
        else:
            depth = store.stats().depth
            store.close()
            print(f"kiosk queue new: the queue opens fine ({depth['pending']} record(s) not sent yet); nothing to "
                  f"start over. Use --force to retire it anyway.", file=sys.stderr)
            return 1
    if not yes:
        print(f"kiosk queue new: would move {database} (with -wal/-shm), {key_file} and its .mark into a "
              f"retired-<time> folder in {database.parent}; run again with --yes to do it")
        return 2
    folder, moved = retire(database, key_file)
    print(f"moved into {folder}: {', '.join(p.name for p in moved) or 'nothing (there were no files)'}")
    print("the retired records stay readable with the retired key; the next start of the kiosk makes a new queue")
    return 0


def cli_main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as e:  # argparse printed the usage line already; --help exits 0
        return int(e.code or 0)
    try:
        cfg = load(resolve_path(args.config))
    except ConfigError as e:
        print(f"kiosk queue: {e}", file=sys.stderr)
        return 2
    # the running kiosk owns the queue: opening it here would take its in-flight records back to pending
    lock = InstanceLock(cfg.path("var/kiosk.lock"))
    try:
        lock.acquire()
    except AlreadyRunning as e:
        print(f"kiosk queue: the kiosk is running (pid {e}); stop it first", file=sys.stderr)
        return 3
    try:
        return _check(cfg) if args.command == "check" else _new(cfg, args.yes, args.force)
    finally:
        lock.release()


if __name__ == "__main__":
    sys.exit(cli_main(sys.argv[1:]))
