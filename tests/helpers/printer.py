"""Invented receipt data and small helpers shared by the printer tests."""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

from drivers.printer.render import Interpreter, Paper

# invented people only: 王小明 does not exist, the ID number has a valid shape but belongs to nobody
SAMPLE_DATA: dict[str, dict] = {
    "submission_receipt": {
        "site_name": "示例市政务服务中心",
        "terminal_id": "SIM-0001",
        "service_name": "城乡居民基本养老保险参保登记",
        "tracking_number": "SIM-0001-20261123-000042-N",
        "progress_qr": "https://zwfw.example.gov.cn/p/SIM-0001-20261123-000042-N",
        "applicant_name": "王小明",
        "id_number": "110105199001010021",
        "materials": ["居民身份证（原件）", "户口簿首页及本人页（复印件）", "一寸免冠照片 2 张"],
        "submitted_at": "2026-11-23 14:05",
        "promised_date": "2026-11-30（5个工作日）",
        "progress_hint": "手机扫描上方二维码，或在自助终端“进度查询”扫描本回执二维码、输入受理编号或刷身份证",
        "hotline": "12345",
    },
    "materials_checklist": {
        "site_name": "示例市政务服务中心",
        "service_name": "住房公积金提取（退休）",
        "department": "示例市住房公积金管理中心",
        "materials": ["居民身份证", "退休证或退休审批表", "本人名下银行卡（一类账户）"],
        "time_limit": "即时办结",
        "fee": "不收费",
        "location": "二楼 B 区 12-15 号窗口",
        "hotline": "12329",
        "guide_url": "https://zwfw.example.gov.cn/guide/gjj-tq-01",
        "printed_at": "2026-11-23 09:12",
        "notes": "委托他人办理的，另需受托人身份证及委托书。",
    },
    "queue_ticket": {
        "site_name": "示例市政务服务中心",
        "ticket_number": "A018",
        "service_name": "社保业务",
        "window": "3 号窗口",
        "waiting": "前面还有 6 人",  # worded by the core (kiosk.catalog.tickets: waiting_text)
        "issued_at": "2026-11-23 10:31",
    },
    "certificate": {
        "title": "无犯罪记录证明",
        "certificate_number": "SL2026-000123",
        "body": "兹证明王*（证件号码 110105********0021），自2016年11月23日至2026年11月23日期间，"
                "在本辖区内未发现有犯罪记录。此证明仅用于求职，有效期三个月。",
        "issuer": "示例市公安局示例分局",
        "issued_on": "2026年11月23日",
        "verify_code": "7KQ3-M9XD-2B6F-H1QA",
        "document_hash": "3f2a 9c1b 77d0 e415",
        "verify_url": "https://zwfw.example.gov.cn/verify?c=7KQ3-M9XD",
    },
    "diagnostics": {
        "terminal_id": "SIM-0001",
        "printer_url": "sim:",
        "printer_model": "Kiosk virtual printer",
        "printer_status": "ok",
        "paper_width_mm": 80,
        "chinese_mode": "raster",
        "printed_at": "2026-11-23 08:00",
        "qr_data": "KIOSK-TEST-SIM-0001",
        "barcode_data": "SIM0001",
    },
}

# what the QR of each layout must decode to
EXPECTED_QR = {
    "submission_receipt": SAMPLE_DATA["submission_receipt"]["progress_qr"],
    "materials_checklist": SAMPLE_DATA["materials_checklist"]["guide_url"],
    "certificate": SAMPLE_DATA["certificate"]["verify_url"],
    "diagnostics": SAMPLE_DATA["diagnostics"]["qr_data"],
}


def render_bytes(data: bytes, width_dots: int) -> list[Image.Image]:
    """Every receipt the bytes print: cut ones, then whatever was left uncut."""
    sheets: list[Paper] = []
    interp = Interpreter(width_dots, on_cut=sheets.append)
    interp.feed(data)
    images = [p.image(cut=True) for p in sheets]
    rest = interp.end_of_job()
    if rest is not None:
        images.append(rest.image(cut=False))
    return images


def decode_qr(img: Image.Image) -> str:
    """OpenCV's QR detector on the picture of the paper; '' when nothing decodes."""
    arr = np.asarray(img.convert("L"))
    text, _, _ = cv2.QRCodeDetectorAruco().detectAndDecode(arr)
    return text


class Outcomes:
    """Collects PrintService callbacks from the worker thread; wait() blocks with a generous timeout."""

    def __init__(self) -> None:
        import threading

        self.done: list = []
        self.failed: list = []
        self._event = threading.Event()

    def on_done(self, job) -> None:
        self.done.append(job)
        self._event.set()

    def on_failed(self, job, problem) -> None:
        self.failed.append((job, problem))
        self._event.set()

    def wait(self, timeout: float = 20.0) -> None:
        if not self._event.wait(timeout):
            raise AssertionError("no print callback within the timeout")
        self._event.clear()
