"""The console's foundation: the Console every page reaches through app.state, the dependencies a page declares
(`allow(...)`: who may see it; `allow_post(...)`: who may post its form, CSRF checked), `render()` of a template
inside the layout, `see_other()` after a post, and the refusals (login needed, role, CSRF) as answers."""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from sqlalchemy import Connection
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from central import calls, db
from central.console import accounts, anchor, audit, nav, sessions
from central.console.accounts import LoginPolicy
from central.console.roles import CALLS, FLEET, ROLES
from central.console.sessions import Session, SessionPolicy
from central.console.throttle import LoginThrottle, ThrottlePolicy
from central.fleet import FleetPolicy

COOKIE = "console_session"
LOGIN_COOKIE = "console_login"  # the login form's signed CSRF token (sessions.login_token)
POLL_HEADER = "x-console-poll"  # console.js's refreshes: they do not keep a session alive
TEMPLATES = Path(__file__).with_name("templates")
STATIC = Path(__file__).with_name("static")

# ?done=<code> after a post -> the line the next page shows; each page module adds its own codes
NOTICES: dict[str, tuple[str, str]] = {"logged_out": ("已退出", "logged out")}


@dataclass(frozen=True)
class ConsolePolicy:
    sessions: SessionPolicy = SessionPolicy()
    login: LoginPolicy = LoginPolicy()
    throttle: ThrottlePolicy = ThrottlePolicy()
    fleet: FleetPolicy = FleetPolicy()
    refresh_seconds: float = 3.0  # how often open pages look for new call-staff requests


class Console:
    """What every page needs: the database, the clock, the audit trail's key, the templates. One per app."""

    def __init__(self, store, clock: Callable[[], float] = time.time, policy: ConsolePolicy = ConsolePolicy()) -> None:
        self.store, self.engine, self.clock, self.policy = store, store.engine, clock, policy
        self.audit_key = audit.chain_key(store.keys.data)
        self.anchor = anchor.Anchor(store.folder / anchor.FILE)
        self.login_key = hmac.new(store.keys.data, b"console login form", hashlib.sha256).digest()
        self.throttle = LoginThrottle(self.engine, store.keys.data, policy.throttle, clock=clock)
        self.templates = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                                     trim_blocks=True, lstrip_blocks=True)
        self.templates.globals.update(bi=bi, ago=ago, ROLES=ROLES, FLEET=FLEET, current_item=nav.current)
        self.templates.filters.update(when=when)
        self.templates.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction (on SQLite it takes the write lock at BEGIN); its audit entries move the anchor
        once it has committed."""
        with anchor.writing(self.engine, self.anchor) as c:
            yield c

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as c:
            c = c.execution_options(**db.READ_ONLY)
            with c.begin():
                yield c

    def check_audit(self) -> tuple[audit.ChainCheck, anchor.AnchorCheck]:
        """Walks the whole trail and holds its end against the anchor; an intact trail at or past the anchor (or with
        no anchor yet) becomes the new anchor."""
        try:
            held = self.anchor.read()  # before the transaction: whatever it names has committed
        except ValueError:
            held, unreadable = None, True
        else:
            unreadable = False
        with self.read() as c:
            chain = audit.verify(c, self.audit_key)
            found = anchor.compare(c, held)
        if unreadable:
            return chain, anchor.AnchorCheck("unreadable")
        if found.holds and chain.intact and chain.head is not None:
            self.anchor.catch_up(chain.head)
        return chain, found

    def audit(self, c: Connection, *, actor: str, role: str, action: str, target: str = "",
              detail: dict | None = None) -> int:
        return audit.append(c, self.audit_key, at=self.clock(), actor=actor, role=role, action=action,
                            target=target, detail=detail)


def console_of(request: Request) -> Console:
    return request.app.state.console


@dataclass(frozen=True)
class Staff:
    """The member of staff behind a request, with a live session."""

    username: str
    role: str
    session: Session
    console: Console = field(repr=False)

    def may(self, roles: Iterable[str]) -> bool:
        return self.role in roles

    def audit(self, c: Connection, action: str, target: str = "", **detail) -> int:
        """An audit entry in the caller's transaction: it commits with the change it records, or not at all."""
        return self.console.audit(c, actor=self.username, role=self.role, action=action, target=target,
                                  detail=detail)

    def record(self, action: str, target: str = "", **detail) -> int:
        """An audit entry in a transaction of its own (after a change made through another store's method)."""
        with self.console.write() as c:
            return self.audit(c, action, target, **detail)


@dataclass(frozen=True)
class Post:
    """A posted form that passed the role and CSRF checks."""

    staff: Staff
    form: FormData

    def text(self, name: str, max_length: int = 2000) -> str:
        value = self.form.get(name)
        return "" if not isinstance(value, str) else value.strip()[:max_length]

    def raw(self, name: str) -> str:
        """As typed (passwords keep their spaces)."""
        value = self.form.get(name)
        return value if isinstance(value, str) else ""

    def file(self, name: str) -> UploadFile | None:
        value = self.form.get(name)
        return value if isinstance(value, UploadFile) else None


class NeedLogin(Exception):
    """No live session: a page answers with the login form, a refresh with 401."""


class Refused(Exception):
    """A bilingual refusal shown as a page (inside the layout when the caller is logged in)."""

    def __init__(self, status: int, zh: str, en: str, staff: Staff | None = None) -> None:
        super().__init__(en)
        self.status, self.zh, self.en, self.staff = status, zh, en, staff


