"""The service guide of one item as plain, numbered text: for the guide screen and the printed checklist."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.catalog.catalog import Catalog, Where
from kiosk.catalog.tickets import PRIORITY_FOR, PRIORITY_NOTE, Ticket
from kiosk.i18n import Text
from protocol.catalog_schema import AUDIENCE_TEXT, HANDLING_TEXT, HERE, Fee, TimeLimits


@dataclass(frozen=True)
class ChecklistEntry:
    """One numbered line of the materials checklist."""

    number: int
    name: str
    quantity: Text  # 原件1份、复印件1份
    when: str  # "" = always needed
    notes: str
    example: str
    capture: bool  # the kiosk camera can take it instead
    bring: bool  # False: fetched by data sharing, listed so the citizen knows not to hunt for it
    for_proxy: bool = False  # needed only when someone applies for the applicant (亲友代办)


@dataclass(frozen=True)
class Guide:
    code: str
    name: str
    summary: str
    audience: list[Text]
    handling: Text
    kiosk_can_submit: bool
    conditions: list[str]
    checklist: list[ChecklistEntry]
    fees: list[str]  # "证件工本费 20元"; empty = free
    statutory: Text
    promised: Text
    where: Where
    legal_basis: list[str]
    qr_url: str  # the same guide on the web, for the on-screen QR when the printer is out
    catalog_version: str
    proxy: bool = False  # a helper may apply for someone else on this kiosk (亲友代办)

    @property
    def free(self) -> bool:
        return not self.fees


LABELS = {
    "conditions": Text("办理条件", "Who can apply"),
    "materials": Text("需要带的材料", "What to bring"),
    "shared": Text("不用带（部门共享获取）", "No need to bring (fetched by data sharing)"),
    "fees": Text("收费", "Fees"),
    "free": Text("不收费", "Free of charge"),
    "limits": Text("办理时限", "Time limits"),
    "statutory": Text("法定时限", "Statutory"),
    "promised": Text("承诺时限", "Promised"),
    "where": Text("办理地点", "Where to go"),
    "hours": Text("办理时间", "Opening hours"),
    "phone": Text("咨询电话", "Phone"),
    "here": HERE,
    "camera": Text("可在本机拍照上传", "can be photographed at this terminal"),
    "basis": Text("办理依据", "Legal basis"),
    "printed": Text("打印时间", "Printed"),
}


def _money(yuan) -> str:
    return f"{yuan:.2f}".rstrip("0").rstrip(".")


def _fee(f: Fee, language: str) -> str:
    if language.startswith("en"):
        return f"{f.name} {_money(f.yuan)} yuan" + (f" ({f.note})" if f.note else "")
    return f"{f.name} {_money(f.yuan)}元" + (f"（{f.note}）" if f.note else "")


def build_guide(catalog: Catalog, code: str, guide_url: str = "", language: str = "zh_CN") -> Guide:
    """Everything the guide screen shows, in the order a citizen needs it, in the screen's language (the printed
    checklist asks for simplified Chinese: that is what the window staff read)."""
    item = catalog.item(code, language)
    entries, n = [], 0
    # things to bring first, numbered; shared ones last, unnumbered in spirit but kept in order for reading
    for m in sorted(item.materials, key=lambda m: m.shared):
        n += 1
        entries.append(ChecklistEntry(n, m.name, m.quantity(), m.when, m.notes, m.example, m.capture, not m.shared,
                                      m.for_proxy))
    fees = [_fee(f, language) for f in item.fees if f.yuan > 0 or f.note]
    return Guide(
        code=item.code, name=item.name, summary=item.summary,
        audience=[AUDIENCE_TEXT[a] for a in item.audience], handling=HANDLING_TEXT[item.handling],
        kiosk_can_submit=item.kiosk_can_submit, conditions=list(item.conditions), checklist=entries, fees=fees,
        statutory=TimeLimits.describe(item.limits.statutory), promised=TimeLimits.describe(item.limits.promised),
        where=catalog.where(code, language), legal_basis=list(item.legal_basis),
        qr_url=guide_url.format(code=item.code) if guide_url else "", catalog_version=catalog.version,
        proxy=item.kiosk_can_proxy,
    )


def printed_language(language: str) -> str:
    """The language of a printed checklist's item texts: Chinese in English mode (that is what the window staff
    read; the headings are in English), the screen's script otherwise."""
    return "zh_CN" if language.startswith("en") else language


