"""Central's log lines on stderr: one JSON object per line (for a log shipper) or plain text (for a person), for
central's own loggers and uvicorn's alike. An error keeps its type, first line and stack, never the rest of its
message (a database error's later lines quote the statement's parameters)."""

from __future__ import annotations

import json
import logging
import traceback
from datetime import datetime, timezone

FORMATS = ("json", "text")
_MESSAGE_CAP = 300


def _error(record: logging.LogRecord) -> dict | None:
    if not record.exc_info or record.exc_info[0] is None:
        return None
    kind, exc, tb = record.exc_info
    first = (str(exc).splitlines() or [""])[0][:_MESSAGE_CAP]
    stack = [f"{f.filename}:{f.lineno} {f.name}" for f in traceback.extract_tb(tb)]
    return {"type": kind.__name__, "message": first, "stack": stack}


def _when(record: logging.LogRecord) -> str:
    return datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {"ts": _when(record), "level": record.levelname.lower(), "logger": record.name,
                "msg": record.getMessage(), "worker": record.process}
        line.update(getattr(record, "fields", None) or {})
        error = _error(record)
        if error:
            line["error"] = error
        return json.dumps(line, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        fields = " ".join(f"{k}={v}" for k, v in (getattr(record, "fields", None) or {}).items())
        line = f"{_when(record)} {record.levelname} {record.name} [{record.process}] {record.getMessage()}"
        line = f"{line} {fields}" if fields else line
        error = _error(record)
        if error:
            line += f" error={error['type']}: {error['message']}\n" + "\n".join(f"  at {s}" for s in error["stack"])
        return line


def formatter(fmt: str) -> logging.Formatter:
    if fmt not in FORMATS:
        raise ValueError(f"log format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    return JsonFormatter() if fmt == "json" else TextFormatter()


def uvicorn_config(fmt: str, *, access: bool = True) -> dict:
    """A logging.config dict for uvicorn.run(log_config=…): every process it starts logs the same way. uvicorn's
    own access log stays off; central's (central.access) has the route template, the terminal and the duration."""
    formatter(fmt)
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"central": {"()": f"central.logs.{'JsonFormatter' if fmt == 'json' else 'TextFormatter'}"}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "central",
                                "stream": "ext://sys.stderr"}},
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
            "uvicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
            "central": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
            "central.access": {"level": "INFO" if access else "WARNING"},
        },
    }


def setup(fmt: str, *, access: bool = True) -> None:
    """For a worker started by some other manager (`uvicorn --factory …`): central's loggers get a stderr handler
    in `fmt` unless a log config already gave them one."""
    log = logging.getLogger("central")
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(formatter(fmt))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False
    logging.getLogger("central.access").setLevel(logging.INFO if access else logging.WARNING)
