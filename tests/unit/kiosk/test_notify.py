"""The sd_notify client against real unix datagram sockets: a path socket and an abstract '@' one."""

import os
import socket

from kiosk.notify import Notifier


def _listener(address):
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(address)
    sock.settimeout(10)
    return sock


def test_path_socket_gets_each_message(tmp_path):
    path = str(tmp_path / "notify")
    sock = _listener(path)
    n = Notifier({"NOTIFY_SOCKET": path})
    try:
        assert n.enabled
        assert n.ready("attract screen shown")
        assert sock.recv(4096) == b"READY=1\nSTATUS=attract screen shown"
        assert n.watchdog() and sock.recv(4096) == b"WATCHDOG=1"
        assert n.status("syncing") and sock.recv(4096) == b"STATUS=syncing"
        assert n.stopping() and sock.recv(4096) == b"STOPPING=1"
    finally:
        n.close()
        sock.close()


def test_abstract_socket():
    name = f"kiosk-notify-test-{os.getpid()}"
    sock = _listener(b"\0" + name.encode())
    n = Notifier({"NOTIFY_SOCKET": "@" + name})
    try:
        assert n.ready() and sock.recv(4096) == b"READY=1"
    finally:
        n.close()
        sock.close()


def test_no_socket_is_a_quiet_no_op():
    n = Notifier({})
    assert not n.enabled and not n.ready() and n.watchdog_interval is None


def test_gone_manager_is_reported_not_raised(tmp_path, caplog):
    n = Notifier({"NOTIFY_SOCKET": str(tmp_path / "nobody-listens")})
    assert not n.watchdog() and not n.watchdog()
    assert len([r for r in caplog.records if "notification failed" in r.getMessage()]) == 1


def test_watchdog_interval_is_half_the_timeout_and_only_for_us_or_our_parent():
    assert Notifier({"WATCHDOG_USEC": "30000000"}).watchdog_interval == 15.0
    assert Notifier({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getpid())}).watchdog_interval == 15.0
    # under cage systemd names the compositor, our parent
    assert Notifier({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getppid())}).watchdog_interval == 15.0
    assert Notifier({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"}).watchdog_interval is None
    assert Notifier({"WATCHDOG_USEC": "soon"}).watchdog_interval is None
    assert Notifier({"WATCHDOG_USEC": "0"}).watchdog_interval is None