def checklist_lines(guide: Guide, language: str = "zh_CN", printed_at: datetime | None = None) -> list[str]:
    """The printable checklist (一次性告知单) as plain lines; the printer wraps them to its paper width. Build the
    guide in printed_language(language)."""
    t = lambda key: LABELS[key].get(language)  # noqa: E731 - a tiny local alias keeps the lines readable
    lines = [guide.name, ""]
    if guide.kiosk_can_submit:
        lines += [f"★ {t('here')}", ""]
    lines.append(f"【{t('conditions')}】")
    lines += [f"{i}. {c}" for i, c in enumerate(guide.conditions, 1)]
    lines += ["", f"【{t('materials')}】"]
    for e in (e for e in guide.checklist if e.bring):
        lines.append(f"{e.number}. {e.name}  {e.quantity.get(language)}")
        if e.when:
            lines.append(f"   （{e.when}）")
        if e.notes:
            lines.append(f"   {e.notes}")
        if e.capture:
            lines.append(f"   ※ {t('camera')}")
    shared = [e for e in guide.checklist if not e.bring]
    if shared:
        lines += ["", f"【{t('shared')}】"]
        lines += [f"- {e.name}" for e in shared]
    lines += ["", f"【{t('fees')}】"]
    lines += guide.fees or [t("free")]
    lines += ["", f"【{t('limits')}】",
              f"{t('statutory')}：{guide.statutory.get(language)}",
              f"{t('promised')}：{guide.promised.get(language)}"]
    w = guide.where
    lines += ["", f"【{t('where')}】", w.department.zh, f"{w.location} {w.windows}",
              f"{t('hours')}：{w.hours}"]
    if w.phone:
        lines.append(f"{t('phone')}：{w.phone}")
    lines += ["", f"{t('basis')}：" + "；".join(guide.legal_basis)]
    if printed_at is not None:
        lines.append(f"{t('printed')}：{printed_at:%Y-%m-%d %H:%M}")
    lines.append(f"{guide.code} · v{guide.catalog_version}")
    return lines


def ticket_lines(ticket: Ticket, item_name: str, where: Where, language: str = "zh_CN") -> list[str]:
    """The printed queue ticket (取号凭条): the number big on top is the printer's job; these are the lines."""
    zh = not language.startswith("en")
    return [
        ticket.number,
        *([PRIORITY_NOTE.get(language)] if ticket.priority else []),
        item_name,
        ticket.waiting_text().get(language),
        (f"请到{where.location} {where.queue.windows}等候叫号" if zh
         else f"Please wait for your number at {where.location} {where.queue.windows}"),
        f"{ticket.issued_at:%Y-%m-%d %H:%M}",
        "过号请重新取号" if zh else "If you miss your number, please take a new one",
    ]


def checklist_print_data(guide: Guide, *, site_name: str, hotline: str, printed_at: datetime) -> dict[str, object]:
    """Data for the printer's `materials_checklist` layout (assets/receipts/materials_checklist.toml)."""
    materials = []
    for e in guide.checklist:
        if e.bring:
            materials.append(f"{e.name} {e.quantity.zh}" + (f"（{e.when}）" if e.when else ""))
    notes = [f"办理时间：{guide.where.hours}"]
    shared = [e.name for e in guide.checklist if not e.bring]
    if shared:
        notes.append("无需携带（部门共享获取）：" + "、".join(shared))
    if guide.kiosk_can_submit:
        notes.append(HERE.zh)
    return {
        "site_name": site_name,
        "service_name": guide.name,
        "department": guide.where.department.zh,
        "materials": materials,
        "time_limit": f"承诺{guide.promised.zh}（法定{guide.statutory.zh}）",
        "fee": "；".join(guide.fees) if guide.fees else "不收费",
        "location": f"{guide.where.location} {guide.where.windows}",
        "hotline": hotline,
        "guide_url": guide.qr_url,
        "printed_at": f"{printed_at:%Y-%m-%d %H:%M}",
        "notes": "；".join(notes),
    }


def ticket_print_data(ticket: Ticket, item_name: str, where: Where, *, site_name: str) -> dict[str, object]:
    """Data for the printer's `queue_ticket` layout (assets/receipts/queue_ticket.toml); `priority_note` says who
    a priority number is for (empty for a normal one: the layout leaves out its priority lines)."""
    return {
        "site_name": site_name,
        "ticket_number": ticket.number,
        "priority_note": PRIORITY_FOR.zh if ticket.priority else "",
        "service_name": item_name,
        "window": f"{where.location} {where.queue.windows}",
        "waiting": ticket.waiting_text().zh,  # a figure from central, or "not known": never a local guess
        "issued_at": f"{ticket.issued_at:%Y-%m-%d %H:%M}",
    }
