"""Call-staff requests on the console: the open ones (on every page of the hall-floor roles, refreshed every few
seconds), and acknowledging one, which records who did and when."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path as PathParam, Request
from fastapi.responses import HTMLResponse, Response

from central import calls
from central.console.roles import CALLS
from central.console.web import NOTICES, Post, Refused, Staff, allow, allow_post, local_path, render, see_other

router = APIRouter(prefix="/console/calls", include_in_schema=False)
NOTICES.update({"call_acked": ("已确认呼叫，请前往终端", "call acknowledged: please go to the terminal"),
                "call_taken": ("此呼叫已由他人确认", "someone else acknowledged this call already")})
_TITLE = ("呼叫工作人员", "Staff calls")


def _lists(staff: Staff) -> dict:
    with staff.console.read() as c:
        return {"waiting": calls.waiting(c), "answered": calls.answered(c)}


@router.get("")
def calls_page(request: Request, staff: Annotated[Staff, Depends(allow(CALLS))]) -> HTMLResponse:
    return render(request, staff, "calls.html", title=_TITLE, **_lists(staff))


@router.get("/list")
def calls_list(request: Request, staff: Annotated[Staff, Depends(allow(CALLS))]) -> HTMLResponse:
    """The calls page's lists alone, for its refresh."""
    return render(request, staff, "_calls_list.html", title=_TITLE, back="/console/calls", **_lists(staff))


@router.get("/banner")
def calls_banner(request: Request, staff: Annotated[Staff, Depends(allow(CALLS))]) -> HTMLResponse:
    """The open calls banner alone, for the layout's refresh; `back` is the page it stands on."""
    return render(request, staff, "_calls_banner.html", title=_TITLE,
                  back=local_path(request.query_params.get("back"), "/console/calls"))


@router.post("/{item_id}/ack")
def acknowledge(item_id: Annotated[str, PathParam(max_length=128)],
                post: Annotated[Post, Depends(allow_post(CALLS))]) -> Response:
    staff = post.staff
    with staff.console.write() as c:
        found = calls.call(c, item_id)
        if found is None:
            raise Refused(404, "没有这条呼叫", "no such call", staff)
        closed = calls.acknowledge(c, item_id, staff.username, staff.console.clock())
        if closed:
            staff.audit(c, "call.ack", f"terminal:{found['terminal']}", call=item_id, screen=found["screen"])
    return see_other(local_path(post.text("back"), "/console/calls"), done="call_acked" if closed else "call_taken")
