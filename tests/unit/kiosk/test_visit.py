"""The visit binds a face check to the card read it was made for; another card undoes it; commits re-check."""

from __future__ import annotations

import threading

import pytest

from drivers.idcard import textblock
from drivers.idcard.profiles import CARDS_DIR, load_profile
from kiosk import flow
from kiosk.identity import IdentityPresented
from kiosk.presence import passed as face_passed
from kiosk.visit import IdentityChanged, Visit

MATCH = {"decision": "match", "attempts": 1}


def read(profile: str = "zhang_normal", accepted: bool = True) -> IdentityPresented:
    identity = textblock.decode(load_profile(CARDS_DIR, profile).card_data().text)
    return IdentityPresented(identity, "idcard", None, accepted)


def test_a_passed_check_counts_for_its_own_card_only():
    visit, a, b = Visit(), read(), read("li_longterm")
    assert not visit.card_read(a)
    assert visit.face_checked(a, MATCH) and visit.verified() is a
    assert visit.card_read(b)  # replaces a verified card: the caller sends the citizen back
    assert visit.verified() is None and visit.face_record is None and visit.identity is b
    assert not visit.face_checked(a, MATCH)  # a late result for the first card is not kept for the second
    assert visit.verified() is None


def test_the_same_card_placed_again_keeps_the_pass():
    visit, a = Visit(), read()
    visit.card_read(a)
    visit.face_checked(a, MATCH)
    again = read()
    assert not visit.card_read(again)
    assert visit.is_verified(a) and visit.is_verified(again)


def test_a_refused_card_is_never_verified_and_staff_cannot_vouch_for_it():
    visit, expired = Visit(), read("wang_expired", accepted=False)
    visit.card_read(expired)
    visit.face_checked(expired, MATCH)
    assert visit.verified() is None
    assert not visit.staff_verified(expired)


def test_staff_verification_is_for_the_card_read_now():
    visit, a, b = Visit(), read(), read("li_longterm")
    visit.card_read(a)
    visit.face_checked(a, {"decision": "no_card_photo", "staff_verification": True})
    assert visit.verified() is None and not face_passed(visit.face_record)
    assert visit.staff_verified(a) and visit.verified() is a
    assert visit.face_record["decision"] == "no_card_photo"  # the record of what the camera saw stays
    visit.card_read(b)
    assert visit.verified() is None


def test_staff_vouch_for_the_read_they_looked_at_not_a_card_placed_while_they_typed():
    visit, a, b = Visit(), read(), read("li_longterm")
    visit.card_read(a)
    visit.face_checked(a, {"decision": "no_card_photo", "staff_verification": True})
    looked_at = visit.identity  # the staff PIN pad opened for this read
    visit.card_read(b)  # another card placed while the PIN was typed and checked
    assert not visit.staff_verified(looked_at)
    assert visit.verified() is None and not visit.face_record


def test_a_commit_holds_card_reads_until_it_is_on_disk():
    visit, a, b = Visit(), read(), read("li_longterm")
    visit.card_read(a)
    visit.face_checked(a, MATCH)
    swapped = threading.Event()

    def swap() -> None:
        visit.card_read(b)
        swapped.set()

    with visit.holding(a) as (face, evidence):
        assert face == MATCH and evidence is None
        t = threading.Thread(target=swap)
        t.start()
        assert not swapped.wait(0.2)  # the read waits for the commit
    t.join(10)
    assert swapped.is_set() and visit.verified() is None
    with pytest.raises(IdentityChanged), visit.holding(a):
        pass


def test_clear_forgets_everything():
    visit, a = Visit(), read()
    visit.card_read(a)
    visit.face_checked(a, MATCH)
    visit.service, visit.purpose = "GJ-003", "certificates"
    visit.clear()
    assert visit.identity is None and visit.verified() is None and visit.service == "" and visit.purpose == "apply"


@pytest.mark.parametrize("screen", sorted(flow.NEEDS_VERIFIED))
def test_a_card_read_without_a_verified_person_goes_back_to_identify(screen):
    assert flow.after_card_read(screen, verified=False) == flow.Screen.IDENTIFY
    assert flow.after_card_read(screen, verified=True) is None


@pytest.mark.parametrize("screen", ["Home", "Catalog", "Guide", "FaceCheck", "Identify", "Progress", "Submitted"])
def test_other_screens_stay(screen):
    assert flow.after_card_read(screen, verified=False) is None


def test_a_card_at_progress_asks_for_its_face_check_first():
    # listing a person's cases by card is personal: their face check (or staff) first, then back to the list
    assert flow.identify_for(flow.Screen.PROGRESS, verified=False) == "progress_by_card"
    assert flow.route("progress_by_card", Visit()) == (flow.Screen.IDENTIFY, "progress")
    assert flow.identify_for(flow.Screen.PROGRESS, verified=True) is None
    assert flow.identify_for(flow.Screen.HOME, verified=False) is None
