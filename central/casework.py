"""Case work at central: the officer's actions (受理 / 补正 / 退回 / 办结) and where each may start, work lists by
status and service, and one case as staff see it (the applicant in clear only where the caller's role may see it)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, func, select, true

from central import tx
from central.schema import blobs, cases, history, terminals
from central.storage import CentralStore, StatusConflict
from protocol.masking import mask_address, mask_id, mask_name
from protocol.status import MAX_REASON, STATUSES, status_view

MAX_NOTE = 1000
MAX_ACTOR = 64
PER_PAGE = 50
MAX_PER_PAGE = 200
_APPLICANT_IN_CLEAR = ("gender", "nation", "kind", "source")  # no one is found by these


@dataclass(frozen=True)
class Action:
    code: str
    zh: str
    en: str
    to: str  # the status it sets
    sources: frozenset[str]  # the statuses it may start from
    needs_reason: bool  # the citizen is told why (the kiosk's progress screen shows the reason)

    def view(self) -> dict:
        return {"action": self.code, "label": {"zh": self.zh, "en": self.en}, "to": self.to,
                "needs_reason": self.needs_reason}


ACTIONS = {a.code: a for a in (
    # accepting starts the review; a case back from a correction is accepted again once the materials are in
    Action("accept", "受理", "Accept", "reviewing", frozenset({"received", "correction"}), False),
    Action("correct", "补正", "Request a correction", "correction", frozenset({"received", "reviewing"}), True),
    Action("return", "退回", "Return", "returned", frozenset({"received", "reviewing", "correction"}), True),
    Action("finish", "办结", "Finish", "completed", frozenset({"reviewing"}), False),
)}


class CaseworkError(ValueError):
    """An action that cannot be done as asked; `code` is stable, `text` says it in both languages."""

    def __init__(self, code: str, zh: str, en: str) -> None:
        super().__init__(f"{code}: {en}")
        self.code = code
        self.text = {"zh": zh, "en": en}


def allowed_actions(status: str) -> list[Action]:
    return [a for a in ACTIONS.values() if status in a.sources]


def clean_text(text: str | None, *, limit: int, what: tuple[str, str]) -> str | None:
    """Trimmed text with Unix line ends, None when empty; CaseworkError for control characters or too long a text
    (the reason is shown on a kiosk as plain text, and PostgreSQL cannot store NUL). `what`: its name (zh, en)."""
    if text is None:
        return None
    v = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if any(not (ch.isprintable() or ch == "\n") for ch in v):
        raise CaseworkError("bad_text", f"{what[0]}含有不可显示的字符", f"the {what[1]} holds characters that cannot be shown")
    if len(v) > limit:
        raise CaseworkError("text_too_long", f"{what[0]}最多 {limit} 个字",
                            f"the {what[1]} is longer than {limit} characters")
    return v or None


def check_actor(actor: str) -> str:
    a = (actor or "").strip()
    if not a or len(a) > MAX_ACTOR or any(not ch.isprintable() for ch in a):
        raise CaseworkError("bad_actor", "操作人无效", f"an actor is 1-{MAX_ACTOR} printable characters")
    return a


def _masked_value(value: object) -> object:
    """A form value for a role that may not see the applicant: its first character, the rest starred."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, list):
        return [_masked_value(v) for v in value]
    return mask_name(str(value)) if str(value) else ""


def _applicant(applicant: dict, reveal: bool) -> dict:
    if reveal:
        return dict(applicant)
    out = {k: applicant[k] for k in _APPLICANT_IN_CLEAR if k in applicant}
    for key, rule in (("name", mask_name), ("id_number", mask_id), ("address", mask_address)):
        if key in applicant:
            out[key] = rule(str(applicant[key] or ""))
    if "birth_date" in applicant:
        out["birth_date"] = str(applicant["birth_date"] or "")[:4] + "-**-**" if applicant["birth_date"] else ""
    return out


def _agent(agent: object, reveal: bool) -> dict | None:
    """Who applied for the applicant (亲友代办), as stored: a masked name and a keyed hash; the hash's first digits
    only for case officers (they match it against another case), none for the others."""
    if not isinstance(agent, dict):
        return None
    out = {k: str(agent.get(k) or "") for k in ("name", "relation", "kind", "source")}
    if reveal:
        out["id_hash"] = str(agent.get("id_hash") or "")[:16]
    return out


