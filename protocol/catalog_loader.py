"""Load a catalog directory (catalog.toml + items/*.toml or *.json) and validate it, naming file, item and field."""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from protocol.catalog_schema import CatalogHeader, ServiceItem

HEADER_NAMES = ("catalog.toml", "catalog.json")
ITEMS_DIR = "items"
MAX_FAULTS_IN_MESSAGE = 10
# arrays and tables nest a few levels in a real catalog; both parsers recurse per level, so deeper input is
# refused before it reaches them
MAX_NESTING = 32
# strings (TOML's four kinds; JSON's one is among them) and comments are skipped, so brackets in texts never count
_TOKENS = re.compile("|".join((
    r'"""(?:[^"\\]|\\.|"(?!""))*""""{0,2}',
    r"'''(?:[^']|'(?!''))*''''{0,2}",
    r'"(?:[^"\\\n]|\\.)*"',
    r"'[^'\n]*'",
    r"#[^\n]*",
    r"[\[\]{}]",
)), re.S)


@dataclass(frozen=True)
class Fault:
    file: str
    item: str  # item code, "" for the header or an item without a usable code
    field: str  # dotted path inside the item, e.g. "materials.2.originals"
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.item:
            where += f": item {self.item}"
        if self.field:
            where += f": {self.field}"
        return f"{where}: {self.message}"


class CatalogError(Exception):
    """A catalog that cannot be used; `faults` lists every problem found, each with file, item and field."""

    def __init__(self, faults: list[Fault]):
        self.faults = faults
        shown = "\n".join(str(f) for f in faults[:MAX_FAULTS_IN_MESSAGE])
        more = len(faults) - MAX_FAULTS_IN_MESSAGE
        super().__init__(shown + (f"\n... and {more} more" if more > 0 else ""))


@dataclass(frozen=True)
class LoadedCatalog:
    """Validated contents of a catalog directory, before indexes are built."""

    directory: Path
    header: CatalogHeader
    items: list[ServiceItem]
    sources: dict[str, str]  # item code -> file it came from (relative to the directory)


