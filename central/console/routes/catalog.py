"""The catalog pages: uploaded versions and where each is published, uploading a signed bundle (checked with the
kiosk's own loader; refusals name file, item and field), publishing to every site or some, withdrawing, and the
rollout per terminal (the version offered against the one it runs)."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Depends, Path as PathParam, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from central.catalogs import MAX_BYTES, Catalogs, CatalogRejected
from central.console.roles import CATALOG
from central.console.web import NOTICES, Post, Refused, Staff, allow, allow_post, render, see_other

router = APIRouter(prefix="/console/catalog", include_in_schema=False)
UPLOAD = "/console/catalog/upload"  # central/bodies.py lets this one route's body be as large as a bundle
NOTICES.update({
    "catalog_uploaded": ("目录已上传并通过校验，尚未发布", "catalog uploaded and checked; not published yet"),
    "catalog_unchecked": ("目录已上传并通过校验；中心未设置信任的签名公钥，签名将由终端校验",
                          "catalog uploaded and checked; central trusts no signing key, so the kiosks check the "
                          "signature"),
    "catalog_known": ("这个目录版本之前已上传过，内容相同", "this catalog version was uploaded before, same content"),
    "catalog_published": ("已发布：终端会在下次检查更新时安装", "published: terminals install it at their next update check"),
    "catalog_withdrawn": ("已撤回：已安装的终端保留此版本", "withdrawn: terminals that installed it keep it"),
})
_SITES_SPLIT = re.compile(r"[\s,，、;；]+")


def _catalog_page(request: Request, staff: Staff, *, status: int = 200, faults: list[dict] | None = None,
                  error: tuple[str, str] | None = None) -> HTMLResponse:
    store = staff.console.store
    shelf = Catalogs(store)
    rollout = shelf.rollout()
    sites = sorted({t["site"] for t in store.terminals() if t["site"]})
    return render(request, staff, "catalog.html", title=("办事目录", "Catalog"), status=status,
                  versions=shelf.versions(), rollout=rollout, sites=sites, keys=shelf.trusted_keys(),
                  faults=faults, error=error, max_mb=MAX_BYTES / 1_000_000, upload=UPLOAD,
                  behind=sum(1 for r in rollout if not r["current"]))


@router.get("")
def catalog_page(request: Request, staff: Annotated[Staff, Depends(allow(CATALOG))]) -> HTMLResponse:
    return _catalog_page(request, staff)


@router.post("/upload")
async def upload(request: Request, post: Annotated[Post, Depends(allow_post(CATALOG))]) -> Response:
    staff = post.staff
    sent = post.file("bundle")
    if sent is None or not sent.filename:
        return await run_in_threadpool(_catalog_page, request, staff, status=400,
                                       error=("请选择要上传的目录文件（.zip）", "choose the catalog file (.zip) to upload"))
    try:
        payload = await sent.read(MAX_BYTES + 1)
    finally:
        await sent.close()
    return await run_in_threadpool(_upload, request, staff, payload, sent.filename)


def _upload(request: Request, staff: Staff, payload: bytes, filename: str) -> Response:
    try:
        done = Catalogs(staff.console.store).upload(payload, actor=staff.username)
    except CatalogRejected as exc:
        staff.record("catalog.upload_refused", "", file=filename[:80], size=len(payload), faults=len(exc.faults))
        return _catalog_page(request, staff, status=400, faults=exc.faults)
    version = done["catalog"]["version"]
    staff.record("catalog.upload", f"catalog:{version}", new=done["new"], size=len(payload),
                 signature_checked=done["catalog"]["signature_checked"])
    notice = "catalog_known" if not done["new"] else "catalog_unchecked" if done["warnings"] else "catalog_uploaded"
    return see_other("/console/catalog", done=notice, version=version)


def _targets(post: Post) -> list[str] | None:
    """None: every site; else the ticked sites and any typed in (comma or space separated)."""
    if post.text("scope") == "all":
        return None
    ticked = [s.strip() for s in post.form.getlist("site") if isinstance(s, str) and s.strip()]
    typed = [s for s in _SITES_SPLIT.split(post.text("other_sites", 2000)) if s]
    return list(dict.fromkeys(ticked + typed))


@router.post("/{version}/publish")
def publish(version: Annotated[str, PathParam(max_length=64)], request: Request,
            post: Annotated[Post, Depends(allow_post(CATALOG))]) -> Response:
    return _change(request, post, version, "publish")


@router.post("/{version}/withdraw")
def withdraw(version: Annotated[str, PathParam(max_length=64)], request: Request,
             post: Annotated[Post, Depends(allow_post(CATALOG))]) -> Response:
    return _change(request, post, version, "withdraw")


def _change(request: Request, post: Post, version: str, what: str) -> Response:
    staff = post.staff
    sites = _targets(post)
    if sites == []:
        return _catalog_page(request, staff, status=400,
                             error=("请勾选或填写至少一个站点，或选择“全部站点”", "tick or type at least one site, or choose every site"))
    shelf = Catalogs(staff.console.store)
    try:
        (shelf.publish if what == "publish" else shelf.withdraw)(version, sites=sites, actor=staff.username)
    except LookupError:
        raise Refused(404, "没有这个目录版本", "no such catalog version", staff) from None
    except ValueError as exc:
        return _catalog_page(request, staff, status=400, error=("站点代码无效", str(exc)))
    staff.record(f"catalog.{what}", f"catalog:{version}", sites="*" if sites is None else ",".join(sites))
    return see_other("/console/catalog", done=f"catalog_{'published' if what == 'publish' else 'withdrawn'}")
