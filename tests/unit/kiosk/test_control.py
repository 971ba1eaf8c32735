"""The control socket on its own: owner-only, answers what it knows, refuses garbage without dying."""

import socket
import stat

from kiosk.control import ControlServer, ask


def test_answers_known_requests_and_refuses_the_rest(tmp_path):
    path = tmp_path / "var" / "kiosk.sock"
    server = ControlServer(path, {"health": lambda: {"ok": True}})
    server.start()
    try:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert ask(path, "health") == {"ok": True}
        assert "unknown request" in ask(path, "shutdown")["error"]
        with socket.socket(socket.AF_UNIX) as raw:
            raw.connect(str(path))
            raw.sendall(b"\xff not json\n")
            assert b"bad request" in raw.recv(4096)
        assert ask(path, "health") == {"ok": True}  # still serving
    finally:
        server.close()
    assert not path.exists() and ask(path, "health") is None


def test_a_stale_socket_file_is_replaced(tmp_path):
    path = tmp_path / "kiosk.sock"
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(str(path))
    stale.close()  # as a SIGKILLed kiosk leaves it: a file nobody listens on
    assert ask(path, "health") is None
    server = ControlServer(path, {"health": lambda: {"ok": 1}})
    server.start()
    try:
        assert ask(path, "health") == {"ok": 1}
    finally:
        server.close()