def _read(path: Path, rel: str) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise CatalogError([Fault(rel, "", "", f"cannot read: {e.strerror}")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise CatalogError([Fault(rel, "", "", "not UTF-8 text")]) from None
    if _too_deep(text):
        raise CatalogError([Fault(rel, "", "", f"nested more than {MAX_NESTING} levels deep")])
    try:
        if path.suffix == ".json":
            return json.loads(text)
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as e:
        raise CatalogError([Fault(rel, "", "", f"syntax error: {e}")]) from None


def _too_deep(text: str) -> bool:
    depth = 0
    for m in _TOKENS.finditer(text):
        token = m.group()
        if token in ("[", "{"):
            depth += 1
            if depth > MAX_NESTING:
                return True
        elif token in ("]", "}"):
            depth = max(depth - 1, 0)
    return False


def _faults(rel: str, item: str, err: ValidationError, prefix: str = "") -> list[Fault]:
    out = []
    for e in err.errors(include_url=False):
        loc = ".".join(str(p) for p in e["loc"])
        field = ".".join(p for p in (prefix, loc) if p)
        msg = e["msg"]
        if e["type"] == "extra_forbidden":
            msg = "unknown key (check the spelling; see docs/catalog.md)"
        elif e["type"] == "missing":
            msg = "required key is missing"
        elif not isinstance(e.get("input"), (dict, list)):
            got = repr(e.get("input"))
            msg += f" (got {got[:60] + '...' if len(got) > 60 else got})"
        out.append(Fault(rel, item, field, msg))
    return out


def _override(base: dict, changes: dict) -> dict:
    """A library entry with an item's changes; a Chinese text changed without its English drops the library's
    English (it translated the old text), so English mode shows the new Chinese, marked, never a wrong English."""
    merged = {**base, **changes}
    for key in changes:
        if f"{key}_en" in base and f"{key}_en" not in changes:
            del merged[f"{key}_en"]
    return merged


def _resolve_refs(raw: dict, header: CatalogHeader, rel: str, code: str, faults: list[Fault]) -> dict:
    """Replace { ref = "idcard", ... } materials and "phone" form entries by their library entries."""
    raw = dict(raw)
    materials = raw.get("materials")
    if isinstance(materials, list):
        resolved = []
        for i, m in enumerate(materials):
            if isinstance(m, dict) and "ref" in m:
                if not isinstance(m["ref"], str):
                    faults.append(Fault(rel, code, f"materials.{i}.ref", "must be the name of a material"))
                    continue
                base = header.material.get(m["ref"])
                if base is None:
                    faults.append(Fault(rel, code, f"materials.{i}.ref", f"no material {m['ref']!r} in catalog.toml"))
                    continue
                m = _override(base.model_dump(exclude_defaults=True), {k: v for k, v in m.items() if k != "ref"})
            resolved.append(m)
        raw["materials"] = resolved
    form = raw.get("form")
    if isinstance(form, list):
        resolved = []
        for i, f in enumerate(form):
            ref = f if isinstance(f, str) else f.get("ref") if isinstance(f, dict) else None
            if ref is not None:
                if not isinstance(ref, str):
                    faults.append(Fault(rel, code, f"form.{i}.ref", "must be the key of a field"))
                    continue
                base = header.field.get(ref)
                if base is None:
                    faults.append(Fault(rel, code, f"form.{i}", f"no field {ref!r} in catalog.toml"))
                    continue
                extra = {k: v for k, v in f.items() if k != "ref"} if isinstance(f, dict) else {}
                f = _override(base.model_dump(exclude_defaults=True), extra)
            resolved.append(f)
        raw["form"] = resolved
    return raw


def _check_references(item: ServiceItem, header: CatalogHeader, rel: str, faults: list[Fault]) -> None:
    themes = {g.code for g in header.theme}
    events = {g.code for g in header.life_event}
    departments = {d.code for d in header.department}
    queues = {q.code for q in header.queue}
    if item.department not in departments:
        faults.append(Fault(rel, item.code, "department", f"no department {item.department!r} in catalog.toml"))
    for i, t in enumerate(item.themes):
        if t not in themes:
            faults.append(Fault(rel, item.code, f"themes.{i}", f"no theme {t!r} in catalog.toml"))
    for i, e in enumerate(item.life_events):
        if e not in events:
            faults.append(Fault(rel, item.code, f"life_events.{i}", f"no life event {e!r} in catalog.toml"))
    if item.queue and item.queue not in queues:
        faults.append(Fault(rel, item.code, "queue", f"no queue {item.queue!r} in catalog.toml"))


def _english_faults(model: BaseModel, rel: str, item: str, where: str, faults: list[Fault]) -> None:
    """An English text (`<key>_en`) translates its Chinese one: English with no Chinese beside it is shown nowhere
    (a misplaced key), and conditions are translated line by line."""
    prefix = f"{where}." if where else ""
    for key in type(model).model_fields:
        if not key.endswith("_en"):
            continue
        zh, en = getattr(model, key[:-3]), getattr(model, key)
        if en and not zh:
            faults.append(Fault(rel, item, prefix + key, f"English is set but {key[:-3]} is empty"))
        elif isinstance(en, list) and en and len(en) != len(zh):
            faults.append(Fault(rel, item, prefix + key, f"{len(en)} lines, but {key[:-3]} has {len(zh)}: "
                                                         "translate each line (or leave it out)"))


def _check_english(item: ServiceItem, rel: str, faults: list[Fault]) -> None:
    _english_faults(item, rel, item.code, "", faults)
    for kind, entries in (("materials", item.materials), ("fees", item.fees), ("form", item.form)):
        for i, entry in enumerate(entries):
            _english_faults(entry, rel, item.code, f"{kind}.{i}", faults)


def _check_header(header: CatalogHeader, rel: str, faults: list[Fault]) -> None:
    queues = {q.code for q in header.queue}
    for kind, groups in (("theme", header.theme), ("life_event", header.life_event),
                         ("department", header.department), ("queue", header.queue)):
        seen: set[str] = set()
        for i, g in enumerate(groups):
            if g.code in seen:
                faults.append(Fault(rel, "", f"{kind}.{i}.code", f"{g.code!r} appears twice"))
            seen.add(g.code)
    for i, d in enumerate(header.department):
        if d.queue not in queues:
            faults.append(Fault(rel, "", f"department.{i}.queue", f"no queue {d.queue!r}"))
    if header.general is not None and header.general.queue not in queues:
        faults.append(Fault(rel, "", "general.queue", f"no queue {header.general.queue!r}"))
    for kind, library in (("material", header.material), ("field", header.field)):
        for ref, entry in library.items():
            _english_faults(entry, rel, "", f"{kind}.{ref}", faults)
    for kind, groups in (("theme", header.theme), ("life_event", header.life_event),
                         ("department", header.department)):
        for i, g in enumerate(groups):
            _english_faults(g, rel, "", f"{kind}.{i}", faults)


def read_header(directory: Path) -> CatalogHeader:
    """catalog.toml (or .json) alone, validated: the version without loading every item."""
    directory = Path(directory)
    header_path = next((directory / n for n in HEADER_NAMES if (directory / n).is_file()), None)
    if header_path is None:
        raise CatalogError([Fault(str(directory), "", "", "no catalog.toml or catalog.json in this directory")])
    try:
        return CatalogHeader.model_validate(_read(header_path, header_path.name))
    except ValidationError as e:
        raise CatalogError(_faults(header_path.name, "", e)) from None


def load_directory(directory: Path) -> LoadedCatalog:
    """Read and validate everything; raise CatalogError listing all faults found."""
    directory = Path(directory)
    header = read_header(directory)
    rel_header = next(n for n in HEADER_NAMES if (directory / n).is_file())
    faults: list[Fault] = []
    _check_header(header, rel_header, faults)

    files = sorted(p for p in (directory / ITEMS_DIR).glob("*") if p.suffix in (".toml", ".json"))
    if not files:
        faults.append(Fault(ITEMS_DIR, "", "", "no item files (*.toml or *.json)"))
    items: list[ServiceItem] = []
    sources: dict[str, str] = {}
    for path in files:
        rel = f"{ITEMS_DIR}/{path.name}"
        try:
            doc = _read(path, rel)
        except CatalogError as e:
            faults.extend(e.faults)
            continue
        extra = set(doc) - {"item"} if isinstance(doc, dict) else set()
        if not isinstance(doc, dict) or not isinstance(doc.get("item"), list) or extra:
            faults.append(Fault(rel, "", "", "expected only a list of items ([[item]] tables / {\"item\": [...]})"))
            continue
        for i, raw in enumerate(doc["item"]):
            code = raw.get("code") if isinstance(raw, dict) and isinstance(raw.get("code"), str) else ""
            label = code or f"#{i + 1}"
            if not isinstance(raw, dict):
                faults.append(Fault(rel, label, "", "an item must be a table"))
                continue
            raw = _resolve_refs(raw, header, rel, label, faults)
            try:
                item = ServiceItem.model_validate(raw)
            except ValidationError as e:
                faults.extend(_faults(rel, label, e))
                continue
            if item.code in sources:
                faults.append(Fault(rel, item.code, "code", f"already defined in {sources[item.code]}"))
                continue
            _check_references(item, header, rel, faults)
            _check_english(item, rel, faults)
            sources[item.code] = rel
            items.append(item)
    if faults:
        raise CatalogError(faults)
    return LoadedCatalog(directory, header, items, sources)
