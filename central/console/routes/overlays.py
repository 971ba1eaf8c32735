"""Publishing a configuration overlay from a terminal's page, for the terminal or for its whole site, or withdrawing
one; a refusal comes back on the page with each refused key and why, the text as typed."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Path as PathParam, Request
from fastapi.responses import Response

from central.console import overlayview
from central.console.roles import OVERLAYS
from central.console.routes.fleet import terminal_view
from central.console.web import NOTICES, Post, Refused, allow_post, see_other
from protocol.overlays import MAX_BYTES, OverlayRefused

router = APIRouter(prefix="/console/terminals", include_in_schema=False)
NOTICES.update({
    "overlay_published": ("配置已发布：终端会在下次检查时取得，并在空闲时重启生效",
                          "overlay published: the terminal fetches it at its next check and applies it when idle"),
    "overlay_withdrawn": ("配置已撤回", "overlay withdrawn"),
})


@router.post("/{terminal}/overlay")
def publish_overlay(terminal: Annotated[str, PathParam(max_length=64)], request: Request,
                    post: Annotated[Post, Depends(allow_post(OVERLAYS))]) -> Response:
    staff = post.staff
    store = staff.console.store
    found = store.terminals(terminal)
    if not found:
        raise Refused(404, "没有这台终端", "no such terminal", staff)
    scope = "site" if post.text("scope") == "site" else "terminal"
    site = found[0]["site"]
    if scope == "site" and not site:
        raise Refused(400, "这台终端没有站点", "this terminal has no site", staff)
    target = f"site:{site}" if scope == "site" else f"terminal:{terminal}"
    withdraw = post.text("do") == "withdraw"
    # as typed (TOML cares about every character), line ends made Unix; the store refuses what is too long
    text = post.raw("toml").replace("\r\n", "\n")[: 2 * MAX_BYTES]
    try:
        version = store.publish_overlay(target, None if withdraw else text, staff.username)
    except OverlayRefused as exc:
        staff.record("overlay.refused", target, problems=str(exc))
        return terminal_view(request, staff, terminal, status=400, overlay_form={
            "scope": scope, "toml": text, "problems": overlayview.problems(str(exc))})
    staff.record("overlay.withdraw" if withdraw else "overlay.publish", target, version=version)
    return see_other(f"/console/terminals/{quote(terminal, safe='')}",
                     done="overlay_withdrawn" if withdraw else "overlay_published")
