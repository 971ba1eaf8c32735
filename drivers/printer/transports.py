"""Byte transports chosen by URL, built on python-escpos's printer classes, plus status read-back."""

from __future__ import annotations

import socket
import termios
import time
from typing import Protocol

import serial
from escpos.printer import File, Network, Serial

from drivers.printer import escpos_codec as esc
from drivers.printer.status import is_status_byte
from drivers.printer.urls import check_url


class TransportError(OSError):
    """The printer cannot be reached (unplugged, refused, no such device)."""


class Transport(Protocol):
    description: str
    can_read: bool  # False = write-only (a device file): status is unknown, never assumed fine

    def open(self) -> None: ...

    def close(self) -> None: ...

    def write(self, data: bytes) -> None: ...

    def query(self, n: int, timeout: float) -> int | None:
        """Send DLE EOT n and return the status byte, or None when nothing valid came back in time."""
        ...


class _UrlSerial(Serial):
    """python-escpos's Serial, opened through pyserial's serial_for_url so spy:// and loop:// work too."""

    def open(self, raise_not_found: bool = True) -> None:
        try:
            self.device = serial.serial_for_url(self.devfile, baudrate=self.baudrate, timeout=self.timeout,
                                                write_timeout=10, dsrdtr=self.dsrdtr, xonxoff=self.xonxoff)
        except (serial.SerialException, OSError) as e:
            self.device = None
            raise TransportError(f"cannot open serial port {self.devfile}: {e}") from None

    def close(self) -> None:
        """Closes even when the port vanished (python-escpos's close flushes first and then raises on EIO)."""
        dev, self._device = self._device, False
        if dev:
            try:
                dev.close()
            except (OSError, serial.SerialException, termios.error):
                pass


class _EscposTransport:
    """Common shape over a python-escpos printer object: _raw() writes, a short read returns the status."""

    can_read = True

    def __init__(self, printer, description: str) -> None:
        self.p = printer
        self.description = description
        self._open = False

    def open(self) -> None:
        try:
            self.p.open()
        except TransportError:
            raise
        except Exception as e:  # python-escpos wraps OS errors in its own DeviceNotFoundError
            raise TransportError(f"cannot open {self.description}: {e}") from None
        self._open = True

    def close(self) -> None:
        if self._open:
            self._open = False
            try:
                self.p.close()
            except Exception:
                pass

    @property
    def is_open(self) -> bool:
        return self._open

    def write(self, data: bytes) -> None:
        if not self._open:
            raise TransportError(f"{self.description} is not open")
        try:
            self.p._raw(data)
        except (OSError, serial.SerialException, termios.error) as e:
            self.close()
            raise TransportError(f"write to {self.description} failed: {e}") from None

    def _drain(self) -> None:
        """Throw away stale input, so a late reply to an old query is not read as the answer to this one."""

    def _read_byte(self, timeout: float) -> int | None:
        raise NotImplementedError

    def query(self, n: int, timeout: float) -> int | None:
        if not self._open:  # python-escpos would silently reopen on attribute access: we reconnect explicitly
            raise TransportError(f"{self.description} is not open")
        self._drain()
        self.write(esc.status_query(n))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            b = self._read_byte(max(0.01, deadline - time.monotonic()))
            if b is not None and is_status_byte(b):
                return b
        return None


class SerialTransport(_EscposTransport):
    def __init__(self, port: str, baudrate: int) -> None:
        super().__init__(_UrlSerial(devfile=port, baudrate=baudrate, timeout=0.2), f"serial {port} @{baudrate}")

    def _drain(self) -> None:
        try:
            self.p.device.reset_input_buffer()
        except (OSError, serial.SerialException, termios.error) as e:
            self.close()
            raise TransportError(f"{self.description} is gone: {e}") from None

    def _read_byte(self, timeout: float) -> int | None:
        dev = self.p.device
        try:
            dev.timeout = timeout
            data = dev.read(1)
        except (OSError, serial.SerialException) as e:
            self.close()
            raise TransportError(f"read from {self.description} failed: {e}") from None
        return data[0] if data else None


