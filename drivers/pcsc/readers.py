"""The PC/SC readers pcscd offers right now (for the smart card self-test)."""

from __future__ import annotations

from smartcard import scard as sc


class ReaderListError(Exception):
    pass


def reader_names() -> list[str]:
    """Every reader pcscd lists; ReaderListError (with pcsc's own words) when pcscd cannot be asked."""
    hr, ctx = sc.SCardEstablishContext(sc.SCARD_SCOPE_USER)
    if hr != sc.SCARD_S_SUCCESS:
        raise ReaderListError(f"pcscd not reachable: {sc.SCardGetErrorMessage(hr)}")
    try:
        hr, names = sc.SCardListReaders(ctx, [])
        if hr == sc.SCARD_E_NO_READERS_AVAILABLE:
            return []
        if hr != sc.SCARD_S_SUCCESS:
            raise ReaderListError(f"cannot list readers: {sc.SCardGetErrorMessage(hr)}")
        return list(names or [])
    finally:
        sc.SCardReleaseContext(ctx)
