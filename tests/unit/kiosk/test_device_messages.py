"""Printer states and camera faults reported by the drivers, worded for the citizen in both languages."""

import numpy as np
import pytest

from drivers.camera import faults as camera
from drivers.camera.faults import CameraFault
from drivers.camera.frames import FeedMonitor
from drivers.printer.device import ReceiptPrinter
from drivers.printer.layout import Profile, build
from drivers.printer.simulator import VirtualPrinter
from drivers.printer.status import PaperState, PrinterStatus, parse_status
from drivers.printer.transports import SimTransport
from kiosk.device_messages import camera_problem, printer_problem
from tests.helpers.printer import SAMPLE_DATA


def test_printer_problems_from_status_replies():
    assert printer_problem(parse_status(0x12, 0x12, 0x12)) is None
    p = printer_problem(parse_status(0x1A, 0x32, 0x7E))
    assert p.code == "printer.paper_out"
    assert "纸" in p.citizen.zh and "paper" in p.citizen.en
    assert "7E" in p.technician


@pytest.mark.parametrize("state, code", [
    (PaperState.NEAR_END, "printer.paper_near_end"),
    (PaperState.OUT, "printer.paper_out"),
    (PaperState.COVER_OPEN, "printer.cover_open"),
    (PaperState.OFFLINE, "printer.offline"),
])
def test_every_state_that_needs_staff_is_worded(state, code):
    p = printer_problem(PrinterStatus(state, "detail"))
    assert p.code == code and p.citizen.zh and p.citizen.en and p.technician.endswith(": detail")


@pytest.mark.parametrize("state", [PaperState.OK, PaperState.UNKNOWN])
def test_states_that_print_say_nothing(state):
    assert printer_problem(PrinterStatus(state, "")) is None


@pytest.mark.parametrize("sim_state, code", [
    ("out", "printer.paper_out"),
    ("cover_open", "printer.cover_open"),
    ("offline", "printer.offline"),
    ("near_end", "printer.paper_near_end"),
])
def test_job_outcomes_of_the_simulated_printer_are_worded(sim_state, code):
    profile = Profile(58, "text")
    sim = VirtualPrinter(profile.width_dots)
    printer = ReceiptPrinter(SimTransport(sim), profile, url="sim:")
    printer.start()
    try:
        sim.set_state(sim_state)
        out = printer.print_job(build("submission_receipt", SAMPLE_DATA["submission_receipt"], profile))
        assert printer_problem(out.status).code == code
    finally:
        printer.close()


@pytest.mark.parametrize("code", camera.CODES)
def test_every_camera_code_is_worded(code):
    p = camera_problem(CameraFault(code, "detail"))
    assert p.code == code and p.citizen.zh and p.citizen.en and p.technician == "detail"


def test_camera_black_from_the_feed_monitor_is_worded():
    p = camera_problem(FeedMonitor(fps=10).observe(np.zeros((480, 640, 3), np.uint8)))
    assert p.code == "camera.black" and "全黑" in p.citizen.zh and "black" in p.citizen.en


def test_an_unknown_camera_code_still_reads_sensibly():
    p = camera_problem(CameraFault("camera.new_kind", "x"))
    assert p.citizen.zh and p.citizen.en
