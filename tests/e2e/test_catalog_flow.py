"""The catalog flow with every device simulated as `kiosk run` opens them: guide -> printed checklist -> ticket.

The receipts come out of the printer simulator: its PNGs are checked (QR decoded) and the bytes it received are
searched for the materials (text mode sends them as GB18030). Paper out: the screens show QR codes instead.
"""

import re
import shutil

import pytest
from PIL import Image

from tests.helpers.catalog_ui import ByteSpy, type_on_keyboard, virtual_printer
from tests.helpers.kiosk import write_config
from tests.helpers.printer import decode_qr
from tests.helpers.qml import find_visible, grab, settle, tap


@pytest.fixture
def kiosk_ui(qapp, tmp_path):
    """kiosk_ui(chinese_mode) -> KioskUi around a core with its devices open (simulated), closed afterwards."""
    from kiosk.app import KioskCore
    from kiosk.config import load
    from ui.app import KioskUi

    made = []

    def make(chinese_mode: str = "raster"):
        cfg = load(write_config(
            tmp_path,
            display={"orientation": "portrait", "fullscreen": False, "width": 1080, "height": 1920},
            locale={"voice_prompts": False},
            queue={"database": "q.sqlite3", "key_file": "q.key"},
            logging={"directory": "log"},
            **{"devices.printer": {"url": "sim:", "sim_output_dir": "receipts", "chinese_mode": chinese_mode}},
        ))
        core = KioskCore(cfg, open_hardware=True)
        ui = KioskUi(core, qapp, windowed=True)
        made.append((ui, core))
        return ui

    yield make
    for ui, core in made:
        ui.close()
        core.close()


def _screen(qtbot, ui, name):
    qtbot.waitUntil(lambda: ui.shell.currentScreen == name)
    settle(qtbot, 300)


def _printed_text(spy: ByteSpy) -> str:
    """The GB18030 text of everything printed, with line breaks and spacing taken out (the printer wraps)."""
    text = bytes(spy.data).decode("gb18030", errors="ignore")
    return re.sub(r"[\x00-\x20]", "", text)


def test_home_theme_item_checklist_then_ticket_printed(qtbot, kiosk_ui, artifacts_dir):
    ui = kiosk_ui(chinese_mode="text")
    sim = virtual_printer(ui.core)
    spy = ByteSpy(sim)
    bridge = ui.bridges["catalog"]
    ui.shell.start()

    tap(qtbot, ui.window, "home_guide")
    _screen(qtbot, ui, "Catalog")
    housing = next(t for t in bridge.themes if "公积金" in t["title"])
    tap(qtbot, ui.window, f"group_theme_{housing['code']}")
    _screen(qtbot, ui, "CatalogItems")
    tap(qtbot, ui.window, "item_GJ-003")
    _screen(qtbot, ui, "Guide")

    tap(qtbot, ui.window, "guidePrint")
    qtbot.waitUntil(lambda: ui.bridges["checklist"].checklistState == "printed", timeout=20000)
    checklist_png = sim.last_receipt
    assert checklist_png is not None and checklist_png.exists()
    guide = ui.core.catalog.guide("GJ-003")
    with Image.open(checklist_png) as im:
        assert decode_qr(im) == guide.qr_url
    printed = _printed_text(spy)
    for entry in (e for e in guide.checklist if e.bring):
        assert re.sub(r"\s", "", entry.name) in printed, entry.name
    assert find_visible(ui.window, "guidePrintStatus") is not None
    grab(ui.window, artifacts_dir / "screens" / "catalog_e2e_checklist_printed_portrait_normal.png")

    tap(qtbot, ui.window, "guideTicket")
    _screen(qtbot, ui, "Ticket")
    tap(qtbot, ui.window, "ticketTakeNormal")
    qtbot.waitUntil(lambda: ui.bridges["ticket"].ticketState == "printed", timeout=20000)
    letter = ui.core.catalog.catalog.where("GJ-003").queue.code
    assert ui.bridges["ticket"].ticketNumber == f"{letter}001"
    assert sim.last_receipt != checklist_png and sim.last_receipt.exists()
    assert f"{letter}001" in _printed_text(spy)
    assert find_visible(ui.window, "ticketQr") is None  # paper came out: no QR needed
    grab(ui.window, artifacts_dir / "screens" / "catalog_e2e_ticket_printed_portrait_normal.png")


def test_search_by_keyboard_to_item_and_print(qtbot, kiosk_ui):
    ui = kiosk_ui()
    sim = virtual_printer(ui.core)
    bridge = ui.bridges["catalog"]
    ui.shell.start()
    tap(qtbot, ui.window, "home_guide")
    tap(qtbot, ui.window, "catalogSearch")
    _screen(qtbot, ui, "Search")
    type_on_keyboard(qtbot, ui, "searchField", "gjj")
    qtbot.waitUntil(lambda: bridge.query == "gjj" and len(bridge.results) > 0, timeout=5000)
    code = bridge.results[0]["code"]
    assert code.startswith("GJ-")
    tap(qtbot, ui.window, f"result_{code}")
    _screen(qtbot, ui, "Guide")
    tap(qtbot, ui.window, "guidePrint")
    qtbot.waitUntil(lambda: ui.bridges["checklist"].checklistState == "printed", timeout=20000)
    with Image.open(sim.last_receipt) as im:  # raster mode: the QR is drawn into the picture too
        assert decode_qr(im) == ui.core.catalog.guide(code).qr_url


