"""Certificates central issues from its case records: offers, body text, verify codes, the verify page; no I/O."""

from __future__ import annotations

import html
import secrets
from dataclasses import dataclass
from datetime import datetime

from protocol.masking import mask_id, mask_name
from protocol.verification import shown_hash

DEFAULT_ISSUER = "政务服务中心（参考平台）"
KINDS = {
    "case_record": {"zh": "办件记录证明", "en": "Record of applications"},
    "case_completion": {"zh": "办结证明", "en": "Certificate of completion"},
}
# Crockford base32: no I, L, O or U, so a code read aloud or typed from paper is hard to get wrong
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_TYPO = str.maketrans({"I": "1", "L": "1", "O": "0"})
# 80 bits: guessing one of a million issued codes at the rate limit would take longer than the universe has existed
VERIFY_CODE_LENGTH = 16
# the 50-bit codes printed before them stay valid
_ISSUED_LENGTHS = (10, VERIFY_CODE_LENGTH)
# the printer wraps long lines, but a record certificate for a very busy person must still fit on a receipt
MAX_RECORD_LINES = 50


@dataclass(frozen=True)
class Draft:
    """A certificate's text before central numbers it; `holder` is the masked name that verification shows."""

    title: str
    body: str
    holder: str


def new_verify_code() -> str:
    """16 random Crockford base32 characters (80 bits), printed in groups of four."""
    return "".join(secrets.choice(_CROCKFORD) for _ in range(VERIFY_CODE_LENGTH))


def normalise_code(code: str) -> str | None:
    """A typed or scanned code as stored (upper case, I/L read as 1, O as 0, dashes and spaces dropped)."""
    v = code.strip().upper().replace("-", "").replace(" ", "").translate(_TYPO)
    if len(v) not in _ISSUED_LENGTHS or any(ch not in _CROCKFORD for ch in v):
        return None
    return v


def verification(found: dict, kind_text: dict[str, str] | None = None) -> dict:
    """What the public page shows of a stored certificate: enough to hold against the paper, no name or ID number
    (the holder is masked, the text is known only by its hash). kind_text: the kinds file's title of its kind."""
    kind = kind_text or KINDS.get(found["kind"], {"zh": found["title"], "en": found["title"]})
    return {"valid": True, "certificate_number": found["certificate_number"], "kind": found["kind"],
            "kind_text": dict(kind), "title": found["title"], "issued_on": chinese_date(found["issued_at"]),
            "holder": found["holder"], "issuer": found["issuer"], "document_hash": shown_hash(found["body_sha256"])}


def chinese_date(ts: float) -> str:
    d = datetime.fromtimestamp(ts)
    return f"{d.year}年{d.month}月{d.day}日"


def _iso_day(ts: float) -> str:
    return f"{datetime.fromtimestamp(ts):%Y-%m-%d}"


def _title(code: str, titles: dict[str, str]) -> str:
    return titles.get(code) or code


def offers(cases: list[dict], titles: dict[str, str]) -> list[dict]:
    """What this person can get: a record of all cases (if any) and a completion certificate per completed case."""
    if not cases:
        return []
    n = len(cases)
    out = [{"kind": "case_record", "ref": "", "title": KINDS["case_record"],
            "subject": {"zh": f"共 {n} 件", "en": f"{n} application{'s' if n != 1 else ''}"}}]
    for c in cases:
        if c["status"] == "completed":
            subject = f"{_title(c['service_code'], titles)} · {c['tracking']}"
            out.append({"kind": "case_completion", "ref": c["tracking"], "title": KINDS["case_completion"],
                        "subject": {"zh": subject, "en": subject}})
    return out


def _holder(cases: list[dict]) -> tuple[str, str]:
    """(name, ID number) as the newest case with a name gives them: the person's own latest spelling."""
    for c in reversed(cases):
        if c["name"]:
            return c["name"], c["id_number"]
    return "", cases[-1]["id_number"]


def holder_line(name: str, id_number: str) -> str:
    # the full name: it is the holder's own certificate; the ID number masked, as on any printed slip
    return f"{name}（公民身份号码 {mask_id(id_number)}）" if name else f"公民身份号码 {mask_id(id_number)} 的申请人"


def compose(kind: str, ref: str, cases: list[dict], titles: dict[str, str], now: float,
            status_zh: dict[str, str]) -> Draft | None:
    """The certificate's text, or None when the records do not support it (central answers no_record)."""
    if kind not in KINDS or not cases:
        return None
    name, id_number = _holder(cases)
    title = KINDS[kind]["zh"]
    if kind == "case_record":
        if ref:
            return None
        shown = cases[-MAX_RECORD_LINES:]
        lines = [f"兹证明 {holder_line(name, id_number)}在本平台共有办件记录 {len(cases)} 件"
                 + (f"（以下为最近 {len(shown)} 件）" if len(shown) < len(cases) else "") + "："]
        for i, c in enumerate(shown, 1):
            lines.append(f"{i}. {_title(c['service_code'], titles)}  受理编号 {c['tracking']}  "
                         f"{_iso_day(c['applied_at'])}  {status_zh.get(c['status'], c['status'])}")
        lines.append("特此证明。")
        return Draft(title, "\n".join(lines), mask_name(name))
    case = next((c for c in cases if c["tracking"] == ref), None)
    if case is None or case["status"] != "completed" or case["completed_at"] is None:
        return None
    body = (f"兹证明 {holder_line(name, id_number)}于{chinese_date(case['applied_at'])}申请的"
            f"「{_title(case['service_code'], titles)}」（受理编号 {case['tracking']}）"
            f"已于{chinese_date(case['completed_at'])}办结。\n特此证明。")
    return Draft(title, body, mask_name(name))


def verify_page(view: dict | None) -> str:
    """The HTML a phone shows after scanning the certificate's QR code (plain, escaped, no scripts); `view` is
    verification()'s answer."""
    if view is None:
        heading = "未找到该证明 Certificate not found"
        rows = [("说明 Note", "此核验码没有对应的证明。请核对核验码，或向出具机构咨询。"
                              " No certificate has this code. Check the code or ask the issuer.")]
        note = ""
    else:
        heading = "证明真实有效 Certificate is genuine"
        rows = [("证明编号 Number", view["certificate_number"]),
                ("证明类型 Type", f"{view['kind_text']['zh']} {view['kind_text']['en']}"),
                ("持证人 Holder", view["holder"] or "—"), ("出具日期 Issued on", view["issued_on"]),
                ("出具机构 Issuer", view["issuer"]), ("内容摘要 Document hash", view["document_hash"])]
        note = ("<p>请逐位核对纸质证明上的“内容摘要”：不一致即说明内容被改动过。"
                " Compare the document hash printed on the paper digit by digit: any difference means the text"
                " was changed.</p>"
                "<p>A4 证明的 PDF 文件带有出具机构的数字签名（电子签章），可在 PDF 阅读器的签名面板中离线核验：签名有效即说明"
                "文件出自该机构且签章后未被改动。 The PDF of an A4 certificate carries the issuer's digital signature"
                " (electronic seal): a PDF reader's signature panel checks it offline, and a valid signature means the"
                " file comes from the issuer and has not been changed since it was sealed.</p>")
    cells = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>" for k, v in rows)
    return ("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>证明核验 Certificate check</title></head><body><h1>{html.escape(heading)}</h1>"
            f"<table>{cells}</table>{note}</body></html>")
