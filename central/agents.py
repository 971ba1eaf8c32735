"""Who applied for the applicant (亲友代办): the helper as central records them, a keyed hash and a masked name."""

from __future__ import annotations

from typing import Callable

from protocol.idnumber import IdNumberError, checked
from protocol.masking import mask_name

MAX_WORD = 16  # relation, kind, source: short words


def _word(agent: dict, key: str) -> str:
    value = agent.get(key, "")
    if not isinstance(value, str) or len(value) > MAX_WORD or not value.isprintable():
        raise ValueError(f"agent.{key} is not a short word")
    return value.strip()


def recorded(agent: object, applicant_id: str, id_hash: Callable[[str], str]) -> dict:
    """The `agent` of a submission as central keeps it: the helper's ID number replaced by central's keyed hash,
    the name masked (张*); the applicant (the principal) stays in the sealed body as sent. ValueError when it is
    malformed or names the applicant themselves."""
    if not isinstance(agent, dict):
        raise ValueError("agent is not an object")
    try:
        number = checked(str(agent.get("id_number") or ""))
    except IdNumberError as exc:
        raise ValueError(f"agent.id_number: {exc.reason}") from None
    if number == applicant_id.strip().upper():
        raise ValueError("the agent is the applicant")
    name = agent.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > 64:
        raise ValueError("agent.name is missing")
    return {"id_hash": id_hash(number), "name": mask_name(name), "relation": _word(agent, "relation"),
            "kind": _word(agent, "kind"), "source": _word(agent, "source")}
