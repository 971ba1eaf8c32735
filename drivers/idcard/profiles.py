"""Simulated card profiles: TOML files in assets/sim/cards/ turned into the bytes a card answers with."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from drivers.idcard import textblock
from drivers.idcard.frames import CardData
from drivers.idcard.photo import sim_wlt

CARDS_DIR = Path(__file__).resolve().parents[2] / "assets" / "sim" / "cards"
TYPE_CHARS = {"resident": " ", "foreign_permanent": "I", "hmt_residence": "J"}


@dataclass(frozen=True)
class CardProfile:
    name: str  # file stem, also encoded in the simulated WLT blob
    kind: str  # resident, foreign_permanent, hmt_residence
    label: str  # short label for the simulator tray, masked like any display of a person
    fields: dict[str, str]  # raw text-block fields, exactly as the card stores them
    photo: Path  # silhouette shipped with the profile
    face: str  # person in the simulated faces folder whose `_1` photo stands for the card photo

    def card_data(self, with_fingerprint: bool = False) -> CardData:
        text = textblock.encode(self.fields, TYPE_CHARS[self.kind])
        return CardData(text, sim_wlt(self.name), b"\x00" * 1024 if with_fingerprint else None)


def load_profile(cards_dir: Path, name: str) -> CardProfile:
    if not name or "/" in name or name.startswith("."):
        raise ValueError(f"bad profile name {name!r}")
    path = cards_dir / f"{name}.toml"
    with open(path, "rb") as f:
        raw = tomllib.load(f)
    kind = raw.get("kind", "resident")
    if kind not in TYPE_CHARS:
        raise ValueError(f"{path.name}: unknown kind {kind!r}")
    fields = {k: str(v) for k, v in raw.get("fields", {}).items()}
    return CardProfile(
        name=name, kind=kind, label=str(raw.get("label", name)), fields=fields,
        photo=cards_dir / raw.get("photo", "silhouette.png"), face=str(raw.get("face", "")),
    )


def profile_names(cards_dir: Path) -> list[str]:
    return sorted(p.stem for p in cards_dir.glob("*.toml"))
