"""Catalog texts in the screen's language: English from the catalog's `*_en` keys, traditional Chinese by OpenCC."""

from __future__ import annotations

from typing import TYPE_CHECKING

from protocol.bilingual import TRADITIONAL, traditional

if TYPE_CHECKING:  # the catalog's models are many: the kiosk's first frame does not wait for them
    from protocol.catalog_schema import Fee, FormField, Material, ServiceItem

# put before a Chinese text the catalog has no English for, so English mode never shows a blank and a reader
# knows the Chinese is not a mistake
CHINESE_ONLY = "(Chinese only) "


def english(en: str, zh: str) -> str:
    """The English of a catalog text, or the Chinese marked as such; empty stays empty."""
    if en or not zh:
        return en
    return zh if zh.isascii() else CHINESE_ONLY + zh  # "C1", "200", "60%" read the same in English


def in_language(en: str, zh: str, language: str) -> str:
    """One catalog text and its English in the screen's language."""
    if language.startswith("en"):
        return english(en, zh)
    return traditional(zh) if language == TRADITIONAL else zh


def field_label(f: FormField, language: str) -> str:
    return in_language(f.label_en, f.label, language)


def field_help(f: FormField, language: str) -> str:
    return in_language(f.help_en, f.help, language)


def choice_labels(f: FormField, language: str) -> list[str]:
    """What the screen shows for each of a field's choices (the value recorded stays `f.choices[i]`)."""
    english_ = list(f.choices_en) or [""] * len(f.choices)
    return [in_language(en, zh, language) for en, zh in zip(english_, f.choices)]


def choice_label(f: FormField, value: str, language: str) -> str:
    """A chosen value as the screen shows it."""
    return choice_labels(f, language)[f.choices.index(value)] if value in f.choices else value


def localize_item(item: ServiceItem, language: str) -> ServiceItem:
    """The item with its citizen-facing texts in `language` (codes, form keys and choice values unchanged: the
    application a citizen submits is the same whatever the screen language)."""
    if language.startswith("en"):
        return item.model_copy(update={
            "name": english(item.name_en, item.name),
            "short_name": english(item.short_name_en, item.short_name),
            "summary": english(item.summary_en, item.summary),
            "conditions": list(item.conditions_en) or [english("", c) for c in item.conditions],
            "materials": [_material_en(m) for m in item.materials],
            "fees": [f.model_copy(update={"name": english(f.name_en, f.name), "note": english(f.note_en, f.note)})
                     for f in item.fees],
            "legal_basis": [english("", b) for b in item.legal_basis],
            "windows": english(item.windows_en, item.windows), "hours": english(item.hours_en, item.hours),
        })
    if language == TRADITIONAL:
        t = traditional
        return item.model_copy(update={
            "name": t(item.name), "short_name": t(item.short_name), "summary": t(item.summary),
            "conditions": [t(c) for c in item.conditions],
            "materials": [m.model_copy(update={"name": t(m.name), "when": t(m.when), "notes": t(m.notes),
                                               "example": t(m.example)}) for m in item.materials],
            "fees": [_fee_zh(f) for f in item.fees],
            "legal_basis": [t(b) for b in item.legal_basis], "windows": t(item.windows), "hours": t(item.hours),
        })
    return item


def _material_en(m: Material) -> Material:
    return m.model_copy(update={"name": english(m.name_en, m.name), "when": english(m.when_en, m.when),
                                "notes": english(m.notes_en, m.notes), "example": english(m.example_en, m.example)})


def _fee_zh(f: Fee) -> Fee:
    return f.model_copy(update={"name": traditional(f.name), "note": traditional(f.note)})