class NetworkTransport(_EscposTransport):
    def __init__(self, host: str, port: int, timeout: float = 5.0) -> None:
        super().__init__(Network(host=host, port=port, timeout=timeout), f"tcp {host}:{port}")

    def _drain(self) -> None:
        sock: socket.socket = self.p.device
        sock.setblocking(False)
        try:
            while sock.recv(4096):
                pass
        except (BlockingIOError, OSError):
            pass
        finally:
            sock.setblocking(True)

    def _read_byte(self, timeout: float) -> int | None:
        sock: socket.socket = self.p.device
        old = sock.gettimeout()
        sock.settimeout(timeout)
        try:
            data = sock.recv(1)
        except (TimeoutError, socket.timeout):
            return None
        except OSError as e:
            self.close()
            raise TransportError(f"read from {self.description} failed: {e}") from None
        finally:
            if self._open:
                sock.settimeout(old)
        if not data:  # the printer closed the connection
            self.close()
            raise TransportError(f"{self.description} closed the connection")
        return data[0]


class FileTransport(_EscposTransport):
    """A device file or plain file, written only: status cannot be read, so it stays 'unknown'."""

    can_read = False

    def __init__(self, path: str) -> None:
        super().__init__(File(devfile=path, auto_flush=True), f"file {path}")

    def query(self, n: int, timeout: float) -> int | None:
        return None


class UsbTransport(_EscposTransport):
    """python-escpos's Usb (pyusb + libusb): the printer's bulk OUT endpoint, status from bulk IN."""

    def __init__(self, vendor: int, product: int, in_ep: int = 0x82, out_ep: int = 0x01) -> None:
        try:
            import usb.core  # noqa: F401  (python-escpos imports pyusb lazily and would fail only at open)
            from escpos.printer import Usb
        except ImportError:
            raise TransportError("USB printers need the pyusb package and libusb-1.0 (not installed)") from None
        printer = Usb(idVendor=vendor, idProduct=product, timeout=2000, in_ep=in_ep, out_ep=out_ep)
        super().__init__(printer, f"usb {vendor:04x}:{product:04x}")

    def _read_byte(self, timeout: float) -> int | None:
        import usb.core

        try:
            data = self.p.device.read(self.p.in_ep, 16, int(timeout * 1000))
        except usb.core.USBTimeoutError:
            return None
        except usb.core.USBError as e:
            self.close()
            raise TransportError(f"read from {self.description} failed: {e}") from None
        return next((b for b in data if is_status_byte(b)), None)


def open_transport(url: str) -> Transport:
    """usb://VID:PID[?in_ep=&out_ep=], serial:///dev/ttyS0?baudrate=115200 (spy:// hex-dumps), tcp://host:9100, file:///path."""
    parts = check_url(url)
    if parts.scheme == "usb":
        vid, _, pid = parts.target.partition(":")
        eps = {k: int(parts.params[k], 0) for k in ("in_ep", "out_ep") if k in parts.params}
        return UsbTransport(int(vid, 16), int(pid, 16), **eps)
    if parts.scheme in ("serial", "spy"):
        baud = int(parts.params.get("baudrate", "115200"))
        port = parts.target if parts.scheme == "serial" else f"spy://{parts.target}"
        return SerialTransport(port, baud)
    if parts.scheme == "tcp":
        host, _, port = parts.target.partition(":")
        return NetworkTransport(host, int(port or 9100))
    return FileTransport(parts.target)


class SimTransport:
    """The in-process virtual printer as a transport: the same bytes a cable would carry, no OS device."""

    can_read = True

    def __init__(self, printer) -> None:
        self.printer = printer
        self.description = "in-process virtual printer"
        self._open = False
        self._pending = bytearray()

    def open(self) -> None:
        self._open = True

    def close(self) -> None:
        if self._open:
            self.printer.end_of_job()
        self._open = False

    @property
    def is_open(self) -> bool:
        return self._open

    def write(self, data: bytes) -> None:
        if not self._open:
            raise TransportError("virtual printer is not open")
        self._pending += self.printer.receive(data)

    def query(self, n: int, timeout: float) -> int | None:
        self._pending.clear()
        self.write(esc.status_query(n))
        if not self._pending:
            return None
        b = self._pending.pop(0)
        return b if is_status_byte(b) else None
