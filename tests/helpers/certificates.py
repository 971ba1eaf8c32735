"""Test helpers for sealed certificates: a test CA per test, a page of invented data, pyHanko's validator."""

from __future__ import annotations

import io
from pathlib import Path

from central.certificate_pdf import CertificatePage

# an invented person with an invented ID number (region 99 does not exist)
PAGE = CertificatePage(
    title="办结证明", holder="测*甲", issuer="示范市政务服务中心", issued_on="2026年11月28日",
    body="兹证明 测试甲（公民身份号码 990101********0015）于2026年11月20日申请的「最低生活保障申请」"
         "（受理编号 A1B2C3D4E5F6）已于2026年11月23日办结。\n特此证明。",
    certificate_number="Z20261128000001", verify_code="7KQ3-M9XD-2B6F-H1QA",
    verify_url="https://zwfw.example.invalid/verify/7KQ3M9XD2B6FH1QA", document_hash="3f2a 9c1b 77d0 e415",
    sealed=True)


def signature_status(pdf: bytes, ca_pem: Path):
    """pyHanko's verdict on the PDF's one signature, with the test CA as the only trusted root."""
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    signatures = PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    assert len(signatures) == 1
    return validate_pdf_signature(signatures[0], ValidationContext(trust_roots=[load_cert_from_pemder(str(ca_pem))]))


def pdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
