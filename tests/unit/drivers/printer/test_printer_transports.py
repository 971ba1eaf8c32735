"""Printer URLs -> transports; write-only files; the in-process simulator transport."""

import pytest

from drivers.printer import escpos_codec as esc
from drivers.printer.simulator import VirtualPrinter
from drivers.printer.transports import (FileTransport, NetworkTransport, SerialTransport, SimTransport,
                                        TransportError, open_transport)
from drivers.printer.urls import parse_url


def test_parse_urls():
    assert parse_url("serial:///dev/ttyS0?baudrate=9600").target == "/dev/ttyS0"
    assert parse_url("serial:///dev/ttyS0?baudrate=9600").params == {"baudrate": "9600"}
    assert parse_url("tcp://192.0.2.10:9100").target == "192.0.2.10:9100"
    assert parse_url("usb://04b8:0e15").target == "04b8:0e15"
    assert parse_url("file:///dev/usb/lp0").target == "/dev/usb/lp0"


def test_open_transport_kinds():
    s = open_transport("serial:///dev/ttyS0?baudrate=9600")
    assert isinstance(s, SerialTransport) and s.p.baudrate == 9600 and s.p.devfile == "/dev/ttyS0"
    assert open_transport("spy:///dev/ttyUSB0").p.devfile == "spy:///dev/ttyUSB0"
    n = open_transport("tcp://192.0.2.10")
    assert isinstance(n, NetworkTransport) and n.p.port == 9100
    assert isinstance(open_transport("file:///tmp/x"), FileTransport)


@pytest.mark.parametrize("url", ["lpt://1", "tcp://", "usb://zz:yy", "serial://", "file://"])
def test_bad_urls(url):
    with pytest.raises(ValueError, match="printer url"):
        open_transport(url)


def test_usb_url_and_absent_device():
    pytest.importorskip("usb.core", reason="pyusb not installed")
    t = open_transport("usb://04b8:0e15?in_ep=0x81&out_ep=0x02")
    assert (t.p.usb_args, t.p.in_ep, t.p.out_ep) == ({"idVendor": 0x04B8, "idProduct": 0x0E15}, 0x81, 0x02)
    with pytest.raises(TransportError, match="cannot open usb 04b8:0e15"):
        t.open()  # no such printer on this machine: libusb finds nothing


def test_usb_without_pyusb_is_a_clear_error(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "usb.core", None)  # as if pyusb were not installed
    with pytest.raises(TransportError, match="pyusb"):
        open_transport("usb://04b8:0e15")


def test_file_transport_is_write_only(tmp_path):
    t = FileTransport(str(tmp_path / "lp0"))
    t.open()
    t.write(b"\x1b@hello\n")
    assert t.query(1, 0.1) is None and not t.can_read
    t.close()
    assert (tmp_path / "lp0").read_bytes() == b"\x1b@hello\n"


def test_file_transport_missing_directory():
    with pytest.raises(TransportError, match="cannot open"):
        FileTransport("/nonexistent-dir/lp0").open()


def test_serial_port_missing():
    with pytest.raises(TransportError, match="cannot open serial port"):
        open_transport("serial:///dev/does-not-exist-42").open()


def test_serial_over_pyserial_loop_url():
    """pyserial's loop:// echoes what we send: a DLE EOT echo is not a valid status byte, so no answer."""
    t = SerialTransport("loop://", 115200)
    t.open()
    assert t.query(esc.STATUS_PRINTER, 0.2) is None
    t.close()


def test_sim_transport():
    p = VirtualPrinter(384)
    t = SimTransport(p)
    with pytest.raises(TransportError):
        t.write(b"x")
    t.open()
    assert t.query(4, 0.1) == 0x12
    p.set_state("offline")
    assert t.query(1, 0.1) is None
