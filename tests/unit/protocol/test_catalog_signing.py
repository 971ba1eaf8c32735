"""Catalog signing seam: keys and signatures as '<algorithm>:<base64>' text, verified against a list of keys."""

import pytest

from protocol import catalog_signing as cs


def test_sign_and_verify_with_the_right_key_only():
    private, public = cs.generate()
    other_private, other_public = cs.generate()
    sig = cs.sign(private, b"manifest")
    assert sig.startswith("ed25519:") and public.startswith("ed25519:")
    assert cs.public_key_of(private) == public
    assert cs.verify([other_public, public], b"manifest", sig) == public
    assert cs.verify([other_public], b"manifest", sig) is None
    assert cs.verify([public], b"manifest!", sig) is None
    assert cs.verify([public], b"manifest", cs.sign(other_private, b"manifest")) is None


@pytest.mark.parametrize("signature", ["", "ed25519:", "ed25519:!!", "sm2:AAAA", "ed25519:" + "A" * 8])
def test_malformed_signatures_verify_as_nothing(signature):
    _, public = cs.generate()
    assert cs.verify([public], b"m", signature) is None


def test_key_texts_are_checked_and_normalised():
    _, public = cs.generate()
    assert cs.check_public_key(f"  {public} ") == public and len(cs.key_id(public)) == 16
    with pytest.raises(cs.KeyTextError, match="supported: ed25519"):
        cs.check_public_key("rsa:AAAA")
    with pytest.raises(cs.KeyTextError, match="not a usable private key"):
        cs.sign(public.encode(), b"m")
