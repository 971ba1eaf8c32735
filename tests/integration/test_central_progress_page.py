"""The public progress page a receipt's QR opens, over real HTTP on 127.0.0.1: status and next step, nothing
personal; unknown, damaged and not-yet-synced numbers get plain pages; the gate rate-limits it like /verify."""

import json

import httpx
import pytest

from central.cli import cli_main
from central.ratelimit import Rate, RateLimits
from offline_queue.client import CentralClient
from offline_queue.worker import SyncWorker
from protocol import receipt_link, tracking
from tests.helpers.central import TERMINAL, CentralServer, invented_applicant, make_store


@pytest.fixture
def synced(tmp_path, central_db):
    catalog = tmp_path / "catalog.json"
    catalog.write_text(json.dumps({"version": 1, "item": [{"code": "JZ-001", "name": "最低生活保障申请"}]},
                                  ensure_ascii=False), encoding="utf-8")
    server = CentralServer(central_db, catalog_file=catalog).start()
    secret = server.add_terminal()
    client = CentralClient(server.url, TERMINAL, secret, timeout=10, allow_plain_http_loopback=True)
    queue = make_store(tmp_path / "kiosk")
    person = invented_applicant(3)
    form = {"household_note": "家有七口人共住", "monthly_income": "1234.56", "home_address": "测试省样例市示范路9号"}
    made = queue.enqueue_submission("JZ-001", form, person)
    SyncWorker(queue, client).sync_once()
    # a later receipt of the same terminal, printed while it was offline: well formed, not yet at central
    parsed = tracking.parse(made.tracking)
    offline = tracking.issue(parsed.terminal, parsed.day, parsed.seq + 1)
    yield server, central_db, made.tracking, offline, person, form, secret
    client.close()
    queue.close()
    server.stop()


def _personal(page: str, person: dict, form: dict) -> list[str]:
    shown = [person["name"], person["name"][1:], person["id_number"], person["id_number"][-4:], person["address"],
             *form.values()]
    return [s for s in shown if s and s in page]


def _link(server, number: str, secret: str) -> str:
    return receipt_link.progress_url(server.url, number, secret)


def test_page_shows_status_and_next_step_without_personal_data(synced):
    server, db, number, _, person, form, secret = synced
    page = httpx.get(_link(server, number, secret), timeout=10)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    text = page.text
    assert number in text and "最低生活保障申请" in text
    assert "已受理" in text and "Received" in text and "下一步" in text and "Next step" in text
    assert 'name="viewport"' in text and "<script" not in text.lower()
    assert _personal(text, person, form) == []

    assert cli_main(["set-status", number, "补正", "--reason", f"请{person['name']}补交户口本", *db.cli()]) == 0
    text = httpx.get(_link(server, number, secret), timeout=10).text
    assert "待补正" in text and "Correction needed" in text
    assert _personal(text, person, form) == []  # staff's free text stays off the public page
    assert cli_main(["set-status", number, "办结", *db.cli()]) == 0
    typed = tracking.grouped(number).replace(' ', '').lower()
    text = httpx.get(f"{server.url}/p/{typed}.{receipt_link.token(secret, number)}", timeout=10).text
    assert "已办结" in text and "Completed" in text and "审核中" not in text


def test_unknown_damaged_and_not_yet_synced_numbers(synced):
    server, _, number, offline, *_, secret = synced
    waiting = httpx.get(_link(server, offline, secret), timeout=10)
    assert waiting.status_code == 404 and "平台尚未收到" in waiting.text and "Not yet received" in waiting.text
    bad_check = number[:-1] + ("0" if number[-1] != "0" else "1")
    for wrong in (bad_check, "not-a-number", "<b>hello", "x" * 64):
        page = httpx.get(f"{server.url}/p/{wrong}", timeout=10)
        assert page.status_code == 404 and "这不是有效的受理编号" in page.text and "<b>" not in page.text
    assert httpx.get(f"{server.url}/p/{'x' * 65}", timeout=10).status_code in (404, 422)


def test_public_page_is_rate_limited_per_address(tmp_path, central_db):
    server = CentralServer(central_db, limits=RateLimits(verify=Rate(0.001, 3))).start()
    try:
        codes = [httpx.get(f"{server.url}/p/SIM-0001-20261128-000001-0", timeout=10).status_code for _ in range(5)]
    finally:
        server.stop()
    assert codes[:3] == [404, 404, 404] and codes[3:] == [429, 429]


def test_non_ascii_digits_are_not_a_number_and_never_a_server_error(tmp_path, central_db):
    # Python's \d and int() take Arabic-Indic or Devanagari digits: they must be refused like any other typo
    server = CentralServer(central_db).start()
    try:
        pages = [httpx.get(f"{server.url}/p/{wrong}", timeout=10) for wrong in (
            "SIM-0001-\u0662\u0660\u0662\u0666\u0661\u0661\u0662\u0668-000001-0",
            "SIM-0001-20261128-\u0966\u0966\u0966\u0966\u0966\u0967-0")]
    finally:
        server.stop()
    assert [p.status_code for p in pages] == [404, 404]
    assert all("这不是有效的受理编号" in p.text for p in pages)


def test_numbers_cannot_be_walked_without_the_terminal_minted_token(synced):
    # tracking numbers are sequential: the bare number, a wrong or another terminal's token all answer exactly like
    # a damaged number, so a walker learns neither that the case exists nor that the number is well formed
    server, _, number, offline, *_, secret = synced
    damaged = httpx.get(f"{server.url}/p/not-a-number", timeout=10)
    token = receipt_link.token(secret, number)
    for wrong in (number, f"{number}.", f"{number}.{'0' * 20}", f"{number}.{token[:-1]}",
                  f"{number}.{receipt_link.token('another-terminal-secret', number)}", f"{offline}.{token}"):
        page = httpx.get(f"{server.url}/p/{wrong}", timeout=10)
        assert (page.status_code, page.text) == (damaged.status_code, damaged.text), wrong
    assert httpx.get(_link(server, number, secret), timeout=10).status_code == 200
