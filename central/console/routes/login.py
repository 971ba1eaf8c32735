"""Logging in and out, the console's front door, and each member of staff's own account page (password change)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from central.console import accounts, nav, passwords, sessions
from central.console.roles import EVERYONE
from central.console.web import (COOKIE, LOGIN_COOKIE, NOTICES, Post, Staff, allow, allow_post, console_of, local_path,
                                 render, same_origin, see_other)

router = APIRouter(prefix="/console", include_in_schema=False)
NOTICES.update({"password_changed": ("密码已修改", "password changed")})
_LOGIN_TITLE = ("登录", "Log in")


def set_cookie(response: Response, request: Request, token: str) -> None:
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict", secure=request.url.scheme == "https",
                        path="/console")


def _login_page(request: Request, csrf: str, *, status: int = 200, error: tuple[str, str] | None = None,
                username: str = "", retry_after: float | None = None) -> HTMLResponse:
    page = render(request, None, "login.html", title=_LOGIN_TITLE, status=status, error=error, username=username,
                  login_csrf=csrf, next=local_path(request.query_params.get("next"), ""))
    if retry_after is not None:
        page.headers["Retry-After"] = str(max(1, round(retry_after)))
    return page


@router.get("")
@router.get("/")
def front_door(request: Request) -> RedirectResponse:
    console = console_of(request)
    with console.read() as c:
        session = sessions.find(c, request.cookies.get(COOKIE), console.clock(), console.policy.sessions)
        role = accounts.role_of(c, session.username) if session and session.username else None
    return RedirectResponse(nav.home(role) if role else "/console/login", status_code=303)


@router.get("/login")
def login_form(request: Request) -> Response:
    """The form, with a signed CSRF token in it and in a cookie: nothing is written for a visitor."""
    console = console_of(request)
    now = console.clock()
    with console.read() as c:
        session = sessions.find(c, request.cookies.get(COOKIE), now, console.policy.sessions)
        role = accounts.role_of(c, session.username) if session and session.username else None
    if role:
        return RedirectResponse(nav.home(role), status_code=303)
    return _with_login_token(request, console, _login_page)


def _with_login_token(request: Request, console, page_of, **kw) -> Response:
    token = sessions.login_token(console.login_key, console.clock())
    page = page_of(request, token, **kw)
    page.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="strict", secure=request.url.scheme == "https",
                    path="/console", max_age=int(console.policy.sessions.anonymous_seconds))
    return page


@router.post("/login")
async def login(request: Request) -> Response:
    form = await request.form()
    return await run_in_threadpool(_login, request, {k: v for k, v in form.items() if isinstance(v, str)})


def _login(request: Request, form: dict[str, str]) -> Response:
    console = console_of(request)
    policy = console.policy
    address = request.client.host if request.client else "unknown"
    username, password = form.get("username", "").strip()[:64], form.get("password", "")
    csrf = request.cookies.get(LOGIN_COOKIE)
    if not sessions.login_token_ok(console.login_key, csrf, form.get("csrf"), console.clock(), policy.sessions) \
            or not same_origin(request):
        return _expired_form(request, username)
    with console.read() as c:
        checked = accounts.stored_hash(c, username)
    wait = console.throttle.take(address)  # before the password is checked: parallel guesses each need a token
    if wait:
        return _login_page(request, csrf, status=429, username=username, retry_after=wait,
                           error=("登录失败次数过多，请稍后再试", "too many failed logins from here: wait a while"))
    right = passwords.verify(checked, password)
    rehashed = passwords.hash_password(password, new=False) if right and passwords.needs_rehash(checked) else None
    now = console.clock()
    with console.write() as c:
        outcome = accounts.settle(c, username, checked, right, now, policy.login, rehashed=rehashed)
        if outcome.ok:
            console.throttle.give_back(c, address)  # only failures spend this address's tries
            name = accounts.check_username(username)
            before = sessions.find(c, request.cookies.get(COOKIE), now, policy.sessions)
            if before is not None:  # the token from before the login is worth nothing now
                sessions.end(c, before.id)
            token = sessions.start(c, name, now, policy.sessions)
            console.audit(c, actor=name, role=outcome.role, action="login", target=f"staff:{name}",
                          detail={"address": address})
        else:
            actor = username.lower() if outcome.exists else "(unknown)"
            console.audit(c, actor=actor, role=outcome.role, action="login.failed",
                          target=f"staff:{actor}" if outcome.exists else "",
                          detail={"reason": outcome.reason, "address": address, "locked": outcome.just_locked})
    if not outcome.ok:
        if outcome.reason == "locked":
            until = datetime.fromtimestamp(outcome.locked_until).strftime("%H:%M")
            error = (f"连续失败次数过多，账户已锁定至 {until}", f"too many failures: the account is locked until {until}")
            return _login_page(request, csrf, status=423, username=username, error=error)
        if outcome.reason == "disabled":
            return _login_page(request, csrf, status=403, username=username,
                               error=("此账户已停用", "this account is disabled"))
        return _login_page(request, csrf, status=401, username=username,
                           error=("用户名或密码不正确", "wrong username or password"))
    response = RedirectResponse(local_path(form.get("next"), nav.home(outcome.role)), status_code=303)
    set_cookie(response, request, token)
    response.delete_cookie(LOGIN_COOKIE, path="/console")
    return response


def _expired_form(request: Request, username: str) -> Response:
    """An expired login form, or one posted from elsewhere: refused, with a fresh form to try again."""
    return _with_login_token(request, console_of(request), _login_page, status=403, username=username,
                             error=("登录页面已失效，请重新登录", "the login page had expired: log in again"))


@router.post("/logout")
def logout(request: Request, post: Annotated[Post, Depends(allow_post(EVERYONE))]) -> Response:
    staff = post.staff
    with staff.console.write() as c:
        sessions.end(c, staff.session.id)
        staff.audit(c, "logout", f"staff:{staff.username}")
    response = see_other("/console/login", done="logged_out")
    response.delete_cookie(COOKIE, path="/console")
    return response


@router.get("/account")
def account(request: Request, staff: Annotated[Staff, Depends(allow(EVERYONE))]) -> HTMLResponse:
    return render(request, staff, "account.html", title=("我的账户", "My account"),
                  min_length=passwords.MIN_LENGTH, error=None)


@router.post("/account/password")
def change_password(request: Request, post: Annotated[Post, Depends(allow_post(EVERYONE))]) -> Response:
    """The current password again, then the new one twice; the other sessions of the account end."""
    staff = post.staff
    console = staff.console
    current, new, again = post.raw("current"), post.raw("new"), post.raw("again")
    problem = None
    if new != again:
        problem = ("两次输入的新密码不一致", "the two new passwords differ")
    else:
        try:
            passwords.check_new(new)
        except passwords.WeakPassword as exc:
            zh, _, en = str(exc).partition(" / ")
            problem = (zh, en)
    # the argon2 work outside the transaction (it would hold SQLite's write lock)
    with console.read() as c:
        checked = accounts.stored_hash(c, staff.username)
    right = problem is None and passwords.verify(checked, current)
    hashed = passwords.hash_password(new) if right else None
    with console.write() as c:
        if problem is None and not accounts.settle(c, staff.username, checked, right, console.clock(),
                                                   console.policy.login).ok:
            problem = ("当前密码不正确", "the current password is wrong")
        if problem is None:
            accounts.set_password_hash(c, staff.username, hashed)
            sessions.end_all(c, staff.username, keep=staff.session.id)
        staff.audit(c, "password.change" if problem is None else "password.change_failed", f"staff:{staff.username}",
                    reason=problem[1] if problem else None)
    if problem:
        return render(request, staff, "account.html", title=("我的账户", "My account"), status=400,
                      min_length=passwords.MIN_LENGTH, error=problem)
    return see_other("/console/account", done="password_changed")
