"""Certificates (证明打印): what central can issue for the identified person, issuing one, its receipt fields."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

from kiosk.i18n import Problem, Text
from kiosk.presence import Citizen
from offline_queue.client import CentralClient
from offline_queue.errors import CentralError
from protocol.verification import document_hash, grouped_code, shown_hash

# certificates come from the platform's records at the moment they are asked for: there is no offline answer
OFFLINE = Problem("certificates.offline",
                  citizen=Text(zh="证明需要由政务服务平台实时出具，当前网络不通。请稍后再试，或到服务窗口办理。",
                               en="Certificates are issued live by the service platform and the network is down. "
                                  "Please try again later or go to a service counter."),
                  technician="central unreachable while listing or issuing certificates")
REFUSED = Problem("certificates.refused",
                  citizen=Text(zh="暂时无法出具证明，请咨询工作人员。",
                               en="A certificate cannot be issued right now. Please ask staff."),
                  technician="central refused the certificate request (see the log for the HTTP status)")
NONE = Problem("certificates.none",
               citizen=Text(zh="平台上暂时没有可为您出具的证明。已办结的事项可以在这里打印办结证明。",
                            en="There is no certificate the platform can issue for you yet. Completed applications "
                               "can be certified here."),
               technician="central offered no certificate for this person")
NOT_IDENTIFIED = Problem("certificates.not_identified",
                         citizen=Text(zh="打印证明前，请先刷身份证，再做人脸核验。",
                                      en="To print a certificate, first place your ID card on the reader, then "
                                         "pass the face check."),
                         technician="no passed face check or staff verification for the card: no presence proof asked")
# central's reason when a character of the certificate (mostly of a name) is in none of its fonts: the paper would
# show a blank there, so nothing was issued
UNPRINTABLE_REASON = "unprintable_characters"
UNPRINTABLE = Problem("certificates.unprintable",
                      citizen=Text(zh="证明中有生僻字无法打印，本机不能出具这份证明。请到服务窗口由工作人员办理。",
                                   en="This certificate contains a rare character that cannot be printed, so it cannot "
                                      "be issued here. Please go to a service counter."),
                      technician="central refused: a character of the certificate is in none of its fonts"
                                 " (unprintable_characters)")
GONE = Problem("certificates.no_record",
               citizen=Text(zh="平台上已查不到这项证明所需的记录，请咨询工作人员。",
                            en="The platform no longer has the record this certificate needs. Please ask staff."),
               technician="central answered no_record when issuing")


@dataclass(frozen=True)
class Offer:
    """One certificate central offers this person: `ref` names the record it certifies (e.g. a tracking number)."""

    kind: str
    ref: str
    title: Text
    subject: Text


@dataclass(frozen=True)
class Certificate:
    """An issued certificate. `body` holds the holder's name and masked ID number: printed, never shown or logged."""

    number: str
    kind: str
    title: str
    body: str
    issuer: str
    issued_on: str
    verify_code: str
    verify_url: str

    def receipt_fields(self) -> dict[str, str]:
        """The data of the `certificate` receipt layout (assets/receipts/certificate.toml). The document hash is
        computed here from the text being printed: the verify page shows the same digits for the text central
        issued, so a changed paper shows a different hash."""
        return {"title": self.title, "certificate_number": self.number, "body": self.body, "issuer": self.issuer,
                "issued_on": self.issued_on, "verify_code": grouped_code(self.verify_code),
                "document_hash": shown_hash(document_hash(self.body)), "verify_url": self.verify_url}


def _text(value: object) -> Text:
    if isinstance(value, dict):
        zh = str(value.get("zh") or value.get("en") or "")
        return Text(zh=zh, en=str(value.get("en") or zh))
    return Text(zh=str(value or ""), en=str(value or ""))


@contextlib.contextmanager
def _asking_central(citizen: Citizen) -> Iterator[None]:
    """Network down -> OFFLINE; a character no certificate font has -> UNPRINTABLE; anything else central
    answered (401/403, too many proofs asked: 429) -> REFUSED."""
    try:
        yield
    except PermissionError as exc:
        raise LookupError(NOT_IDENTIFIED) from exc
    except CentralError as exc:
        if exc.reason == UNPRINTABLE_REASON:
            raise LookupError(UNPRINTABLE) from exc
        citizen.refused(exc)
        raise LookupError(OFFLINE if exc.transient and exc.status != 429 else REFUSED) from exc


class Certificates:
    """Blocking calls to central (the UI runs them in a worker thread); failures raise LookupError(Problem). Each
    call carries a presence proof for the citizen, asked for once their face check passed."""

    def __init__(self, client: CentralClient) -> None:
        self._client = client

    def offers(self, citizen: Citizen) -> list[Offer]:
        with _asking_central(citizen):
            listed = self._client.citizen_certificates(citizen.proof(self._client))
        offers = [Offer(str(o.get("kind", "")), str(o.get("ref") or ""), _text(o.get("title")), _text(o.get("subject")))
                  for o in listed if isinstance(o, dict) and o.get("kind")]
        if not offers:
            raise LookupError(NONE)
        return offers

    def issue(self, citizen: Citizen, offer: Offer) -> Certificate:
        with _asking_central(citizen):
            got = self._client.issue_certificate(citizen.proof(self._client), offer.kind, offer.ref)
        if got is None:
            raise LookupError(GONE)
        try:
            return Certificate(number=str(got["certificate_number"]), kind=str(got.get("kind") or offer.kind),
                               title=str(got["title"]), body=str(got["body"]), issuer=str(got.get("issuer") or ""),
                               issued_on=str(got.get("issued_on") or ""), verify_code=str(got["verify_code"]),
                               verify_url=str(got.get("verify_url") or ""))
        except (KeyError, TypeError) as exc:
            raise LookupError(REFUSED) from exc

    def pdf(self, certificate: Certificate) -> bytes:
        """The A4 PDF central made of an issued certificate (with the department's digital signature when central
        seals). No presence proof: central gives it only to the terminal that issued it. GONE when central has no
        PDF of it; OFFLINE/REFUSED as for issuing."""
        try:
            got = self._client.certificate_pdf(certificate.number)
        except CentralError as exc:
            raise LookupError(OFFLINE if exc.transient and exc.status != 429 else REFUSED) from exc
        if got is None:
            raise LookupError(GONE)
        return got
