"""The case pages: work lists by status and service, one case with its applicant (in clear for case officers only,
and every such look audited), its photographed materials, its history, and the actions 受理 / 补正 / 退回 / 办结."""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path as PathParam, Query, Request
from fastapi.responses import HTMLResponse, Response

from central.casework import MAX_NOTE, Casework, CaseworkError
from central.console import services
from central.console.roles import CASES, CASEWORK
from central.console.web import NOTICES, Post, Refused, Staff, allow, allow_post, render, see_other
from protocol.status import MAX_REASON, STATUSES

router = APIRouter(prefix="/console/cases", include_in_schema=False)
NOTICES.update({
    "case_accept": ("已受理，进入审核", "accepted: the case is under review"),
    "case_correct": ("已要求补正：申请人查询进度时会看到原因", "correction requested: the applicant reads the reason"),
    "case_return": ("已退回：申请人查询进度时会看到原因", "returned: the applicant reads the reason"),
    "case_finish": ("已办结", "finished"),
})
PER_PAGE = 50
ORDERS = {"new": ("最近变动在前", "latest change first"), "old": ("最早接收在前", "oldest first")}
# the applicant's fields in the order a case officer reads them
APPLICANT = {"name": ("姓名", "Name"), "id_number": ("身份证号", "ID number"), "gender": ("性别", "Gender"),
             "nation": ("民族", "Ethnicity"), "birth_date": ("出生日期", "Date of birth"),
             "address": ("住址", "Address"), "phone": ("联系电话", "Phone"), "kind": ("证件类型", "Document"),
             "source": ("来源", "Read from")}
# the helper of a proxy application (亲友代办): what central keeps of them
AGENT = {"name": ("代办人", "Helper"), "relation": ("与申请人关系", "Relation to the applicant"),
         "id_hash": ("证件号散列（前16位）", "ID number hash (first 16)"), "kind": ("证件类型", "Document"),
         "source": ("来源", "Read from")}
FACE = {"decision": ("结论", "Decision"), "distance": ("距离", "Distance"), "threshold": ("阈值", "Threshold"),
        "attempts": ("尝试次数", "Attempts"), "liveness_passed": ("活体检测", "Liveness")}
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
# what a photographed material may be served as; anything else goes out as a download, never rendered
_IMAGES = ((b"\xff\xd8\xff", "image/jpeg", "jpg"), (b"\x89PNG\r\n\x1a\n", "image/png", "png"))


def _number(tracking: str) -> str:
    return tracking.strip().upper()


@router.get("")
def cases_page(request: Request, staff: Annotated[Staff, Depends(allow(CASES))],
               status: Annotated[str, Query(max_length=32)] = "", service: Annotated[str, Query(max_length=64)] = "",
               site: Annotated[str, Query(max_length=64)] = "", order: Annotated[str, Query(max_length=8)] = "new",
               page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> HTMLResponse:
    work = Casework(staff.console.store)
    status = status if status in STATUSES else ""
    order = order if order in ORDERS else "new"
    listed = work.cases(status=status or None, service=service.strip() or None, site=site.strip() or None,
                        page=page, per_page=PER_PAGE, oldest_first=order == "old")
    tallies = work.tallies()
    query = {"status": status, "service": service.strip(), "site": site.strip(), "order": order}

    def link(**changes) -> str:
        params = {k: v for k, v in {**query, **changes}.items() if v and not (k == "order" and v == "new")}
        return "/console/cases" + ("?" + urlencode(params) if params else "")

    return render(request, staff, "cases.html", title=("办件", "Cases"), listed=listed, tallies=tallies,
                  statuses=STATUSES, orders=ORDERS, query=query, link=link, revealed=staff.may(CASEWORK),
                  titles=services.titles(request, staff.console.store),
                  sites=sorted({t["site"] for t in staff.console.store.terminals() if t["site"]}))


def _case_page(request: Request, staff: Staff, tracking: str, *, status: int = 200, error: dict | None = None,
               typed: dict | None = None) -> HTMLResponse:
    reveal = staff.may(CASEWORK)
    found = Casework(staff.console.store).case(tracking, reveal=reveal)
    if found is None:
        raise Refused(404, "没有这个办件", "no such case", staff)
    if reveal:  # who looked at whose application: the target names the case, never the person
        staff.record("case.view", f"case:{found['tracking']}")
    title = services.titles(request, staff.console.store).get(found["service_code"])
    return render(request, staff, "case.html", title=("办件 " + found["tracking"], "Case " + found["tracking"]),
                  status=status, case=found, service_title=title, may_act=reveal, error=error, typed=typed or {},
                  applicant_labels=APPLICANT, agent_labels=AGENT, face_labels=FACE, max_reason=MAX_REASON,
                  max_note=MAX_NOTE)


@router.get("/{tracking}")
def case_page(tracking: Annotated[str, PathParam(max_length=64)], request: Request,
              staff: Annotated[Staff, Depends(allow(CASES))]) -> HTMLResponse:
    return _case_page(request, staff, tracking)


@router.post("/{tracking}/actions/{action}")
def act(tracking: Annotated[str, PathParam(max_length=64)], action: Annotated[str, PathParam(max_length=16)],
        request: Request, post: Annotated[Post, Depends(allow_post(CASEWORK))]) -> Response:
    staff = post.staff
    number = _number(tracking)
    # the form's own limits are generous: Casework says, in both languages, what is too long
    reason, note = post.text("reason", 4 * MAX_REASON) or None, post.text("note", 4 * MAX_NOTE) or None
    try:
        done = Casework(staff.console.store).act(number, action, actor=staff.username, reason=reason, note=note)
    except LookupError:
        raise Refused(404, "没有这个办件", "no such case", staff) from None
    except CaseworkError as exc:
        return _case_page(request, staff, number, status=409 if exc.code == "not_allowed" else 400,
                          error=exc.text, typed={"action": action, "reason": reason or "", "note": note or ""})
    staff.record(f"case.{action}", f"case:{done['tracking']}", to=done["status"], reason=reason, note=bool(note))
    return see_other(f"/console/cases/{done['tracking']}", done=f"case_{action}")


@router.get("/{tracking}/materials/{sha256}")
def material(tracking: Annotated[str, PathParam(max_length=64)], sha256: Annotated[str, PathParam(max_length=64)],
             staff: Annotated[Staff, Depends(allow(CASEWORK))]) -> Response:
    """One photographed material (or the face-check frame), for case officers; each opening is audited."""
    number = _number(tracking)
    data = Casework(staff.console.store).material(number, sha256, reveal=True) if _SHA256.match(sha256) else None
    if data is None:
        raise Refused(404, "没有这份材料", "no such material", staff)
    staff.record("case.material", f"case:{number}", material=sha256[:16])
    kind = next(((t, ext) for magic, t, ext in _IMAGES if data.startswith(magic)), None)
    media, disposition = (kind[0], f'inline; filename="{sha256[:16]}.{kind[1]}"') if kind else (
        "application/octet-stream", f'attachment; filename="{sha256[:16]}.bin"')
    # no-store and nosniff come with every console answer (mount.ConsoleHeaders); sandbox: never a document
    return Response(data, media_type=media, headers={"Content-Disposition": disposition,
                                                     "Content-Security-Policy": "sandbox; default-src 'none'"})
