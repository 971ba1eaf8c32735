"""CatalogService: guides, checklists and queue numbers for one item; background updates swap the catalog."""

import logging
import threading
from datetime import datetime

import pytest

from kiosk.catalog.config import CatalogConfig
from kiosk.catalog.service import CatalogService
from kiosk.catalog.updates import NO_KEYS, Fetched
from tests.helpers.catalog import SHIPPED, resign, signed_bundle, signing_keys


@pytest.fixture(scope="module")
def keys():
    return signing_keys()


@pytest.fixture
def service(tmp_path, keys):
    cfg = CatalogConfig(directory=str(SHIPPED), most_used=["HJ-001"], update_public_keys=[keys[1]])
    s = CatalogService(cfg, tmp_path, clock=lambda: datetime(2026, 3, 2, 9, 15))
    yield s
    s.stop()


def test_paths_relative_to_base_dir(service, tmp_path):
    assert (tmp_path / "var" / "tickets.sqlite3").exists()
    assert service.catalog.most_used(1)[0].code == "HJ-001"


def test_checklist_and_qr(service):
    lines = service.checklist("GJ-001")
    assert lines[0] == "购买自住住房提取住房公积金" and any("2026-03-02 09:15" in x for x in lines)
    assert service.guide("GJ-001").qr_url == "https://zwfw.example.gov.cn/guide/GJ-001"


def test_take_a_number_for_an_item(service):
    assert service.waiting_for("HJ-001") == 0
    first = service.take_number("HJ-001")
    second = service.take_number("ZJ-002")  # same department, same queue
    other = service.take_number("GJ-001")
    assert (first.number, second.number, other.number) == ("A001", "A002", "C001")
    # numbered here (no central): this terminal alone cannot know who waits in the hall
    assert second.ahead is None and service.waiting_for("HJ-004") == 2
    lines = service.ticket_lines(second)
    assert lines[0] == "A002" and lines[1] == "居民身份证换领" and lines[2] == "前面人数暂不可知"
    assert "1-4号窗口" in lines[3]
    english = service.ticket_lines(second, "en")
    # the matter's name in the screen's language, as the catalog gives it (it stayed Chinese in English mode)
    assert english[1] == "Resident ID card: renewal" and english[2] == "People ahead: not known"
    assert service.ticket_lines(second, "zh_TW")[1] == "居民身份證換領"


def test_background_update_swaps_the_catalog(service, tmp_path, keys):
    bundle = signed_bundle(tmp_path, "2099.2.2", keys[0])
    changed = threading.Event()
    seen = []
    service.on_catalog_changed(lambda c: (seen.append(c.version), changed.set()))
    service.start_updates(lambda etag: Fetched(None, etag) if etag == "e1" else Fetched(bundle, "e1"),
                          interval_seconds=0.05)
    assert changed.wait(timeout=60)
    assert service.catalog.version == "2099.2.2" and seen == ["2099.2.2"]
    service.stop()


