"""Command line: `kiosk run`, `kiosk session`, `kiosk config`, `kiosk diagnose`, central and simulator tools."""

from __future__ import annotations

import argparse
import getpass
import importlib
import json
import logging
import os
import shlex
import sys
import time

from kiosk import __version__

T0 = time.perf_counter()  # process start as seen by Python; `run --smoke` reports from here

# subcommands implemented in other packages: name -> (module, help)
DELEGATED = {
    "central": ("central.cli", "run and administer the reference central platform"),
    "face": ("kiosk.face.cli", "face check tools (compare photos to calibrate the threshold)"),
    "catalog": ("kiosk.catalog.cli", "check and inspect the service catalog"),
    "queue": ("kiosk.queue_cli", "the offline queue: check it, or start a new one"),
}
SIMULATORS = {
    "idcard": ("drivers.idcard.simulator", "resident ID card reader on a pseudo-terminal"),
    "printer": ("drivers.printer.simulator", "ESC/POS printer rendering paper to PNG"),
}


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    """argparse that says what is wrong in one line and exits 2, without the usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message} (see `{self.prog} --help`)")


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 600:
        raise argparse.ArgumentTypeError(f"expected 0-600 seconds, not {text!r}")
    return value


def _parser() -> Parser:
    p = Parser(prog="kiosk", description="Self-service terminal for government service halls.")
    p.add_argument("--version", action="version", version=f"kiosk {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True

    run = sub.add_parser("run", help="start the kiosk (fullscreen unless --windowed)")
    run.add_argument("--config", metavar="PATH", help="configuration file (default: $KIOSK_CONFIG or ./kiosk.toml)")
    run.add_argument("--windowed", action="store_true", help="a normal window instead of fullscreen")
    run.add_argument("--orientation", choices=("portrait", "landscape"), help="override display.orientation")
    run.add_argument("--smoke", action="store_true",
                     help="render the first frame of the attract screen, print the startup time, exit")
    run.add_argument("--screenshot", metavar="PNG", help="with --smoke: save the first frame as PNG")

    sub.add_parser("version", help="print the version")

    sess = sub.add_parser("session", help="the kiosk session for kiosk.service: `kiosk run` inside cage")
    sess.add_argument("--config", metavar="PATH", help="configuration file (terminals: /etc/kiosk/kiosk.toml)")
    sess.add_argument("--print", action="store_true", help="print the compositor command instead of running it")
    sess.add_argument("--stop", metavar="MAINPID", type=int,
                      help="the unit's ExecStop: end the kiosk inside the compositor and wait for the compositor")

    conf = sub.add_parser("config", help="check a configuration file and summarise it")
    conf.add_argument("--config", metavar="PATH")

    diag = sub.add_parser(
        "diagnose", help="print device and queue health as JSON (asks the running kiosk, else opens the devices)",
        description="Asks the kiosk running for this configuration over its control socket (var/kiosk.sock); without "
                    "one, opens the configured devices itself. Exit 0: every device works; 1: a device cannot serve "
                    "(see 'faults'); 2: bad configuration or usage; 3: a kiosk runs but does not answer, so the "
                    "devices are busy and were not opened.")
    diag.add_argument("--config", metavar="PATH")
    diag.add_argument("--wait", metavar="SECONDS", type=_seconds, default=10.0,
                      help="how long devices may take to come up before they count as faulty (default 10)")

    sub.add_parser("pin-hash", help="hash a staff PIN for [maintenance] pin_hash or staff_verify_pin_hash "
                                    "(reads the PIN)")

    for name, (_, help_text) in DELEGATED.items():
        d = sub.add_parser(name, help=help_text, add_help=False)
        d.add_argument("args", nargs=argparse.REMAINDER)
    sim = sub.add_parser("sim", help="run a device simulator on its own (for testing real drivers by hand)")
    sim.add_argument("device", choices=sorted(SIMULATORS))
    sim.add_argument("args", nargs=argparse.REMAINDER)
    return p


def _load_config(path_arg: str | None):
    from kiosk import config

    return config.load(config.resolve_path(path_arg))


def _delegate(module_name: str, argv: list[str]) -> int:
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as e:
        print(f"kiosk: {module_name} is not available in this installation ({e.name})", file=sys.stderr)
        return 1
    return int(module.cli_main(argv) or 0)


def _cmd_run(args: argparse.Namespace) -> int:
    from kiosk.instance import AlreadyRunning, InstanceLock
    from kiosk.overlay.start import start

    base = _load_config(args.config)
    if args.screenshot and not args.smoke:
        raise UsageError("kiosk run: --screenshot needs --smoke")
    lock = InstanceLock(base.path(base.storage.state_directory) / "kiosk.lock")
    try:
        lock.acquire()
    except AlreadyRunning as e:
        print(f"kiosk: another kiosk is already running for this terminal (pid {e}); not starting a second one",
              file=sys.stderr)
        return 3
    try:
        cfg, overlay_notes = start(base)  # kiosk.toml with central's configuration overlay, if any
        if args.orientation:
            cfg.display.orientation = args.orientation
        _setup_logging(cfg)
        for level, note in overlay_notes:
            logging.getLogger("kiosk.overlay").log(level, "%s", note)
        from ui.app import run as run_ui

        return run_ui(cfg, windowed=args.windowed, smoke=args.smoke, screenshot=args.screenshot, t0=T0)
    finally:
        lock.release()


def _setup_logging(cfg) -> None:
    from kiosk import logs

    if cfg.logging.target == "journald":
        logs.setup_journald(cfg.logging.level)
        return
    try:
        logs.setup(cfg.path(cfg.logging.directory), cfg.logging.level, cfg.logging.max_bytes, cfg.logging.backups)
    except OSError as e:  # the folder was valid when checked, but the disk or its permissions say otherwise
        raise UsageError(f"kiosk: {cfg.source}: logging.directory: cannot write logs in "
                         f"{cfg.path(cfg.logging.directory)}: {e.strerror or e}") from None


def _cmd_session(args: argparse.Namespace) -> int:
    from kiosk.compositor import cage_argv, outputs_note, stop_session
    from kiosk.staff_exits import LEFT_TO_DESKTOP, desktop_requested

    if args.stop is not None:
        return stop_session(args.stop)
    cfg = _load_config(args.config)
    argv = cage_argv(cfg, cfg.source.resolve())
    if args.print:
        print(shlex.join(argv))
        return 0
    note = outputs_note(cfg)
    if note:
        print(note, file=sys.stderr)
    if desktop_requested(cfg):
        print("kiosk: staff left the kiosk to the desktop; the session ends here (start it again with "
              "`systemctl start kiosk`)", file=sys.stderr)
        return LEFT_TO_DESKTOP
    sys.stdout.flush()
    try:
        os.execv(argv[0], argv)  # cage takes this process's place: systemd's main PID, the watchdog's parent
    except OSError as e:
        raise UsageError(f"kiosk: cannot start the compositor {argv[0]}: {e.strerror} (apt install cage)") from None


def _cmd_diagnose(args: argparse.Namespace) -> int:
    from kiosk import logs
    from kiosk.control import ask, socket_path
    from kiosk.instance import AlreadyRunning, InstanceLock

    cfg = _load_config(args.config)
    logs.setup_stderr(logging.WARNING)
    try:
        report = ask(socket_path(cfg), "health")
    except (OSError, ValueError) as e:
        report = None
        print(f"kiosk: the running kiosk's control socket did not answer: {e}", file=sys.stderr)
    if report is not None and "error" not in report:
        print(json.dumps(report, ensure_ascii=False, indent=2, default=str))
        return 1 if report.get("faults") else 0
    lock = InstanceLock(cfg.path("var/kiosk.lock"))
    try:
        lock.acquire()  # held while probing: a kiosk starting now must not fight us for the devices
    except AlreadyRunning as e:
        print(f"kiosk: a kiosk is running for this terminal (pid {e}) and holds the devices, but its control "
              f"socket {socket_path(cfg)} does not answer{': ' + report['error'] if report else ''}; "
              "devices not opened", file=sys.stderr)
        return 3
    try:
        return _probe_devices(cfg, args.wait)
    finally:
        lock.release()


def _probe_devices(cfg, wait: float) -> int:
    from kiosk.app import KioskCore
    from kiosk.maintenance import device_faults

    core = KioskCore(cfg)
    try:
        # devices connect in their own threads: a working one says so within moments, an absent one never does
        deadline = time.monotonic() + wait
        while True:
            report = core.health()
            faults = device_faults(report["devices"])
            if not faults or time.monotonic() >= deadline:
                break
            time.sleep(0.25)
    finally:
        core.close()
    report["faults"] = faults
    report["source"] = "devices opened by diagnose"
    print(json.dumps(report, ensure_ascii=False, indent=2, default=str))
    return 1 if faults else 0


def _cmd_config(args: argparse.Namespace) -> int:
    cfg = _load_config(args.config)
    print(f"{cfg.source}: valid")
    print(f"  terminal {cfg.terminal.id} ({cfg.terminal.site_kind}), display {cfg.display.orientation}")
    for kind in ("idcard", "camera", "printer"):
        print(f"  {kind}: {getattr(cfg.devices, kind).url}")
    print(f"  smartcard: {'enabled' if cfg.devices.smartcard.enabled else 'disabled'}")
    print(f"  central: {cfg.central.url}; queue: {cfg.path(cfg.queue.database)}")
    return 0


def _cmd_pin_hash() -> int:
    from kiosk.pins import NEW_PIN_LENGTH, hash_pin, weakness

    pin = getpass.getpass("PIN: ") if sys.stdin.isatty() else sys.stdin.readline().strip()
    problem = weakness(pin)
    if problem == "length":
        low, high = NEW_PIN_LENGTH
        print(f"kiosk: a PIN is {low} to {high} digits (the PIN pad has digits only)", file=sys.stderr)
        return 2
    if problem:
        print("kiosk: that PIN is among the first anyone tries (repeated, sequential or the shipped one)",
              file=sys.stderr)
        return 2
    print(hash_pin(pin))
    return 0


def _dispatch(argv: list[str]) -> int:
    # delegated commands keep their own argument syntax, so they skip our parser entirely
    if argv and argv[0] in DELEGATED:
        return _delegate(DELEGATED[argv[0]][0], argv[1:])
    if len(argv) >= 2 and argv[0] == "sim" and argv[1] in SIMULATORS:
        return _delegate(SIMULATORS[argv[1]][0], argv[2:])
    args = _parser().parse_args(argv)
    if args.command == "run":
        from kiosk.lean_imports import keep_out

        keep_out()
        return _cmd_run(args)
    if args.command == "version":
        print(f"kiosk {__version__}")
        return 0
    if args.command == "config":
        return _cmd_config(args)
    if args.command == "session":
        return _cmd_session(args)
    if args.command == "diagnose":
        return _cmd_diagnose(args)
    if args.command == "pin-hash":
        return _cmd_pin_hash()
    raise UsageError(f"kiosk: unknown command {args.command}")


def main(argv: list[str] | None = None) -> int:
    from kiosk.config import ConfigError

    argv = sys.argv[1:] if argv is None else argv
    try:
        code = _dispatch(argv)
        sys.stdout.flush()  # here, not at interpreter exit, so a closed pipe is handled below
        return code
    except UsageError as e:
        print(e, file=sys.stderr)
        return 2
    except ConfigError as e:
        print(f"kiosk: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (`kiosk config | head -1`): nothing left to say, and nobody to say it to
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as e:  # never a traceback on a technician's screen; the log file (when set up) has it
        if logging.getLogger().handlers:
            logging.getLogger("kiosk").exception("unexpected error")
        print(f"kiosk: internal error: {type(e).__name__}: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