class Casework:
    """What the console's case pages call; every change is one transaction on the case and its history."""

    def __init__(self, store: CentralStore) -> None:
        self._store = store

    def act(self, tracking_no: str, action: str, *, actor: str, reason: str | None = None,
            note: str | None = None) -> dict:
        """Does `action` (a key of ACTIONS) on the case; `reason` is what the citizen will read (required for 补正
        and 退回, refused for the others), `note` a remark only staff see. Returns the case as case() with
        reveal=False. Raises LookupError for an unknown tracking number and CaseworkError (code not_allowed,
        reason_required, reason_not_shown, no_such_action, bad_text, text_too_long, bad_actor) otherwise."""
        step = ACTIONS.get(action)
        if step is None:
            raise CaseworkError("no_such_action", f"没有“{action}”这种操作", f"no action {action!r}")
        actor = check_actor(actor)
        reason = clean_text(reason, limit=MAX_REASON, what=("原因", "reason"))
        note = clean_text(note, limit=MAX_NOTE, what=("备注", "note"))
        if step.needs_reason and reason is None:
            raise CaseworkError("reason_required", f"{step.zh}需要写明原因，申请人会在查询进度时看到",
                                f"{step.en} needs a reason: the applicant reads it with their progress")
        if not step.needs_reason and reason is not None:
            raise CaseworkError("reason_not_shown", f"{step.zh}不向申请人显示原因，请写在备注里",
                                f"{step.en} shows no reason to the applicant: write it as a note")
        number = tracking_no.strip().upper()
        try:
            done = self._store.set_status(number, step.to, actor=actor, reason=reason, note=note,
                                          only_from=step.sources)
        except StatusConflict as exc:
            zh = STATUSES[exc.status][0] if exc.status in STATUSES else exc.status
            raise CaseworkError("not_allowed", f"此件{zh}，不能{step.zh}",
                                f"the case is {exc.status}: it cannot be given {step.en.lower()}") from None
        if done is None:
            raise LookupError(number)
        return self.case(number, reveal=False)

    def cases(self, *, status: str | list[str] | None = None, service: str | None = None, site: str | None = None,
              terminal: str | None = None, page: int = 1, per_page: int = PER_PAGE,
              oldest_first: bool = False) -> dict:
        """One page of cases, newest change first (or oldest arrival first, the order work is done in), with no
        personal data: {cases: [{tracking, case_number, terminal, site, service_code, status, status_text,
        created_at, updated_at}], total, page, per_page, pages}."""
        per_page = max(1, min(int(per_page), MAX_PER_PAGE))
        page = max(1, int(page))
        joined = cases.outerjoin(terminals, terminals.c.id == cases.c.terminal)
        where = []
        if status:
            where.append(cases.c.status.in_([status] if isinstance(status, str) else list(status)))
        if service:
            where.append(cases.c.service_code == service)
        if site:
            where.append(terminals.c.site == site)
        if terminal:
            where.append(cases.c.terminal == terminal)
        cond = and_(true(), *where)
        order = ((cases.c.created_at, cases.c.case_number) if oldest_first
                 else (cases.c.updated_at.desc(), cases.c.case_number.desc()))
        fields = (cases.c.tracking, cases.c.case_number, cases.c.terminal, terminals.c.site, cases.c.service_code,
                  cases.c.status, cases.c.created_at, cases.c.updated_at)
        with tx.reading(self._store.engine) as c:
            total = c.execute(select(func.count()).select_from(joined).where(cond)).scalar()
            rows = c.execute(select(*fields).select_from(joined).where(cond).order_by(*order)
                             .limit(per_page).offset((page - 1) * per_page)).all()
        names = ("tracking", "case_number", "terminal", "site", "service_code", "status", "created_at", "updated_at")
        listed = [dict(zip(names, r)) | {"status_text": _status_text(r[5])} for r in rows]
        return {"cases": listed, "total": total, "page": page, "per_page": per_page,
                "pages": max(1, -(-total // per_page))}

    def tallies(self) -> dict:
        """How many cases stand in each status and each service, for the lists' filters:
        {statuses: {code: n}, services: {code: n}}."""
        with tx.reading(self._store.engine) as c:
            by_status = dict(c.execute(select(cases.c.status, func.count()).group_by(cases.c.status)).all())
            by_service = dict(c.execute(select(cases.c.service_code, func.count())
                                        .group_by(cases.c.service_code)).all())
        return {"statuses": by_status, "services": by_service}

    def case(self, tracking_no: str, *, reveal: bool) -> dict | None:
        """The case as staff see it, None when unknown. `reveal`: the caller's role may see the applicant (case
        officers); otherwise names, ID numbers, addresses, birth dates and form values come masked.

        {tracking, case_number, terminal, site, service_code, status, status_text, reason, created_at, updated_at,
        applied_at, revealed, applicant{}, agent{name, relation, kind, source[, id_hash]}|None (亲友代办), form{},
        face_check{}|None, materials[{sha256, size, kind, stored}],
        history[{status, status_text, at, actor, reason, note}], actions[{action, label{zh,en}, to, needs_reason}]}
        """
        number = tracking_no.strip().upper()
        with tx.reading(self._store.engine) as c:
            row = c.execute(select(cases.c.case_number, cases.c.terminal, terminals.c.site, cases.c.service_code,
                                   cases.c.status, cases.c.created_at, cases.c.updated_at)
                            .select_from(cases.outerjoin(terminals, terminals.c.id == cases.c.terminal))
                            .where(cases.c.tracking == number)).first()
            if row is None:
                return None
            steps = c.execute(select(history.c.status, history.c.at, history.c.actor, history.c.reason,
                                     history.c.note).where(history.c.case_number == row[0])
                              .order_by(history.c.id)).all()
        body = self._store.case_body(number) or {}
        shas = [s for s in body.get("attachments") or [] if isinstance(s, str)]
        with tx.reading(self._store.engine) as c:
            sizes = dict(c.execute(select(blobs.c.sha256, blobs.c.size).where(blobs.c.sha256.in_(shas))).all()
                         ) if shas else {}
        evidence = body.get("face_evidence")
        applicant = body.get("applicant") if isinstance(body.get("applicant"), dict) else {}
        form = body.get("form") if isinstance(body.get("form"), dict) else {}
        face = body.get("face_check") if isinstance(body.get("face_check"), dict) else None
        trail = [{"status": s, "status_text": _status_text(s), "at": at, "actor": actor, "reason": reason,
                  "note": note} for s, at, actor, reason, note in steps]
        status = row[4]
        last = trail[-1] if trail else {}
        applied = body.get("created_at")
        return {"tracking": number, "case_number": row[0], "terminal": row[1], "site": row[2],
                "service_code": row[3], "status": status, "status_text": _status_text(status),
                "reason": last.get("reason") if last.get("status") == status else None,
                "created_at": row[5], "updated_at": row[6],
                "applied_at": applied if isinstance(applied, (int, float)) and not isinstance(applied, bool)
                else row[5],
                "revealed": reveal, "applicant": _applicant(applicant, reveal),
                "agent": _agent(body.get("agent"), reveal),
                "form": dict(form) if reveal else {k: _masked_value(v) for k, v in form.items()},
                "face_check": dict(face) if face is not None else None,
                "materials": [{"sha256": s, "size": sizes.get(s), "stored": s in sizes,
                               "kind": "face_evidence" if s == evidence else "attachment"} for s in shas],
                "history": trail, "actions": [a.view() for a in allowed_actions(status)]}

    def material(self, tracking_no: str, sha256: str, *, reveal: bool) -> bytes | None:
        """The bytes of one photographed material (or the face-check frame) of the case: personal data, so only
        for a role that may see the applicant (PermissionError otherwise). None when the case does not list it
        or central does not hold it."""
        if not reveal:
            raise PermissionError("materials show the applicant: only roles that may see the applicant get them")
        body = self._store.case_body(tracking_no.strip().upper()) or {}
        if sha256 not in (body.get("attachments") or []):
            return None
        return self._store.blob(sha256)


def _status_text(code: str) -> dict:
    return status_view(code)["status_text"] if code in STATUSES else {"zh": code, "en": code}