def test_update_thread_outlives_poisoned_bundles_and_installs_the_next_good_one(service, tmp_path, keys):
    """Signed by the trusted key yet poisonous (an unhashable ref, 100,000 levels of JSON): each is one refusal."""
    good = signed_bundle(tmp_path, "2099.2.2", keys[0])
    unhashable = resign(good, keys[0], lambda f: f.__setitem__(
        "items/refs.json", b'{"item": [{"code": "ZZ-001", "materials": [{"ref": ["idcard"]}]}]}'))
    deep = resign(good, keys[0], lambda f: f.__setitem__(
        "items/deep.json", b'{"item": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"))
    served = [Fetched(unhashable, "u"), Fetched(deep, "d"), Fetched(b"PK\x03\x04 truncated", "t"), Fetched(good, "g")]
    asked = []

    def fetch(etag):
        asked.append(etag)
        return served[min(len(asked) - 1, len(served) - 1)] if etag != "g" else Fetched(None, etag)

    changed = threading.Event()
    service.on_catalog_changed(lambda c: changed.set())
    service.start_updates(fetch, interval_seconds=0.05)
    assert changed.wait(timeout=120), f"asked {len(asked)} times; thread alive: {service._updates.alive}"
    assert service.catalog.version == "2099.2.2"


def test_without_keys_no_update_thread_and_one_log_line(tmp_path, caplog):
    s = CatalogService(CatalogConfig(directory=str(SHIPPED)), tmp_path)
    asked = []
    with caplog.at_level(logging.WARNING):
        s.start_updates(lambda etag: asked.append(etag) or Fetched(None, etag), interval_seconds=0.05)
        result = s.check_for_update(lambda etag: asked.append(etag) or Fetched(None, etag))
    assert result.status == "refused" and asked == [] and s._updates is None
    assert [r.getMessage() for r in caplog.records] == [NO_KEYS]
    assert s.catalog.directory == SHIPPED


def test_refused_update_keeps_the_catalog(service):
    before = service.catalog
    result = service.check_for_update(lambda etag: Fetched(b"not a zip", "x"))
    assert result.status == "refused" and service.catalog is before


def test_print_data_fits_the_printer_layouts(service):
    """The printer's own layouts accept our data, and the printed bytes hold every material to bring."""
    from drivers.printer.layout import Profile, build, load_template

    profile = Profile(paper_width_mm=80, chinese_mode="text")  # text mode: the bytes are GB18030 text
    data = service.checklist_print("HJ-001", site_name="示例市政务服务中心", hotline="12345")
    assert set(load_template("materials_checklist").fields) <= set(data)
    printed = build("materials_checklist", data, profile)
    for e in service.guide("HJ-001").checklist:
        assert e.name.encode("gb18030") in printed, e.name
    ticket = service.take_number("HJ-001")
    data = service.ticket_print(ticket, site_name="示例市政务服务中心")
    assert set(load_template("queue_ticket").fields) <= set(data)
    assert b"A001" in build("queue_ticket", data, profile)


def test_general_enquiry_number_for_a_visitor_with_no_service_in_mind(service):
    assert service.has_general_desk()
    before = service.waiting_for("")
    ticket = service.take_number("")
    assert ticket.number.startswith("F") and ticket.service == ""
    assert service.waiting_for("") == before + 1
    lines = service.ticket_lines(ticket)
    assert lines[1] == "综合咨询" and "一楼大厅" in lines[3] and "21-24号窗口" in lines[3]
    english = service.ticket_lines(ticket, "en")
    assert english[1] == "General enquiries"
    assert english[3] == ("Please wait for your number at Main hall, ground floor of the Government Service Centre "
                          "Windows 21-24")
    data = service.ticket_print(ticket, site_name="示例市政务服务中心")
    assert data["service_name"] == "综合咨询" and data["ticket_number"] == ticket.number


def test_a_priority_number_is_printed_with_its_letter_and_a_line_that_says_so(service, artifacts_dir):
    from drivers.printer.layout import Profile, build
    from tests.helpers.printer import render_bytes

    normal = service.take_number("HJ-001")
    priority = service.take_number("HJ-001", priority=True)
    assert (normal.number, priority.number, priority.priority, priority.ahead) == ("A001", "V001", True, None)
    assert service.waiting_for("HJ-001") == 2  # both wait at the same windows
    text = Profile(paper_width_mm=80, chinese_mode="text")
    printed = build("queue_ticket", service.ticket_print(priority, site_name="示例市政务服务中心"), text)
    assert b"V001" in printed and "老年人、残疾人、孕妇优先办理".encode("gb18030") in printed
    assert "优先".encode("gb18030") not in build("queue_ticket", service.ticket_print(normal, site_name="示例"), text)
    assert service.ticket_lines(priority, "en")[1] == "Priority number for elderly, disabled and pregnant visitors"
    # the narrow printer draws Chinese as pictures: the paper as it comes out, to look at
    narrow = Profile(paper_width_mm=58, chinese_mode="raster")
    data = build("queue_ticket", service.ticket_print(priority, site_name="示例市政务服务中心"), narrow)
    [paper] = render_bytes(data, narrow.width_dots)
    (artifacts_dir / "receipts").mkdir(exist_ok=True)
    paper.save(artifacts_dir / "receipts" / "priority_ticket_58mm_raster.png")
    assert paper.height > 200


def test_priority_numbers_follow_the_configuration(tmp_path):
    off = CatalogService(CatalogConfig(directory=str(SHIPPED), priority_ticket_letter=""), tmp_path)
    assert not off.gives_priority_numbers
    with pytest.raises(ValueError, match="no priority numbers"):
        off.take_number("HJ-001", priority=True)
    clash = CatalogService(CatalogConfig(directory=str(SHIPPED), priority_ticket_letter="A"), tmp_path)
    with pytest.raises(ValueError, match="also a queue of the catalog"):
        clash.take_number("GJ-001", priority=True)  # queue C: the letter A still numbers another queue
    assert clash.take_number("GJ-001").number == "C001"
