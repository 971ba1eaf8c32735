"""The virtual printer: status replies per fault, receipts kept as PNG, captured files rendered."""

from drivers.printer import escpos_codec as esc
from drivers.printer.layout import Profile, build
from drivers.printer.simulator import VirtualPrinter, _control, cli_main, render_file
from tests.helpers.printer import SAMPLE_DATA, decode_qr

STATUS = esc.status_query(1) + esc.status_query(2) + esc.status_query(4)


def test_status_replies_per_state():
    p = VirtualPrinter(384)
    expected = {
        "ok": b"\x12\x12\x12",
        "near_end": b"\x12\x12\x1e",
        "out": b"\x1a\x32\x7e",
        "cover_open": b"\x1a\x16\x12",
        "offline": b"",
    }
    for state, reply in expected.items():
        p.set_state(state)
        assert p.receive(STATUS) == reply, state


def test_receipt_is_saved_as_png_and_old_ones_pruned(tmp_path):
    p = VirtualPrinter(576, tmp_path, keep=2)
    job = build("submission_receipt", SAMPLE_DATA["submission_receipt"], Profile(80, "raster"))
    for _ in range(3):
        p.receive(job)
    files = sorted(tmp_path.glob("receipt-*.png"))
    assert len(files) == 2 and p.last_receipt == p.receipts[-1]
    assert decode_qr(p.last_image) == SAMPLE_DATA["submission_receipt"]["progress_qr"]


def test_no_paper_nothing_printed(tmp_path):
    p = VirtualPrinter(384, tmp_path)
    p.set_state("out")
    p.receive(build("queue_ticket", SAMPLE_DATA["queue_ticket"], Profile(58, "text")))
    assert p.receipts == []


def test_paper_runs_out_mid_job():
    p = VirtualPrinter(384)
    p.run_out_after(200)
    assert p.receive(STATUS) == b"\x12\x12\x12"
    p.receive(build("submission_receipt", SAMPLE_DATA["submission_receipt"], Profile(58, "text")))
    assert p.state == "out"
    assert p.receive(STATUS) == b"\x1a\x32\x7e"
    assert p.last_image is not None and p.last_image.height < 300  # the stub that came out


def test_uncut_paper_is_kept_when_the_host_goes_away(tmp_path):
    p = VirtualPrinter(384, tmp_path)
    p.receive(esc.init() + b"no cut here\n")
    assert p.receipts == []
    p.end_of_job()
    assert len(p.receipts) == 1


def test_render_file(tmp_path):
    capture = tmp_path / "job.bin"
    capture.write_bytes(build("certificate", SAMPLE_DATA["certificate"], Profile(80, "text")) * 2)
    out = render_file(capture, 576, tmp_path / "png")
    assert len(out) == 2 and all(p.exists() for p in out)


def test_cli_render_and_errors(tmp_path, capsys):
    capture = tmp_path / "job.bin"
    capture.write_bytes(build("queue_ticket", SAMPLE_DATA["queue_ticket"], Profile(58, "raster")))
    assert cli_main(["--render", str(capture), "--width", "58", "--out", str(tmp_path / "o")]) == 0
    assert "receipt-" in capsys.readouterr().out
    assert cli_main(["--render", str(tmp_path / "missing.bin")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert cli_main([]) == 2
    assert cli_main(["--tcp", "1", "--pty"]) == 2
    assert cli_main(["--help"]) == 0


def test_control_commands():
    p = VirtualPrinter(384)
    assert _control(p, "state cover_open") == "state cover_open"
    assert p.state == "cover_open"
    assert _control(p, "out-after 240") == "paper runs out after 240 dots"
    assert p.state == "ok" and p.paper_left == 240
    assert "commands" in _control(p, "what")
