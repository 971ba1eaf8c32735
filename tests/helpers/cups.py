"""Test helper: a private cupsd (own config, spool, logs and port) with a cups-pdf queue, and the PDFs it writes."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest

CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
# cups-pdf writes jobs of users this system does not know here (AnonDirName, /etc/cups/cups-pdf.conf's default)
ANONYMOUS_OUT = Path("/var/spool/cups-pdf/ANONYMOUS")
USER = "kiosk-cups-test"  # no such account: the job counts as anonymous and lands in ANONYMOUS_OUT
# cups-pdf takes only PostScript, so CUPS runs the PDF through cups-filters' pdftops and cups-pdf's ghostscript
# makes a PDF of that again. Debian's default renderer (ghostscript's ps2write) turns the certificate's CJK fonts
# into Type 3 fonts and poppler's pdftops into Type 42 fonts with glyphs named c00.., and either way pdftotext of
# cups-pdf's file gives no text; pdftocairo's PostScript names each glyph uniXXXX, from which ghostscript's pdfwrite
# makes the map back to characters, and the page is drawn the same (docs/a4-printing.md, "Tests").
PDFTOPS_RENDERER = "pdftops-renderer-default=pdftocairo"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def until(condition, timeout: float = 60.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while True:
        got = condition()
        if got:
            return got
        assert time.monotonic() < deadline, f"{what} not met within {timeout:g} s"
        time.sleep(0.1)


class CupsServer:
    """cupsd -f with its ServerRoot, spool and logs under `folder`, listening on a free loopback port; the
    system's /etc/cups is neither read nor written (cups-pdf itself still reads /etc/cups/cups-pdf.conf)."""

    def __init__(self) -> None:
        for tool in ("cupsd", "lpadmin", "cupsenable", "cupsdisable"):
            if shutil.which(tool) is None and not Path(f"/usr/sbin/{tool}").exists():
                pytest.skip(f"{tool} is not installed (install.sh installs cups, cups-client)")
        if not CUPS_PDF_PPD.exists():
            pytest.skip("printer-driver-cups-pdf is not installed (install.sh installs it)")
        # not under pytest's tmp_path: that is root's alone, and the filters run as lp must reach spool and temp
        self.folder = Path(tempfile.mkdtemp(prefix="kiosk-cups-"))
        self.folder.chmod(0o755)
        self.port = _free_port()
        self.proc: subprocess.Popen | None = None
        self.queues: list[str] = []
        self._titles: list[str] = []

    @property
    def server(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> CupsServer:
        root = self.folder / "root"
        dirs = {d: self.folder / d for d in ("spool", "cache", "state", "log", "tmp")}
        for d in [root, *dirs.values()]:
            d.mkdir(parents=True, exist_ok=True)
        dirs["tmp"].chmod(0o1777)  # filters run as lp and write their temporary files here
        (root / "ppd").mkdir(exist_ok=True)
        (root / "cups-files.conf").write_text(
            f"ServerRoot {root}\nRequestRoot {dirs['spool']}\nCacheDir {dirs['cache']}\nStateDir {dirs['state']}\n"
            f"TempDir {dirs['tmp']}\nErrorLog {dirs['log']}/error_log\nAccessLog {dirs['log']}/access_log\n"
            f"PageLog {dirs['log']}/page_log\nSystemGroup root\nUser lp\nGroup lp\n")
        # loopback only, no authentication: a throwaway server nothing but this test talks to
        (root / "cupsd.conf").write_text(
            f"Listen 127.0.0.1:{self.port}\nLogLevel info\nBrowsing No\nBrowseLocalProtocols none\n"
            "DefaultAuthType None\nPrintcap\n<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
            "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n")
        self.proc = subprocess.Popen(["cupsd", "-f", "-c", str(root / "cupsd.conf"), "-s",
                                      str(root / "cups-files.conf")],
                                     stdout=subprocess.DEVNULL, stderr=(dirs["log"] / "stderr").open("wb"))
        until(self._answers, 60, "cupsd answering")
        return self

    def _answers(self) -> bool:
        assert self.proc.poll() is None, f"cupsd exited: {self.log()}"
        return subprocess.run(["lpstat", "-h", self.server, "-r"], capture_output=True, text=True,
                              timeout=30).stdout.strip() == "scheduler is running"

    def _admin(self, *args: str) -> None:
        done = subprocess.run(list(args), capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, f"{args}: {done.stderr}"

    def add_pdf_queue(self, name: str | None = None, *options: str) -> str:
        """A cups-pdf queue; output files are named job_<id>-<title>.pdf (title from the job, not the PDF)."""
        name = name or f"kiosk-a4-{uuid.uuid4().hex[:8]}"
        opts = [a for o in ("TitlePref=1", "Label=1", PDFTOPS_RENDERER, *options) for a in ("-o", o)]
        self._admin("lpadmin", "-h", self.server, "-p", name, "-E", "-v", "cups-pdf:/", "-P", str(CUPS_PDF_PPD), *opts)
        self.queues.append(name)
        return name

    def pause(self, queue: str) -> None:
        self._admin("cupsdisable", "-h", self.server, queue)

    def resume(self, queue: str) -> None:
        self._admin("cupsenable", "-h", self.server, queue)

    def title(self, what: str) -> str:
        """A job title no other test (or developer) on this machine prints: cups-pdf's folder is shared."""
        t = f"{what}-{uuid.uuid4().hex[:12]}"
        self._titles.append(t)
        return t

    def output(self, title: str, timeout: float = 120.0) -> Path:
        """The PDF cups-pdf wrote for the job titled so (waits for it to appear and stop growing)."""
        def written() -> Path | None:
            found = self.outputs(title)
            if found and found[0].stat().st_size > 0 and found[0].read_bytes().rstrip().endswith(b"%%EOF"):
                return found[0]
            return None

        return until(written, timeout, f"cups-pdf output for {title}")

    def outputs(self, title: str) -> list[Path]:
        """cups-pdf keeps the title's ASCII start (it drops other characters and cuts long titles)."""
        return list(ANONYMOUS_OUT.glob(f"job_*-{title}*.pdf"))

    def log(self) -> str:
        try:
            return (self.folder / "log" / "error_log").read_text(errors="replace")[-3000:]
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(30)
        for title in self._titles:
            for f in self.outputs(title):
                f.unlink(missing_ok=True)
        for queue in self.queues:  # cups-pdf's own log per queue, outside our folder
            Path(f"/var/log/cups/cups-pdf-{queue}_log").unlink(missing_ok=True)
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def cups_server():
    server = CupsServer().start()
    yield server
    server.stop()
