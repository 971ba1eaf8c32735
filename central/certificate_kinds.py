"""The certificate kinds central issues, read from a TOML file (central/certificate_kinds.toml) at start."""

from __future__ import annotations

import importlib
import string
import tomllib
from dataclasses import dataclass
from pathlib import Path

from central.certificates import Draft, holder_line
from central.sources import PERSON_FIELDS, HashId, RecordSource
from protocol.masking import mask_name

DEFAULT_FILE = Path(__file__).with_name("certificate_kinds.toml")
CASES = "cases"  # central's own case records: composed in central/certificates.py
_CASE_KINDS = ("case_record", "case_completion")


class KindsError(ValueError):
    """The kinds file cannot be used; the message names the file and the kind."""


@dataclass(frozen=True)
class Kind:
    name: str
    title: dict[str, str]
    source: str
    subject: dict[str, str]
    template: str


class CertificateKinds:
    """Every kind of the file, and the record source each non-case kind draws on (opened once, at start)."""

    def __init__(self, kinds: dict[str, Kind], sources: dict[str, RecordSource]) -> None:
        self.kinds = kinds
        self._sources = sources

    def title(self, kind: str) -> dict[str, str] | None:
        found = self.kinds.get(kind)
        return dict(found.title) if found else None

    def sourced(self) -> list[Kind]:
        return [k for k in self.kinds.values() if k.source != CASES]

    def offers(self, id_hash: str) -> list[dict]:
        """An offer per sourced kind whose source has a record for this person (OSError when one cannot be asked)."""
        out = []
        for kind in self.sourced():
            record = self._sources[kind.source].record(id_hash)
            if record is not None:
                out.append({"kind": kind.name, "ref": "", "title": dict(kind.title),
                            "subject": {lang: text.format_map(record) for lang, text in kind.subject.items()}})
        return out

    def compose(self, kind: str, id_hash: str) -> Draft | None:
        """The text of a sourced kind's certificate, or None when the source has no record for the person."""
        found = self.kinds.get(kind)
        if found is None or found.source == CASES:
            return None
        record = self._sources[found.source].record(id_hash)
        if record is None:
            return None
        name = str(record.get("name") or "").strip()
        fields = {**record, "holder": holder_line(name, str(record.get("id_number") or "").strip().upper())}
        lines = [line.strip() for line in found.template.strip().splitlines() if line.strip()]
        return Draft(found.title["zh"], "\n".join(line.format_map(fields) for line in lines), mask_name(name))


def load(path: Path, hash_id: HashId) -> CertificateKinds:
    """KindsError for anything that would fail later on a citizen's request: unreadable TOML, a missing title, a
    source that does not import, a template naming a field its source does not have."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise KindsError(f"certificate kinds file {path}: {exc}") from None
    kinds: dict[str, Kind] = {}
    sources: dict[str, RecordSource] = {}
    for name, entry in raw.items():
        where = f"certificate kinds file {path}, kind {name!r}"
        if not isinstance(entry, dict) or not name.isidentifier() or len(name) > 32:
            raise KindsError(f"{where}: a kind is a [table] with a short identifier as its name")
        title = _bilingual(entry.get("title"), f"{where}: title")
        source = entry.get("source")
        if not isinstance(source, str) or not source:
            raise KindsError(f"{where}: source must name 'cases' or a module")
        if source == CASES:
            if name not in _CASE_KINDS:
                raise KindsError(f"{where}: source 'cases' composes only {' and '.join(_CASE_KINDS)}")
            kinds[name] = Kind(name, title, source, {}, "")
            continue
        fields = _open(source, hash_id, sources, where)
        subject = _bilingual(entry.get("subject"), f"{where}: subject")
        template = entry.get("template")
        if not isinstance(template, str) or not template.strip():
            raise KindsError(f"{where}: template is missing")
        for text, what in ((template, "template"), (subject["zh"], "subject"), (subject["en"], "subject")):
            _check_fields(text, fields | ({"holder"} if what == "template" else set()), f"{where}: {what}")
        kinds[name] = Kind(name, title, source, subject, template)
    missing = [k for k in _CASE_KINDS if k not in kinds]
    if missing:
        raise KindsError(f"certificate kinds file {path}: {', '.join(missing)} missing (kiosks already offer them)")
    return CertificateKinds(kinds, sources)


def _bilingual(value: object, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(value.get(k), str) and value[k].strip() for k in ("zh", "en")):
        raise KindsError(f"{where} must be {{ zh = \"…\", en = \"…\" }}")
    return {"zh": value["zh"], "en": value["en"]}


def _open(source: str, hash_id: HashId, sources: dict[str, RecordSource], where: str) -> set[str]:
    try:
        module = importlib.import_module(source)
    except ImportError as exc:
        raise KindsError(f"{where}: source module {source!r} does not import: {exc}") from None
    fields, opener = getattr(module, "FIELDS", None), getattr(module, "open_source", None)
    if not isinstance(fields, tuple) or not callable(opener):
        raise KindsError(f"{where}: source module {source!r} needs FIELDS and open_source(hash_id)"
                         " (see central.sources)")
    if source not in sources:
        sources[source] = opener(hash_id)
    return set(fields) | set(PERSON_FIELDS)


def _check_fields(text: str, allowed: set[str], where: str) -> None:
    try:
        used = {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}
    except ValueError as exc:
        raise KindsError(f"{where}: {exc}") from None
    unknown = sorted(f for f in used if f not in allowed)
    if unknown:
        raise KindsError(f"{where} uses {', '.join('{' + f + '}' for f in unknown)}, which the source does not"
                         f" give (it gives {', '.join(sorted(allowed))})")
