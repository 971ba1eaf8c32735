"""The printer on TCP 9100-style sockets, including the simulator as a real process killed with SIGKILL."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drivers.printer.device import ReceiptPrinter
from drivers.printer.layout import Profile, build
from drivers.printer.simulator import TcpServer, VirtualPrinter
from drivers.printer.status import PaperState
from drivers.printer.transports import open_transport
from kiosk.printing import PrintService
from tests.helpers.printer import SAMPLE_DATA, Outcomes, decode_qr

REPO = Path(__file__).resolve().parents[2]
PROFILE = Profile(58, "raster")
RECEIPT = SAMPLE_DATA["submission_receipt"]


def test_in_process_tcp_server(tmp_path):
    sim = VirtualPrinter(PROFILE.width_dots, tmp_path)
    server = TcpServer(sim, port=0).start()
    dev = ReceiptPrinter(open_transport(f"tcp://127.0.0.1:{server.port}"), PROFILE, url="tcp")
    try:
        dev.start()
        assert dev.print_job(build("certificate", SAMPLE_DATA["certificate"], PROFILE)).ok
        assert decode_qr(sim.last_image) == SAMPLE_DATA["certificate"]["verify_url"]
        sim.set_state("cover_open")
        assert dev.status().state is PaperState.COVER_OPEN
        server.stop()
        assert dev.status().state is PaperState.OFFLINE
    finally:
        dev.close()
        server.stop()


def _start_sim(port: int, out: Path) -> tuple[subprocess.Popen, int]:
    code = "import sys; from drivers.printer.simulator import cli_main; sys.exit(cli_main(sys.argv[1:]))"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "--tcp", str(port), "--width", "58", "--out", str(out)],
        cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    line = proc.stdout.readline()
    if "ready on tcp://" not in line:
        proc.kill()
        raise AssertionError(f"simulator did not start: {line!r} {proc.stderr.read()}")
    return proc, int(line.split("tcp://")[1].split(";")[0].rsplit(":", 1)[1])


def _command(proc: subprocess.Popen, line: str) -> str:
    proc.stdin.write(line + "\n")
    proc.stdin.flush()
    return proc.stdout.readline().strip()


def _wait_for(predicate, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.slow
def test_simulator_process_sigkilled_mid_service(tmp_path):
    out_dir = tmp_path / "receipts"
    proc, port = _start_sim(0, out_dir)
    dev = ReceiptPrinter(open_transport(f"tcp://127.0.0.1:{port}"), PROFILE, url="tcp")
    svc = PrintService(dev)
    outcomes = Outcomes()
    try:
        dev.start()
        svc.print("submission_receipt", RECEIPT, outcomes.on_done, outcomes.on_failed)
        outcomes.wait()
        assert outcomes.done, outcomes.failed
        assert _wait_for(lambda: any(out_dir.glob("receipt-*.png")))

        assert _command(proc, "state out") == "state out"  # fault set in the other process
        assert not svc.readiness().ready
        assert _command(proc, "state ok") == "state ok"

        proc.send_signal(signal.SIGKILL)  # the printer disappears
        proc.wait(10)
        svc.print("submission_receipt", RECEIPT, outcomes.on_done, outcomes.on_failed)
        outcomes.wait()
        job, problem = outcomes.failed[0]
        assert problem.code == "printer.offline"
        assert [j.id for j in svc.failed_jobs()] == [job.id]

        proc, _ = _start_sim(port, out_dir)  # back on the same port
        before = set(out_dir.glob("receipt-*.png"))
        svc.reprint(job.id, outcomes.on_done, outcomes.on_failed)
        outcomes.wait()
        assert len(outcomes.done) == 2 and svc.failed_jobs() == []
        assert _wait_for(lambda: set(out_dir.glob("receipt-*.png")) - before)
    finally:
        svc.close()
        dev.close()
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
