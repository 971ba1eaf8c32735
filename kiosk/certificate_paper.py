"""Which paper an issued certificate goes on: central's sealed A4 PDF on the hall's A4 printer, else the slip."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the HTTP stack behind certificates loads after the first frame, not with the core
    from kiosk.a4_printing import A4Printing
    from kiosk.certificates import Certificate, Certificates
    from kiosk.printing import PrintService

log = logging.getLogger(__name__)
RECEIPT, A4 = "receipt", "a4"
Handle = tuple[str, int]  # (which printer, its job id): what a reprint needs


class CertificatePaper:
    """print() blocks while the PDF comes from central (the UI calls it from a worker); the job itself runs on the
    printer's own worker and reports through on_done / on_failed like every print."""

    def __init__(self, printing: PrintService, a4printing: A4Printing) -> None:
        self._printing, self._a4 = printing, a4printing

    def print(self, service: Certificates, certificate: Certificate, on_done: Callable[..., Any],
              on_failed: Callable[..., Any]) -> Handle:
        if self._a4.available:
            try:
                pdf = service.pdf(certificate)
            except LookupError as exc:
                # the certificate is issued and its slip is as valid (same verify code): the citizen leaves with
                # one rather than with nothing because the PDF could not be fetched
                log.warning("certificate PDF not fetched (%s): printed on the receipt printer instead",
                            getattr(exc.args[0], "code", type(exc).__name__) if exc.args else type(exc).__name__)
            else:
                # the job's name is what CUPS logs and staff see: the kind of document, never the holder or the
                # number; ASCII, as some CUPS backends drop other characters from file names
                return A4, self._a4.print_pdf(pdf, f"certificate-{certificate.kind}", on_done, on_failed)
        return RECEIPT, self._printing.print("certificate", certificate.receipt_fields(), on_done, on_failed)

    def reprint(self, handle: Handle, on_done: Callable[..., Any], on_failed: Callable[..., Any]) -> None:
        """The kept bytes of a failed job again, on the printer it was for; KeyError when no longer kept."""
        which, job = handle
        (self._a4 if which == A4 else self._printing).reprint(job, on_done, on_failed)
