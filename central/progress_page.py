"""The public progress page a receipt's QR opens on a phone: where the application stands and what comes next, in
Chinese and English, with nothing personal (plain HTML, escaped, no scripts)."""

from __future__ import annotations

import html
from datetime import datetime

from protocol.status import STATUSES

# what the citizen does next, by status; staff's own words (a correction's reason) stay off this page: free text
# may name a person, and the page is open to whoever holds the number
NEXT_STEP = {
    "received": ("无需操作，请等待审核。", "Nothing to do: please wait for the review."),
    "reviewing": ("无需操作，审核完成后状态会更新。", "Nothing to do: the status changes when the review is done."),
    "correction": ("需要补正材料。请在自助终端“进度查询”输入受理编号查看要求，或到大厅服务台咨询。",
                   "Something needs to be corrected. Type the tracking number at a kiosk's \"Progress\" to see what,"
                   " or ask at the service desk."),
    "completed": ("已办结。请凭本回执和身份证到办理大厅领取结果，或在自助终端查询、打印证明。",
                  "Completed. Bring this receipt and your ID card to the service hall for the result, or print"
                  " certificates at a kiosk."),
    "returned": ("申请已退回。请到大厅服务台了解原因，或在自助终端输入受理编号查看。",
                 "The application was returned. Ask at the service desk why, or type the tracking number at a"
                 " kiosk."),
}
WHERE = ("您提交申请的政务服务大厅（名称印在回执顶部）。", "The service hall where you applied (its name is at the top"
         " of your receipt).")

_STYLE = ("body{font-family:sans-serif;margin:0;padding:16px;max-width:40em;line-height:1.5;color:#111;"
          "background:#fff;font-size:17px}h1{font-size:1.4em;margin:0 0 12px}.en{color:#444;font-size:.9em}"
          "dl{margin:0}dt{font-weight:bold;margin-top:12px}dd{margin:0;overflow-wrap:anywhere}"
          ".status{font-size:1.3em;font-weight:bold}ol{padding-left:1.2em;margin:4px 0}"
          "footer{margin-top:24px;font-size:.85em;color:#444}")


def _day(at: float) -> str:
    return datetime.fromtimestamp(at).strftime("%Y-%m-%d %H:%M")


def _pair(zh: str, en: str) -> str:
    return f"{html.escape(zh)}<br><span class=\"en\">{html.escape(en)}</span>"


def _page(title: str, heading: tuple[str, str], body: str) -> str:
    return ("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<meta name=\"robots\" content=\"noindex\">"
            f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>"
            f"<h1>{_pair(*heading)}</h1>{body}</body></html>")


def _rows(rows: list[tuple[tuple[str, str], str]]) -> str:
    return "<dl>" + "".join(f"<dt>{_pair(*label)}</dt><dd>{value}</dd>" for label, value in rows) + "</dl>"


def found(number: str, service: str, case: dict) -> str:
    """`case`: the store's view of the case; only its status, dates and history's statuses are shown."""
    zh, en = STATUSES.get(case["status"], (case["status"], case["status"]))
    step = NEXT_STEP.get(case["status"], ("请到大厅服务台咨询。", "Please ask at the service desk."))
    history = "".join(f"<li>{html.escape(_day(h['at']))} {_pair(*STATUSES.get(h['status'], (h['status'],) * 2))}"
                      "</li>" for h in case.get("history", []) if h.get("status"))
    rows = [(("受理编号", "Tracking number"), html.escape(number)),
            (("办理事项", "Service"), html.escape(service)),
            (("当前状态", "Status"), f"<span class=\"status\">{_pair(zh, en)}</span>"),
            (("下一步", "Next step"), _pair(*step)),
            (("办理地点", "Where to go"), _pair(*WHERE)),
            (("平台受理时间", "Received by the platform"), html.escape(_day(case["created_at"]))),
            (("最近更新", "Last update"), html.escape(_day(case["updated_at"])))]
    if history:
        rows.append((("办理记录", "History"), f"<ol>{history}</ol>"))
    return _page("办件进度 Application progress", ("办件进度", "Application progress"), _rows(rows) + _FOOTER)


def not_received(number: str) -> str:
    """A well-formed number central has not heard of: a receipt printed while the terminal was offline."""
    rows = [(("受理编号", "Tracking number"), html.escape(number)),
            (("当前状态", "Status"), f"<span class=\"status\">{_pair('平台尚未收到', 'Not yet received')}</span>"),
            (("说明", "Note"), _pair(
                "自助终端离线时提交的申请已保存在终端上，网络恢复后自动上传，上传后这里会显示办理进度。"
                "如果几天后仍显示尚未收到，请携带回执到大厅服务台咨询。",
                "An application made while the kiosk was offline is kept on the kiosk and uploads when its network"
                " is back; its progress shows here after that. If this page still says so after a few days, bring"
                " the receipt to the service desk."))]
    return _page("办件进度 Application progress", ("平台尚未收到该申请", "Not yet received"), _rows(rows) + _FOOTER)


def not_found() -> str:
    """Anything that is not a tracking number (mistyped, damaged, another code)."""
    body = ("<p>" + _pair("这不是有效的受理编号。请核对回执上的编号，或到大厅服务台咨询。",
                          "This is not a valid tracking number. Check the number on your receipt, or ask at the"
                          " service desk.") + "</p>")
    return _page("未找到 Not found", ("未找到该办件", "Application not found"), body)


_FOOTER = ("<footer>" + _pair("本页不显示申请人姓名、证件号码或申请内容。",
                              "This page never shows the applicant's name, ID number or form.") + "</footer>")
