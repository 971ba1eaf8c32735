"""A qmltypes description of the KioskApp singletons, from their live meta-objects, so qmllint checks every name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMetaMethod, QObject

_KINDS = {QMetaMethod.MethodType.Signal: "Signal", QMetaMethod.MethodType.Slot: "Method",
          QMetaMethod.MethodType.Method: "Method"}


def _text(value) -> str:
    """PySide hands out names as str or QByteArray depending on the call."""
    return value if isinstance(value, str) else bytes(value).decode()


def _type(name: str) -> str:
    return {"PyObject": "QVariant", "": "void"}.get(name, name)


def component(cls: type) -> str:
    meta = cls.staticMetaObject
    base = QObject.staticMetaObject
    lines = ["    Component {", f'        name: "{cls.__name__}"', '        accessSemantics: "reference"',
             '        prototype: "QObject"', f'        exports: ["KioskApp/{cls.__name__} 1.0"]',
             "        isCreatable: false", "        isSingleton: true", "        exportMetaObjectRevisions: [256]"]
    for i in range(base.propertyCount(), meta.propertyCount()):
        p = meta.property(i)
        fields = [f'name: "{p.name()}"', f'type: "{_type(p.typeName())}"', f'read: "{p.name()}"']
        if p.hasNotifySignal():
            fields.append(f'notify: "{_text(p.notifySignal().name())}"')
        if p.isWritable():
            fields.append(f'write: "set{p.name()[0].upper()}{p.name()[1:]}"')
        else:
            fields.append("isReadonly: true")
        lines.append("        Property { " + "; ".join(fields) + " }")
    for i in range(base.methodCount(), meta.methodCount()):
        m = meta.method(i)
        name = _text(m.name())
        if name.startswith("_"):
            continue  # private signals of the Python side
        kind = _KINDS.get(m.methodType())
        if kind is None:
            continue
        head = f'        {kind} {{ name: "{name}"'
        ret = _text(m.typeName())
        if kind == "Method" and ret not in ("", "void"):
            head += f'; type: "{_type(ret)}"'
        params = [f'Parameter {{ name: "{_text(n) or f"a{j}"}"; type: "{_type(_text(t))}" }}'
                  for j, (n, t) in enumerate(zip(m.parameterNames(), m.parameterTypes()))]
        if params:  # nested objects go on lines of their own in this format
            lines += [head, *("            " + q for q in params), "        }"]
        else:
            lines.append(head + " }")
    lines.append("    }")
    return "\n".join(lines)


def write_module(folder: Path, classes: list[type]) -> Path:
    """folder/KioskApp/{qmldir, kioskapp.qmltypes}; returns folder (the import path to give qmllint)."""
    module = folder / "KioskApp"
    module.mkdir(parents=True, exist_ok=True)
    (module / "qmldir").write_text("module KioskApp\ntypeinfo kioskapp.qmltypes\n")
    body = "\n".join(component(c) for c in classes)
    (module / "kioskapp.qmltypes").write_text(f"import QtQuick.tooling 1.2\n\nModule {{\n{body}\n}}\n")
    return folder
