"""What the citizen is told about the printer and the camera: drivers report states and codes, this words them."""

from __future__ import annotations

# the codes alone: the camera's frames module would bring OpenCV and numpy into the kiosk before its first frame
from drivers.camera import faults as camera
from drivers.camera.faults import CameraFault
from drivers.printer.status import PaperState, PrinterStatus
from kiosk.i18n import Problem, Text

# paper state -> (problem code, citizen text, technician summary); states that print normally have no entry
_PRINTER = {
    PaperState.NEAR_END: (
        "printer.paper_near_end",
        Text("打印纸即将用完，请联系工作人员更换。", "The receipt paper is running low; please tell the staff."),
        "paper near-end sensor active",
    ),
    PaperState.OUT: (
        "printer.paper_out",
        Text("打印纸已用完，暂时无法打印。您可以扫描屏幕上的二维码保存凭证，或请工作人员帮助。",
             "The printer is out of paper. Scan the QR code on screen to keep your receipt, or ask the staff."),
        "paper end sensor active",
    ),
    PaperState.COVER_OPEN: (
        "printer.cover_open",
        Text("打印机盖未关好，暂时无法打印，请联系工作人员。",
             "The printer cover is open, so nothing can be printed. Please ask the staff."),
        "cover open",
    ),
    PaperState.OFFLINE: (
        "printer.offline",
        Text("打印机暂时无法使用。您可以扫描屏幕上的二维码保存凭证，或请工作人员帮助。",
             "The printer is not available. Scan the QR code on screen to keep your receipt, or ask the staff."),
        "printer offline or not answering",
    ),
}

_A4_ASK_STAFF = Text("证明暂时无法打印，请联系工作人员，工作人员可为您重新打印。",
                     "The certificate could not be printed. Please ask the staff; they can print it again for you.")
# A4 printer codes (drivers/a4printer/cups.py) -> what the citizen is told; every one of them offers the reprint
_A4 = {
    "a4printer.stopped": Text("A4打印机已暂停（可能缺纸或卡纸），请联系工作人员。",
                              "The A4 printer has stopped (paper out or jammed?). Please ask the staff."),
    "a4printer.printer_error": Text("A4打印机故障（可能缺纸、卡纸或盖板未关），请联系工作人员。",
                                    "The A4 printer reports a fault (paper out, a jam or a cover open?). "
                                    "Please ask the staff."),
    "a4printer.not_accepting": Text("A4打印机暂不接收打印任务，请联系工作人员。",
                                    "The A4 printer is not taking print jobs right now. Please ask the staff."),
    "a4printer.unreachable": Text("无法连接A4打印服务，请联系工作人员。",
                                  "The A4 print service cannot be reached. Please ask the staff."),
    "a4printer.job_timeout": Text("打印时间过长，已取消，请联系工作人员。",
                                  "Printing took too long and was cancelled. Please ask the staff."),
}

_CAMERA = {
    camera.OPEN_FAILED: Text(zh="摄像头无法打开，请联系工作人员。", en="The camera cannot be opened. Please ask the staff."),
    camera.LOST: Text(zh="摄像头已断开，请联系工作人员。", en="The camera was disconnected. Please ask the staff."),
    camera.BLACK: Text(zh="摄像头画面全黑，请联系工作人员。", en="The camera shows only black. Please ask the staff."),
    camera.FROZEN: Text(zh="摄像头画面卡住了，请联系工作人员。", en="The camera picture is frozen. Please ask the staff."),
}
_CAMERA_OTHER = Text(zh="摄像头暂时无法使用，请联系工作人员。", en="The camera is not available right now. Please ask the staff.")


def printer_problem(status: PrinterStatus) -> Problem | None:
    """The message for the citizen and the detail for the technician; None when the printer is fine."""
    entry = _PRINTER.get(status.state)
    if entry is None:
        return None
    code, citizen, summary = entry
    return Problem(code, citizen, f"{summary}: {status.detail}")


def a4_problem(code: str, detail: str) -> Problem:
    """An A4 printer or job failure (a code from drivers/a4printer) worded for the citizen and the technician."""
    return Problem(code, _A4.get(code, _A4_ASK_STAFF), detail)


def camera_problem(fault: CameraFault) -> Problem:
    """A camera fault worded for the citizen; a code this table does not know yet still reads sensibly."""
    return Problem(fault.code, _CAMERA.get(fault.code, _CAMERA_OTHER), fault.detail)
