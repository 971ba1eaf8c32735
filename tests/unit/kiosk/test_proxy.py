"""亲友代办 in the core: the principal's details checked (GB 11643), bound to the helper's card read, the form filled
with the principal's data, the power of attorney required, both identities in the submission."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from drivers.idcard import textblock
from drivers.idcard.profiles import CARDS_DIR, load_profile
from kiosk import application, flow, proxy
from kiosk.catalog.catalog import Catalog
from kiosk.catalog.guide import build_guide
from kiosk.identity import IdentityPresented
from kiosk.visit import IdentityChanged, Visit
from tests.helpers.proxy import (LETTER, PRINCIPAL_NAME, PRINCIPAL_NUMBER, PROXY_ITEM, SELF_ONLY_ITEM, WRONG_CHECK,
                                 principal_fields)

MATCH = {"decision": "match", "attempts": 1}
ROOT = Path(__file__).resolve().parents[3]


def read(profile: str = "zhang_normal") -> IdentityPresented:
    return IdentityPresented(textblock.decode(load_profile(CARDS_DIR, profile).card_data().text), "idcard", None, True)


@pytest.fixture(scope="module")
def catalog():
    return Catalog.load(ROOT / "assets" / "catalog")


def helper_visit(code: str, catalog) -> tuple[Visit, IdentityPresented]:
    visit, helper = Visit(), read()
    visit.card_read(helper)
    assert visit.face_checked(helper, MATCH)
    application.choose_service(visit, catalog, code)
    return visit, helper


def principal():
    p, errors = proxy.check(**principal_fields(), helper_id_number="110105198503120039")
    assert not errors
    return p


# ---- the principal's details

def test_a_valid_principal_gets_birth_date_and_gender_from_the_number():
    p = principal()
    assert p.mapping() == {"name": PRINCIPAL_NAME, "id_number": PRINCIPAL_NUMBER, "birth_date": "1938-02-14",
                           "gender": "女"}
    assert p.applicant()["source"] == "typed"


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"id_number": WRONG_CHECK}, "id_number", proxy.ID_CHECK),
    ({"id_number": PRINCIPAL_NUMBER[:17]}, "id_number", proxy.ID_SHAPE),
    ({"id_number": "990105193802140029"}, "id_number", proxy.ID_WRONG),
    ({"id_number": ""}, "id_number", proxy.ID_MISSING),
    ({"id_number": "110105198503120039"}, "id_number", proxy.ID_SELF),
    ({"name": ""}, "name", proxy.NAME_MISSING),
    ({"name": "钱2"}, "name", proxy.NAME_BAD),
    ({"relation": ""}, "relation", proxy.RELATION_MISSING),
    ({"phone": "12345"}, "phone", proxy.PHONE_BAD),
])
def test_each_bad_detail_gets_its_own_bilingual_message(changes, field, message):
    p, errors = proxy.check(**principal_fields(**changes), helper_id_number="110105198503120039",
                            today=dt.date(2026, 11, 28))
    assert p is None and errors == {field: message}
    assert message.zh and message.en


def test_the_check_digit_message_says_what_is_wrong_in_both_languages():
    assert "校验位" in proxy.ID_CHECK.zh and "check digit" in proxy.ID_CHECK.en


def test_a_lower_case_x_and_spaces_are_accepted_normalised():
    number = "11010519420708004" + "6"
    p, errors = proxy.check(PRINCIPAL_NAME, " " + number[:6] + " " + number[6:] + " ", "配偶", "13800000000", "")
    assert not errors and p.id_number == number and p.phone == "13800000000"


# ---- which items offer 代办, and the flow

def test_only_items_marked_proxy_offer_it(catalog):
    assert catalog.item(PROXY_ITEM).kiosk_can_proxy
    assert not catalog.item(SELF_ONLY_ITEM).kiosk_can_proxy  # 当事人本人申请
    visit, _ = helper_visit(PROXY_ITEM, catalog)
    assert flow.route("identified", visit) == (flow.Screen.APPLY_FOR, None)
    assert flow.route("chosen", visit) == (flow.Screen.APPLY_FOR, None)
    visit, _ = helper_visit(SELF_ONLY_ITEM, catalog)
    assert flow.route("identified", visit) == (flow.Screen.APPLY_FORM, None)


def test_a_proxy_item_with_an_in_person_condition_is_refused():
    from pydantic import ValidationError

    from protocol.catalog_schema import ServiceItem

    raw = Catalog.load(ROOT / "assets" / "catalog").item(PROXY_ITEM).model_dump()
    raw["conditions"] = ["本人亲自到场，不能委托"]
    with pytest.raises(ValidationError, match="in person"):
        ServiceItem.model_validate(raw)
    raw = Catalog.load(ROOT / "assets" / "catalog").item(PROXY_ITEM).model_dump()
    raw["materials"] = [m for m in raw["materials"] if not m["for_proxy"]]
    with pytest.raises(ValidationError, match="for_proxy"):
        ServiceItem.model_validate(raw)


def test_the_apply_for_screen_needs_a_verified_card():
    assert flow.after_card_read(flow.Screen.APPLY_FOR, verified=False) == flow.Screen.IDENTIFY


# ---- the principal in the visit

def test_a_card_swap_drops_the_principal_with_the_rest(catalog):
    visit, helper = helper_visit(PROXY_ITEM, catalog)
    assert visit.apply_for(helper, principal()) and visit.principal is not None
    assert visit.card_read(read("li_longterm"))
    assert visit.principal is None
    visit.card_read(helper)  # the helper's own card again: their typed details are gone, not restored
    assert visit.principal is None


def test_a_wipe_drops_the_principal(catalog):
    visit, helper = helper_visit(PROXY_ITEM, catalog)
    visit.apply_for(helper, principal())
    visit.clear()
    assert visit.principal is None and not visit.proxy_offered


def test_no_principal_for_a_card_that_is_not_verified(catalog):
    visit, helper = helper_visit(PROXY_ITEM, catalog)
    visit.forget_face()
    assert not visit.apply_for(helper, principal()) and visit.principal is None


# ---- the form, the materials, the submission

def test_the_form_is_filled_with_the_principals_data_not_the_helpers(catalog):
    visit, helper = helper_visit(PROXY_ITEM, catalog)
    visit.apply_for(helper, principal())
    form, instead = application.open_form(visit, catalog)
    assert instead == "" and form.principal is not None
    assert form.locked["name"] == PRINCIPAL_NAME and form.locked["id_number"] == PRINCIPAL_NUMBER
    assert form.locked["birth_date"] == "1938-02-14"
    assert "address" not in form.locked  # the helper's address is not the principal's: typed
    assert form.applicant()["id_number"] == PRINCIPAL_NUMBER
    assert form.agent() == {"name": "张晓明", "id_number": "110105198503120039", "kind": helper.identity.kind,
                            "source": "idcard", "relation": "子女"}
    line = form.proxy_line()
    assert "张**" in line.zh and "钱**" in line.zh and "110105********0029" in line.zh
    assert PRINCIPAL_NUMBER not in line.zh + line.en and "张晓明" not in line.zh
    # choosing "for myself" afterwards gives a fresh form of the helper's own card
    visit.apply_for(helper, None)
    form, _ = application.open_form(visit, catalog)
    assert form.principal is None and form.locked["id_number"] == "110105198503120039" and form.agent() is None


def test_the_power_of_attorney_must_be_photographed(catalog):
    visit, helper = helper_visit(PROXY_ITEM, catalog)
    visit.apply_for(helper, principal())
    form, _ = application.open_form(visit, catalog)
    assert form.proxy_materials == [LETTER]
    assert application.why_not(visit, form, True, object()) is application.PROXY_MATERIAL
    visit.photos[(PROXY_ITEM, LETTER)] = [b"page"]
    assert application.why_not(visit, form, True, object()) is None


def test_an_application_for_oneself_asks_for_no_power_of_attorney(catalog):
    visit, helper = helper_visit(PROXY_ITEM, catalog)
    form, _ = application.open_form(visit, catalog)
    assert form.proxy_materials == [] and application.why_not(visit, form, True, object()) is None


class Recorder:
    def submit(self, *args, **kw):
        self.args, self.kw = args, kw
        return "done"


def test_the_submission_carries_the_principal_as_applicant_and_the_helper_as_agent(catalog):
    visit, helper = helper_visit(PROXY_ITEM, catalog)
    visit.apply_for(helper, principal())
    form, _ = application.open_form(visit, catalog)
    rec = Recorder()
    assert application.submit(visit, form, rec) == "done"
    code, values, applicant, face, attachments, evidence = rec.args
    assert applicant["id_number"] == PRINCIPAL_NUMBER and values["id_number"] == PRINCIPAL_NUMBER
    assert rec.kw["agent"]["id_number"] == "110105198503120039"


def test_a_swap_before_the_commit_submits_nothing(catalog):
    visit, helper = helper_visit(PROXY_ITEM, catalog)
    visit.apply_for(helper, principal())
    form, _ = application.open_form(visit, catalog)
    visit.card_read(read("li_longterm"))
    with pytest.raises(IdentityChanged):
        application.submit(visit, form, Recorder())


def test_the_receipt_names_the_principal_and_says_a_helper_applied(catalog):
    visit, helper = helper_visit(PROXY_ITEM, catalog)
    visit.apply_for(helper, principal())
    form, _ = application.open_form(visit, catalog)

    class Done:
        tracking, created_at = "SIM-0001-20261128-000001-0", 0.0

    data = application.receipt(form, Done(), build_guide(catalog, PROXY_ITEM), visit)
    assert data["applicant_name"] == PRINCIPAL_NAME and data["id_number"] == PRINCIPAL_NUMBER  # masked in print
    lines = "\n".join(data["materials"])
    assert "亲友代办" in lines and "张**（110105********0039）" in lines and "张晓明" not in lines


def test_details_changed_after_the_form_opened_submit_nothing(catalog):
    """The form was made for one principal; another typed since (back, changed, forward) must not go under it."""
    visit, helper = helper_visit(PROXY_ITEM, catalog)
    visit.apply_for(helper, principal())
    form, _ = application.open_form(visit, catalog)
    other, errors = proxy.check(**principal_fields(id_number="110105194207080046"), helper_id_number="")
    assert not errors and visit.apply_for(helper, other)
    with pytest.raises(IdentityChanged):
        application.submit(visit, form, Recorder())


def test_choosing_another_item_asks_again_whom_it_is_for(catalog):
    visit, helper = helper_visit(PROXY_ITEM, catalog)
    visit.apply_for(helper, principal())
    application.choose_service(visit, catalog, SELF_ONLY_ITEM)
    assert visit.principal is None and not visit.proxy_offered
    form, _ = application.open_form(visit, catalog)
    assert form.principal is None and form.locked["id_number"] == "110105198503120039"


def test_a_principal_never_fills_the_form_of_an_item_without_proxy(catalog):
    visit, helper = helper_visit(PROXY_ITEM, catalog)
    visit.apply_for(helper, principal())
    visit.service = SELF_ONLY_ITEM  # however the visit got there
    form, _ = application.open_form(visit, catalog)
    assert form.principal is None and form.agent() is None
