"""Receipt QR contents: the public progress URL is built short and read back, old bare numbers still read."""

from datetime import date

import pytest

from protocol import receipt_link, tracking
from protocol.receipt_link import NotOurs

NUMBER = tracking.issue("SIM-0001", date(2026, 11, 28), 42)


SECRET = "terminal-signing-secret-for-tests"


def test_url_is_base_page_number_and_token():
    token = receipt_link.token(SECRET, NUMBER)
    assert len(token) == receipt_link.TOKEN_HEX == 20 and int(token, 16) >= 0  # 80 bits
    assert receipt_link.progress_url("https://zwfw.example.gov.cn", NUMBER, SECRET) == \
        f"https://zwfw.example.gov.cn/p/{NUMBER}.{token}"
    assert receipt_link.progress_url("https://zwfw.example.gov.cn/kiosk/", NUMBER, SECRET) == \
        f"https://zwfw.example.gov.cn/kiosk/p/{NUMBER}.{token}"


def test_token_depends_on_number_and_terminal_secret():
    token = receipt_link.token(SECRET, NUMBER)
    other = tracking.issue("SIM-0001", date(2026, 11, 28), 43)
    assert receipt_link.token(SECRET, other) != token and receipt_link.token("other", NUMBER) != token
    assert receipt_link.token_ok(SECRET, NUMBER, token)
    assert not receipt_link.token_ok(SECRET, NUMBER, token.upper()) and not receipt_link.token_ok(SECRET, NUMBER, "")


def test_without_a_public_url_the_qr_holds_the_bare_number():
    assert receipt_link.progress_url("", NUMBER, SECRET) == NUMBER


def test_new_links_read_back_to_the_number():
    assert receipt_link.tracking_of(receipt_link.progress_url("https://zwfw.example.gov.cn", NUMBER, SECRET)) == NUMBER


@pytest.mark.parametrize("text", [
    f"https://zwfw.example.gov.cn/p/{NUMBER}",
    f"https://other.example.org/prefix/p/{NUMBER}",  # central moved: old receipts keep working
    f"HTTPS://ZWFW.EXAMPLE.GOV.CN/p/{NUMBER}",
    f"http://127.0.0.1:8600/p/{NUMBER}",
    NUMBER,  # receipts printed before public links
    tracking.grouped(NUMBER),
    f"  {NUMBER}\n",
])
def test_both_forms_read_back_to_the_number(text):
    assert receipt_link.tracking_of(text) == NUMBER


def _bad_check(number: str) -> str:
    last = number[-1]
    return number[:-1] + ("0" if last != "0" else "1")


@pytest.mark.parametrize("text", [
    "", "   ",
    "https://u.wechat.com/EFsBmWdTq3LxyzQ",  # a WeChat contact code
    "weixin://wxpay/bizpayurl?pr=abc",
    "wxp://f2f0abcdef",
    "https://zwfw.example.gov.cn/verify/7KQ3M9XD2B6FH1QA",  # a certificate's QR, not a receipt
    f"https://zwfw.example.gov.cn/p/{_bad_check(NUMBER)}",
    _bad_check(NUMBER),
    f"https://zwfw.example.gov.cn/p/{NUMBER}?utm=1",
    f"https://zwfw.example.gov.cn/p/{NUMBER}#x",
    f"ftp://zwfw.example.gov.cn/p/{NUMBER}",
    "https://zwfw.example.gov.cn/p/",
    "KIOSK-TEST-SIM-0001",
    "x" * 5000,
])
def test_foreign_or_damaged_contents_are_not_ours(text):
    with pytest.raises(NotOurs):
        receipt_link.tracking_of(text)


@pytest.mark.parametrize("text", [
    "SIM-0001-\u0662\u0660\u0662\u0666\u0661\u0661\u0662\u0668-000042-0",
    "https://zwfw.example.gov.cn/p/SIM-0001-20261128-\u0966\u0966\u0966\u0966\u096a\u0968-0",
])
def test_non_ascii_digits_are_not_ours(text):
    with pytest.raises(NotOurs):
        receipt_link.tracking_of(text)
