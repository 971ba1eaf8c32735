"""The public progress page in a real headless Chromium at a phone's size: readable, nothing wider than the screen,
no personal data; screenshots in test-artifacts/progress_page for review."""

import json

import pytest

from central.cli import cli_main
from offline_queue.client import CentralClient
from offline_queue.worker import SyncWorker
from protocol import receipt_link, tracking
from tests.helpers.browser import start_chromium, wait_until
from tests.helpers.central import TERMINAL, CentralServer, invented_applicant, make_store

PHONE = (390, 844)


@pytest.fixture
def phone(tmp_path):
    driver = start_chromium(tmp_path / "chromium-profile", width=PHONE[0], height=PHONE[1])
    yield driver
    driver.quit()


def test_progress_page_on_a_phone(tmp_path, central_db, phone, artifacts_dir):
    catalog = tmp_path / "catalog.json"
    catalog.write_text(json.dumps({"version": 1, "item": [{"code": "GJ-003", "name": "住房公积金提取（退休）"}]},
                                  ensure_ascii=False), encoding="utf-8")
    server = CentralServer(central_db, catalog_file=catalog).start()
    secret = server.add_terminal()
    client = CentralClient(server.url, TERMINAL, secret, timeout=10, allow_plain_http_loopback=True)
    queue = make_store(tmp_path / "kiosk")
    person = invented_applicant(5)
    try:
        made = queue.enqueue_submission("GJ-003", {}, person)
        SyncWorker(queue, client).sync_once()
        assert cli_main(["set-status", made.tracking, "审核中", *central_db.cli()]) == 0
        assert cli_main(["set-status", made.tracking, "补正", "--reason", "请补交证明", *central_db.cli()]) == 0
        parsed = tracking.parse(made.tracking)
        pages = {"found": made.tracking, "not_received": tracking.issue(parsed.terminal, parsed.day, parsed.seq + 1),
                 "not_found": "SIM-0001-20261123-000042-X"}
        shots = artifacts_dir / "progress_page"
        shots.mkdir(parents=True, exist_ok=True)
        for name, number in pages.items():
            phone.get(receipt_link.progress_url(server.url, number, secret))
            body = wait_until(lambda: phone.find_element("tag name", "body").text, what=f"{name} page text")
            assert person["name"] not in body and person["id_number"] not in body
            # nothing needs sideways scrolling on a phone
            assert phone.execute_script("return document.documentElement.scrollWidth") <= \
                phone.execute_script("return window.innerWidth")
            phone.save_screenshot(str(shots / f"{name}.png"))
            if name == "found":
                assert "待补正" in body and "Correction needed" in body and "住房公积金提取（退休）" in body
                assert "请补交证明" not in body  # staff's words only at a kiosk
    finally:
        client.close()
        queue.close()
        server.stop()
