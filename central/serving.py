"""Running central in server processes: its options as environment variables, and the app factory every worker
calls (`uvicorn --factory central.serving:from_environment --workers N`, or `kiosk central serve --workers N`)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from central import logs
from central.certificates import DEFAULT_ISSUER
from central.console.throttle import ThrottlePolicy
from central.fleet import FleetPolicy
from central.presence import PresencePolicy
from central.ratelimit import Rate, RateLimits

PREFIX = "KIOSK_CENTRAL_"


@dataclass(frozen=True)
class ServeOptions:
    """Everything a worker needs to open the store and build the app; strings, as environment variables are."""

    database: str
    keys_dir: str | None = None
    blob_dir: str | None = None
    data_key_file: str | None = None
    catalog: str | None = None
    issuer: str = DEFAULT_ISSUER
    public_url: str | None = None
    seal_cert: str | None = None
    seal_key: str | None = None
    certificate_kinds: str | None = None
    presence_ttl: str = str(PresencePolicy.ttl_seconds)
    presence_per_hour: str = str(PresencePolicy.per_terminal_per_hour)
    terminal_limit: str | None = None
    address_limit: str | None = None
    verify_limit: str | None = None
    login_limit: str | None = None  # the console login's per-address throttle, RATE/BURST
    pool_size: str = "8"
    heartbeat_interval: str = str(FleetPolicy.interval)  # the kiosks' central.heartbeat_seconds (console flags)
    stale_after: str = str(FleetPolicy.stale_after)
    metrics_dir: str | None = None  # where the workers of one server add up their figures (central.metrics)
    metrics_token_file: str | None = None
    log_format: str = "json"
    access_log: str = "1"

    def to_environment(self) -> dict[str, str]:
        return {PREFIX + name.upper(): value for name, value in vars(self).items() if value is not None}

    @classmethod
    def from_environment(cls, env: dict[str, str]) -> ServeOptions:
        if PREFIX + "DATABASE" not in env:
            raise RuntimeError(f"{PREFIX}DATABASE is not set (a SQLite path or postgresql://…)")
        return cls(**{name: env[PREFIX + name.upper()] for name in cls.__dataclass_fields__
                      if PREFIX + name.upper() in env})

    def limits(self) -> RateLimits:
        default = RateLimits()
        return RateLimits(**{name: Rate.parse(text) if text is not None else getattr(default, name)
                             for name, text in (("terminal", self.terminal_limit), ("address", self.address_limit),
                                                ("verify", self.verify_limit))})

    def login_throttle(self) -> ThrottlePolicy:
        """Failed console logins one client address may have in a row (burst), and how fast it gets tries back;
        ValueError for 'off' or a bad value."""
        if self.login_limit is None:
            return ThrottlePolicy()
        rate = Rate.parse(self.login_limit)
        if rate is None:
            raise ValueError("--login-limit cannot be off: the per-account lockout alone lets one address try"
                             " every account")
        return ThrottlePolicy(burst=rate.burst, refill_seconds=1.0 / rate.per_second)

    def open_store(self):
        from central.storage import CentralStore

        return CentralStore(self.database, keys_dir=self.keys_dir, blob_dir=self.blob_dir,
                            data_key_file=self.data_key_file, pool_size=int(self.pool_size))

    def metrics_token(self) -> str | None:
        """The bearer token that opens /metrics from other machines; ValueError when the file is unusable."""
        if not self.metrics_token_file:
            return None
        try:
            token = Path(self.metrics_token_file).read_text().strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"cannot read metrics token file {self.metrics_token_file}: {exc}") from None
        if len(token) < 16 or not token.isascii() or any(ch.isspace() for ch in token):
            raise ValueError(f"metrics token in {self.metrics_token_file} must be one word of at least 16 ASCII"
                             " characters")
        return token

    def seal(self):
        """The department seal (SealError, a ValueError, when its files are unusable), or None when not configured."""
        if not self.seal_cert:
            return None
        from central.certificate_seal import DepartmentSeal

        return DepartmentSeal(self.seal_cert, self.seal_key or "")

    def kinds(self, hash_id):
        from central import certificate_kinds

        path = Path(self.certificate_kinds) if self.certificate_kinds else certificate_kinds.DEFAULT_FILE
        return certificate_kinds.load(path, hash_id)

    def build_app(self):
        from central.app import create_app
        from central.metrics_http import CentralMetrics

        from central.console.web import ConsolePolicy

        fleet = FleetPolicy(interval=float(self.heartbeat_interval), stale_after=int(self.stale_after))
        from protocol.idhash import central_id_hash

        store = self.open_store()
        metrics = CentralMetrics(store.engine.pool, shared_dir=self.metrics_dir, token=self.metrics_token())
        return create_app(store, catalog_file=Path(self.catalog) if self.catalog else None,
                          issuer=self.issuer, public_url=self.public_url,
                          presence=PresencePolicy(ttl_seconds=int(self.presence_ttl),
                                                  per_terminal_per_hour=int(self.presence_per_hour)),
                          limits=self.limits(), console=ConsolePolicy(fleet=fleet, throttle=self.login_throttle()), metrics=metrics,
                          kinds=self.kinds(lambda number: central_id_hash(store.keys.id_hash, number)),
                          seal=self.seal())


def from_environment():
    """The app factory: each worker process opens its own store (its own connection pool) from the environment."""
    options = ServeOptions.from_environment(dict(os.environ))
    logs.setup(options.log_format, access=options.access_log == "1")
    return options.build_app()
