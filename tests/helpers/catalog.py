"""Catalog test helpers: a writable copy of the shipped catalog and small edits to its files."""

import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "assets" / "catalog"


def copy_shipped(dest: Path) -> Path:
    """A copy of assets/catalog that a test may break."""
    shutil.copytree(SHIPPED, dest)
    return dest


def set_version(directory: Path, version: str) -> None:
    header = directory / "catalog.toml"
    text = header.read_text(encoding="utf-8")
    header.write_text(re.sub(r'(?m)^version = ".*"$', f'version = "{version}"', text, count=1), encoding="utf-8")


def replace_in(path: Path, old: str, new: str) -> None:
    """Edit one spot of a catalog file; fails loudly if the spot is not there (the data changed)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def signing_keys() -> tuple[bytes, str]:
    """A fresh catalog signing key pair (private PEM, public key text), made at run time: no key is committed."""
    from protocol import catalog_signing

    return catalog_signing.generate()


def signed_bundle(tmp_path: Path, version: str, private_pem: bytes, edit=None) -> bytes:
    """A signed bundle of a copy of the shipped catalog at `version`; edit(directory) may change it first."""
    from protocol.catalog_bundle import make_bundle

    d = tmp_path / f"bundle-{version}-{len(list(tmp_path.glob('bundle-*')))}"
    copy_shipped(d)
    set_version(d, version)
    if edit is not None:
        edit(d)
    return make_bundle(d, private_pem)


def resign(payload: bytes, private_pem: bytes, change) -> bytes:
    """Unpack a bundle, let change(files: dict[name, bytes]) alter its members, and sign it again with the key.

    For bundles the loader must refuse although a trusted key signed them (make_bundle validates first)."""
    import io
    import zipfile

    from protocol import catalog_signing
    from protocol.catalog_bundle import SIGNATURE, manifest, parse_signature, signature_text

    with zipfile.ZipFile(io.BytesIO(payload)) as z:
        files = {n: z.read(n) for n in z.namelist()}
    version, _ = parse_signature(files.pop(SIGNATURE))
    change(files)
    files[SIGNATURE] = signature_text(version, catalog_signing.sign(private_pem, manifest(version, files)))
    return zip_of(files)


def zip_of(files: dict) -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()
