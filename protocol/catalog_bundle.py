"""Signed catalog bundles: a zip of catalog.toml and items/* with a detached signature over all of them."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from protocol import catalog_signing
from protocol.catalog_loader import HEADER_NAMES, ITEMS_DIR, load_directory

FORMAT = "hall-kiosk catalog bundle 1"
SIGNATURE = "bundle.sig"  # the one member not covered by the signature: it holds it
MAX_MEMBERS = 500
MAX_SIGNATURE_BYTES = 4096
MEMBER = re.compile(rf"^(?:{'|'.join(map(re.escape, HEADER_NAMES))}|{ITEMS_DIR}/[A-Za-z0-9_.-]+\.(?:toml|json))$")
# updates must be ordered, so their versions are dotted numbers compared number by number: 2026.11.2 > 2026.9.30
_VERSION = re.compile(r"^\d{1,9}(?:\.\d{1,9}){0,7}$")


class UpdateRefused(Exception):
    """The bundle is unusable; the catalog in use stays as it is."""


def version_key(version: str) -> tuple[int, ...] | None:
    """The version as numbers to compare, or None if it is not dotted numbers."""
    return tuple(int(p) for p in version.split(".")) if _VERSION.match(version) else None


def manifest(version: str, files: dict[str, bytes]) -> bytes:
    """What is signed: format, version and the SHA-256 of every member, in name order.

    Computed from the members actually present, so a changed, added, removed or renamed member changes it.
    """
    lines = [FORMAT, f"version {version}"]
    lines += [f"{hashlib.sha256(files[name]).hexdigest()} {name}" for name in sorted(files)]
    return ("\n".join(lines) + "\n").encode("ascii")


def digest(version: str, files: dict[str, bytes]) -> str:
    return hashlib.sha256(manifest(version, files)).hexdigest()


def signature_text(version: str, signature: str) -> bytes:
    return f"{FORMAT}\nversion {version}\nsignature {signature}\n".encode("ascii")


def parse_signature(data: bytes) -> tuple[str, str]:
    """(version, signature) from a bundle.sig member; UpdateRefused if it is not one."""
    try:
        lines = data.decode("ascii").splitlines()
    except UnicodeDecodeError:
        raise UpdateRefused(f"{SIGNATURE} is not ASCII text") from None
    if len(lines) != 3 or lines[0] != FORMAT or not lines[1].startswith("version ") \
            or not lines[2].startswith("signature "):
        raise UpdateRefused(f"{SIGNATURE} is not a {FORMAT!r} signature")
    version = lines[1].removeprefix("version ")
    if version_key(version) is None:
        raise UpdateRefused(f"bundle version {version[:40]!r} is not dotted numbers")
    return version, lines[2].removeprefix("signature ")


def catalog_files(directory: Path) -> dict[str, bytes]:
    """The members of a bundle made from this directory: its header and items/*.toml|json (ValueError: a name
    a bundle cannot carry)."""
    directory = Path(directory)
    files = {n: (directory / n).read_bytes() for n in HEADER_NAMES if (directory / n).is_file()}
    for p in sorted((directory / ITEMS_DIR).glob("*")):
        if p.suffix not in (".toml", ".json"):
            continue
        name = f"{ITEMS_DIR}/{p.name}"
        if not MEMBER.match(name):  # the loader would read it, a bundle could not carry it
            raise ValueError(f"{name}: item file names may hold only letters, digits, '_', '.' and '-'")
        files[name] = p.read_bytes()
    return files


def make_bundle(directory: Path, private_key_pem: bytes) -> bytes:
    """Validate a catalog directory and pack it, signed, for central to serve (`kiosk central serve --catalog`).

    Raises loader.CatalogError for a catalog the kiosks would refuse, ValueError for a version they could not order.
    """
    version = load_directory(directory).header.version
    if version_key(version) is None:
        raise ValueError(f"catalog version {version!r} must be dotted numbers (like 2026.11.2) to be sent as an update")
    files = catalog_files(directory)
    signature = catalog_signing.sign(private_key_pem, manifest(version, files))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(files):
            z.writestr(name, files[name])
        z.writestr(SIGNATURE, signature_text(version, signature))
    return buf.getvalue()


@dataclass(frozen=True)
class Bundle:
    version: str
    signature: str
    files: dict[str, bytes]  # member name -> content, bundle.sig excluded

    @property
    def digest(self) -> str:
        return digest(self.version, self.files)


def read_bundle(payload: bytes, max_bytes: int) -> Bundle:
    """The members of a bundle, every size bounded before it is read; nothing is parsed but the zip directory."""
    if payload[:4] != b"PK\x03\x04":
        raise UpdateRefused("not a signed catalog bundle (a zip made by `kiosk catalog bundle --signing-key`)")
    try:
        z = zipfile.ZipFile(io.BytesIO(payload))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as e:
        raise UpdateRefused(f"not a readable zip archive: {e}") from None
    with z:
        members = [m for m in z.infolist() if not m.is_dir()]
        if len(members) > MAX_MEMBERS:
            raise UpdateRefused(f"bundle has {len(members)} files (at most {MAX_MEMBERS})")
        names = [m.filename for m in members]
        if len(set(names)) != len(names):
            raise UpdateRefused("bundle holds the same file twice")
        if SIGNATURE not in names:
            raise UpdateRefused(f"bundle is not signed (no {SIGNATURE})")
        if sum(n in HEADER_NAMES for n in names) != 1:
            raise UpdateRefused(f"bundle must hold exactly one of {', '.join(HEADER_NAMES)}")
        total = 0
        for m in members:
            if m.filename != SIGNATURE and not MEMBER.match(m.filename):
                raise UpdateRefused(f"unexpected file in bundle: {m.filename[:80]!r}")
            total += m.file_size
            if total > max_bytes:
                raise UpdateRefused(f"bundle unpacks to more than {max_bytes} bytes")
        if z.getinfo(SIGNATURE).file_size > MAX_SIGNATURE_BYTES:
            raise UpdateRefused(f"{SIGNATURE} is larger than {MAX_SIGNATURE_BYTES} bytes")
        files = {}
        for m in members:
            try:
                with z.open(m) as src:
                    data = src.read(m.file_size + 1)  # the directory's size is a claim: never read past it
            except (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError, OSError, EOFError) as e:
                raise UpdateRefused(f"{m.filename}: cannot be unpacked: {e}") from None
            if len(data) != m.file_size:
                raise UpdateRefused(f"{m.filename}: size does not match the archive directory")
            files[m.filename] = data
    version, signature = parse_signature(files.pop(SIGNATURE))
    return Bundle(version, signature, files)


def trusted_by(bundle: Bundle, public_keys: Sequence[str]) -> str:
    """The trusted key that signed the bundle; UpdateRefused if none did."""
    key = catalog_signing.verify(public_keys, manifest(bundle.version, bundle.files), bundle.signature)
    if key is None:
        raise UpdateRefused("signature does not verify with any trusted catalog key (tampered, or signed by "
                            "another key)")
    return key
