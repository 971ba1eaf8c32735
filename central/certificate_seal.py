"""The department's electronic seal: a PAdES signature on each certificate PDF, and a test CA for development."""

from __future__ import annotations

import datetime as dt
import io
import os
import stat
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.keys import load_certs_from_pemder, load_private_key_from_pemder_data
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

FIELD = "DepartmentSeal"
CA_FILE, CERT_FILE, KEY_FILE = "ca.pem", "department.pem", "department.key"


class SealError(ValueError):
    """The seal's key or certificate cannot be used: central refuses to start rather than issue unsigned PDFs
    it was told to sign."""


class DepartmentSeal:
    """Holds the department's signing key (read once, at start) and signs PDFs with it (PAdES B-B)."""

    def __init__(self, cert_file: Path | str, key_file: Path | str) -> None:
        key_path = Path(key_file)
        try:
            mode = key_path.stat().st_mode
            if mode & (stat.S_IRWXG | stat.S_IRWXO):
                raise SealError(f"seal key {key_path} is readable by others (mode {stat.S_IMODE(mode):o});"
                                " chmod 600 it")
            key = load_private_key_from_pemder_data(key_path.read_bytes(), passphrase=None)
            certs = list(load_certs_from_pemder([str(cert_file)]))
        except SealError:
            raise
        except (OSError, ValueError, TypeError) as exc:
            raise SealError(f"cannot load the seal from {cert_file} and {key_path}: {exc}") from None
        if not certs:
            raise SealError(f"no certificate in {cert_file}")
        # the first certificate is the department's; any after it are the chain up to the root, embedded for readers
        self._signer = signers.SimpleSigner(signing_cert=certs[0], signing_key=key,
                                            cert_registry=SimpleCertificateStore.from_certs(certs[1:]))
        self.subject = certs[0].subject.human_friendly

    def sign(self, pdf: bytes, *, reason: str = "出具证明 Certificate issued") -> bytes:
        meta = signers.PdfSignatureMetadata(field_name=FIELD, md_algorithm="sha256", reason=reason,
                                            subfilter=fields.SigSeedSubFilter.PADES)
        out = signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)), meta, signer=self._signer)
        return out.getvalue()


def make_test_ca(folder: Path, department: str, *, days: int = 825) -> dict[str, Path]:
    """A CA and a department signing certificate for development and tests, written to `folder` (keys 0600). Never
    for a real hall: readers trust a seal only under a CA they already trust."""
    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Hall kiosk TEST CA"),
                         x509.NameAttribute(NameOID.COMMON_NAME, "测试电子签章根证书 TEST ONLY")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
          .not_valid_after(now + dt.timedelta(days=days))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                       crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, department),
                      x509.NameAttribute(NameOID.COMMON_NAME, f"{department} 电子签章 (TEST)")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(ca_name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    pem = serialization.Encoding.PEM
    paths = {"ca": folder / CA_FILE, "cert": folder / CERT_FILE, "key": folder / KEY_FILE}
    paths["ca"].write_bytes(ca.public_bytes(pem))
    paths["cert"].write_bytes(cert.public_bytes(pem) + ca.public_bytes(pem))
    _write_private(paths["key"], key.private_bytes(pem, serialization.PrivateFormat.PKCS8,
                                                   serialization.NoEncryption()))
    # the CA's key is only needed to make these two: it is not kept, so nothing more can be issued under it
    return paths


def _write_private(path: Path, data: bytes) -> None:
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
