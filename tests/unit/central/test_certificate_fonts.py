"""Certificate fonts parsed once per process: later PDFs, and PDFs made at once in several threads, still read right."""

import io
import threading
from dataclasses import replace

from pypdf import PdfReader

from central import certificate_fonts
from central.certificate_pdf import DEFAULT_FONT, render
from tests.helpers.certificates import PAGE, pdf_text


def _body(i: int) -> str:
    # each document its own characters, so each subset differs: a subset shared between documents would show
    names = "甲乙丙丁戊己庚辛壬癸"
    return (f"兹证明 测试{names[i % 10]}{names[(i + 3) % 10]}（公民身份号码 990101********{i:04d}）于2026年11月20日"
            f"申请的「最低生活保障申请」（受理编号 A1B2C3D4E{i:03d}）已办结。\n特此证明。")


def _reads_right(pdf: bytes, i: int) -> None:
    text = pdf_text(pdf).replace(" ", "").replace("\n", "")
    for paragraph in _body(i).replace(" ", "").splitlines():
        assert paragraph in text, i
    fonts = [f.get_object() for page in PdfReader(io.BytesIO(pdf)).pages
             for f in page["/Resources"]["/Font"].values()]
    assert all(str(f["/BaseFont"])[7] == "+" for f in fonts)  # subsets, not the 4 MB font


def test_the_font_is_parsed_once_and_later_documents_still_read_right():
    assert certificate_fonts.CACHEABLE  # the installed fpdf2 is one the per-document copy was checked against
    first = render(replace(PAGE, body=_body(1)))
    parsed = certificate_fonts.parsed(DEFAULT_FONT)
    second = render(replace(PAGE, body=_body(2)))
    assert certificate_fonts.parsed(DEFAULT_FONT) is parsed
    _reads_right(first, 1)
    _reads_right(second, 2)
    # the same page twice gives the same bytes: nothing of one document leaks into the next
    assert render(replace(PAGE, body=_body(1))) == first


def test_documents_made_at_once_in_threads_each_read_right():
    results: dict[int, bytes] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def make(i: int) -> None:
        try:
            start.wait(timeout=60)
            results[i] = render(replace(PAGE, body=_body(i)))
        except BaseException as exc:  # noqa: BLE001 (reported below, in the test's own thread)
            errors.append(exc)

    threads = [threading.Thread(target=make, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    assert not errors and sorted(results) == [0, 1, 2, 3]
    for i, pdf in results.items():
        _reads_right(pdf, i)
    assert results[0] == render(replace(PAGE, body=_body(0)))