def _roles(roles: tuple) -> frozenset[str]:
    wanted = set()
    for r in roles:
        wanted |= {r} if isinstance(r, str) else set(r)
    unknown = wanted - set(ROLES)
    if unknown or not wanted:
        raise ValueError(f"roles must be some of {sorted(ROLES)}, not {sorted(unknown)}")
    return frozenset(wanted)


def staff_of(request: Request, wanted: frozenset[str]) -> Staff:
    """The logged-in member of staff, if their role is one of `wanted` (blocking: call it in the thread pool)."""
    console = console_of(request)
    now = console.clock()
    policy = console.policy.sessions
    with console.read() as c:
        session = sessions.find(c, request.cookies.get(COOKIE), now, policy)
        role = accounts.role_of(c, session.username) if session and session.username else None
    if session is None or role is None:
        raise NeedLogin()
    if request.headers.get(POLL_HEADER) != "1" and now - session.last_seen >= policy.touch_every:
        with console.write() as c:
            sessions.touch(c, session, now, policy)
    staff = Staff(session.username, role, session, console)
    if role not in wanted:
        raise Refused(403, "您的角色不能打开此页面", "your role may not open this page", staff)
    return staff


def allow(*roles: str | Iterable[str]) -> Callable[[Request], Staff]:
    """A page's dependency: `staff: Annotated[Staff, Depends(allow(FLEET))]`. Without a session the browser is sent
    to the login form; a role outside `roles` gets 403."""
    wanted = _roles(roles)

    def dependency(request: Request) -> Staff:
        return staff_of(request, wanted)

    return dependency


def allow_post(*roles: str | Iterable[str]) -> Callable:
    """A form post's dependency: `post: Annotated[Post, Depends(allow_post(CALLS))]`. Also refuses (403) a form
    without the session's CSRF token, or sent from another origin."""
    wanted = _roles(roles)

    async def dependency(request: Request) -> Post:
        staff = await run_in_threadpool(staff_of, request, wanted)  # before the body is parsed (an upload)
        form = await request.form()
        csrf = form.get("csrf")
        if not same_origin(request) or not staff.session.csrf_matches(csrf if isinstance(csrf, str) else None):
            raise Refused(403, "表单已失效或不是从控制台提交的：请重新打开页面再提交",
                          "this form has expired or did not come from the console: open the page again and resubmit",
                          staff)
        return Post(staff, form)

    return dependency


def same_origin(request: Request) -> bool:
    """A browser's Origin header, when it sends one, names this host (a second wall behind the CSRF token)."""
    origin = request.headers.get("origin")
    return origin is None or urlsplit(origin).netloc == request.headers.get("host", "")


def render(request: Request, staff: Staff | None, template: str, *, title: tuple[str, str], status: int = 200,
           **context) -> HTMLResponse:
    """A template (which extends layout.html, or is a bare fragment) with what the layout needs: who is logged in,
    their menu, the CSRF token for forms, the notice of the last post, and the open calls for the banner."""
    console = staff.console if staff else console_of(request)
    base = {
        "request": request, "staff": staff, "title": title, "path": request.url.path,
        "menu": nav.menu(staff.role) if staff else [], "csrf": staff.session.csrf if staff else "",
        "refresh": console.policy.refresh_seconds, "now": console.clock(),
        "notice": NOTICES.get(request.query_params.get("done", "")),
        "open_calls": _open_calls(console) if staff and staff.may(CALLS) else None,
    }
    html = console.templates.get_template(template).render(**base, **context)
    return HTMLResponse(html, status_code=status)


def _open_calls(console: Console) -> Callable[[], list[dict]]:
    @cache
    def once() -> list[dict]:  # asked for by the layout's banner only
        with console.read() as c:
            return calls.waiting(c)

    return once


def see_other(path: str, done: str | None = None, **query) -> RedirectResponse:
    """The answer to a successful post: the browser GETs `path` (so a reload does not post again)."""
    params = {**({"done": done} if done else {}), **{k: v for k, v in query.items() if v not in (None, "")}}
    return RedirectResponse(path + ("?" + urlencode(params) if params else ""), status_code=303)


def local_path(target: str | None, fallback: str) -> str:
    """`target` when it is a console path of ours (never another site: no scheme, no //, no backslash)."""
    if target and target.startswith("/console/") and "//" not in target and "\\" not in target:
        return target
    return fallback


def bi(zh: str, en: str) -> Markup:
    """Chinese first, English beside it."""
    return Markup('<span class="zh">{}</span> <span class="en" lang="en">{}</span>').format(zh, en)


def when(ts: float | None, full: bool = False) -> str:
    if ts is None:
        return "—"
    return datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M:%S" if full else "%m-%d %H:%M:%S")


def ago(seconds: float | None) -> Markup:
    if seconds is None:
        return bi("从未", "never")
    s = max(0.0, seconds)
    unit, zh, en = next(u[1:] for u in _UNITS if s < u[0])
    n = int(s // unit)
    return Markup('<span class="zh">{n} {zh}前</span> <span class="en" lang="en">{n} {en} ago</span>').format(
        n=n, zh=zh, en=en)


# (below this many seconds, count in, zh, en)
_UNITS = ((60, 1, "秒", "s"), (3600, 60, "分钟", "min"), (86400, 3600, "小时", "h"), (float("inf"), 86400, "天", "d"))