def test_paper_out_shows_qr_codes_instead(qtbot, kiosk_ui, artifacts_dir):
    ui = kiosk_ui()
    sim = virtual_printer(ui.core)
    bridge = ui.bridges["catalog"]
    ui.core.tray.choose("printer", "paper", "out")  # what the technician's tray does
    ui.shell.start()
    ui.shell.go("Guide", {"code": "HJ-001"})
    _screen(qtbot, ui, "Guide")
    qtbot.waitUntil(lambda: not ui.bridges["checklist"].printerReady, timeout=10000)
    assert find_visible(ui.window, "guidePrinterHint") is not None
    tap(qtbot, ui.window, "guidePrint")
    qtbot.waitUntil(lambda: ui.bridges["checklist"].checklistState == "failed", timeout=20000)
    settle(qtbot)
    assert find_visible(ui.window, "guideQrImage") is not None
    assert ui.bridges["checklist"].checklistProblem  # a plain sentence, not an error code
    assert sim.last_receipt is None  # nothing came out
    grab(ui.window, artifacts_dir / "screens" / "catalog_e2e_paper_out_portrait_normal.png")

    tap(qtbot, ui.window, "guideTicket")
    _screen(qtbot, ui, "Ticket")
    tap(qtbot, ui.window, "ticketTakeNormal")
    qtbot.waitUntil(lambda: ui.bridges["ticket"].ticketState == "failed", timeout=20000)
    settle(qtbot)
    assert ui.bridges["ticket"].ticketNumber  # the number is issued even without paper
    assert find_visible(ui.window, "ticketQrImage") is not None
    assert sim.last_receipt is None


@pytest.mark.parametrize("elderly", [False, True], ids=["normal", "elderly"])
def test_a_priority_ticket_is_printed_with_its_letter_and_says_so(qtbot, kiosk_ui, artifacts_dir, elderly):
    ui = kiosk_ui(chinese_mode="text")  # text mode: the printed words are GB18030 bytes to search
    sim = virtual_printer(ui.core)
    spy = ByteSpy(sim)
    ui.shell.start(elderly)
    ui.shell.go("Guide", {"code": "GJ-003"})
    _screen(qtbot, ui, "Guide")
    tap(qtbot, ui.window, "guideTicket")
    _screen(qtbot, ui, "Ticket")
    mode = "elderly" if elderly else "normal"
    grab(ui.window, artifacts_dir / "screens" / f"ticket_choice_portrait_{mode}.png")
    tap(qtbot, ui.window, "ticketTakePriority")  # one tap; nobody asks for proof
    qtbot.waitUntil(lambda: ui.bridges["ticket"].ticketState == "printed", timeout=20_000)
    assert ui.bridges["ticket"].ticketNumber == "V001" and ui.bridges["ticket"].ticketPriority
    printed = _printed_text(spy)
    assert "V001" in printed and "优先号" in printed and "老年人、残疾人、孕妇优先办理" in printed
    settle(qtbot)
    assert find_visible(ui.window, "ticketPriorityNote") is not None
    grab(ui.window, artifacts_dir / "screens" / f"ticket_priority_printed_portrait_{mode}.png")
    receipts = artifacts_dir / "receipts"
    receipts.mkdir(exist_ok=True)
    shutil.copy(sim.last_receipt, receipts / f"priority_ticket_{mode}.png")  # the simulator's picture of the paper
    # the same window's next normal number keeps its own series; no central answers here, so the terminal numbered
    # it and the paper says the people ahead are not known (raster Chinese may be a picture: checked on screen)
    before = len(spy.data)
    ui.shell.endSession()
    ui.shell.start()
    ui.shell.go("Guide", {"code": "GJ-003"})
    _screen(qtbot, ui, "Guide")
    tap(qtbot, ui.window, "guideTicket")
    _screen(qtbot, ui, "Ticket")
    tap(qtbot, ui.window, "ticketTakeNormal")
    qtbot.waitUntil(lambda: ui.bridges["ticket"].ticketState == "printed", timeout=20_000)
    letter = ui.core.catalog.catalog.where("GJ-003").queue.code
    assert ui.bridges["ticket"].ticketNumber == f"{letter}001" and ui.bridges["ticket"].ticketAhead == -1
    normal = bytes(spy.data[before:]).decode("gb18030", errors="ignore")
    assert not ui.bridges["ticket"].ticketPriority and f"{letter}001" in normal and "优先号" not in normal
