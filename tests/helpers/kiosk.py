"""Builders for test kiosks: a valid config in a temp folder and a running UI around it."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def write_config(folder: Path, **sections: dict) -> Path:
    """The shipped kiosk.toml with chosen keys replaced; paths stay inside `folder`."""
    import tomllib

    data = tomllib.loads((REPO / "kiosk.toml").read_text(encoding="utf-8"))
    # shipped data stays where it is when the config file moves to a temp folder
    data["catalog"]["directory"] = str(REPO / "assets" / "catalog")
    for section, values in sections.items():
        node = data
        for part in section.split("."):
            node = node.setdefault(part, {})
        node.update(values)
    path = folder / "kiosk.toml"
    path.write_text(dumps(data), encoding="utf-8")
    return path


def dumps(data: dict, prefix: str = "") -> str:
    """Minimal TOML writer for our config shape (tables of scalars), so tests need no extra package."""
    scalars, tables = [], []
    for key, value in data.items():
        if isinstance(value, dict):
            tables.append((key, value))
        else:
            scalars.append(f"{key} = {_value(value)}")
    out = ""
    if scalars:
        out += (f"[{prefix}]\n" if prefix else "") + "\n".join(scalars) + "\n\n"
    for key, value in tables:
        out += dumps(value, f"{prefix}.{key}" if prefix else key)
    return out


def _value(v) -> str:
    import json

    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    return json.dumps(v, ensure_ascii=False)
