"""Configuration of the service catalog, its updates from central and the take-a-number counter."""

from pydantic import BaseModel, ConfigDict, Field, field_validator

from protocol.catalog_signing import KeyTextError, check_public_key


class CatalogConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # the catalog shipped with the software (catalog.toml + items/*.toml); relative to kiosk.toml
    directory: str = "assets/catalog"
    # where catalogs downloaded from central are unpacked; the newest valid one wins over `directory`
    updates_directory: str = "var/catalog"
    # how often to ask central for a newer catalog (ETag request; 0 = never)
    update_interval_minutes: int = Field(60, ge=0, le=7 * 24 * 60)
    # largest accepted update download; a bigger payload is refused before it is unpacked
    max_update_bytes: int = Field(20_000_000, ge=10_000, le=500_000_000)
    # public keys ("ed25519:<base64>", from `kiosk catalog keygen`) whose signed bundles are accepted; more than
    # one while a key is being replaced. Empty: every update is refused and the shipped catalog is used
    update_public_keys: list[str] = Field(default_factory=list, max_length=8)
    # item codes shown first on the "most used" (常用事项) list, in this order; unknown codes are skipped
    most_used: list[str] = Field(default_factory=list, max_length=24)
    # how many search results the search screen shows
    search_limit: int = Field(20, ge=1, le=100)
    # the take-a-number (取号) counter: SQLite file, numbers restart from 1 every day
    tickets_database: str = "var/tickets.sqlite3"
    # hour (0-23, local time) at which the day's numbering restarts
    tickets_reset_hour: int = Field(0, ge=0, le=23)
    # the letter of priority (green-channel, 优先号) numbers for elderly, disabled and pregnant visitors: one series
    # for the whole hall, called first at each queue's windows; must be no queue's letter. "" = no priority numbers
    priority_ticket_letter: str = Field("V", pattern=r"^[A-Z]?$")
    # a citizen-facing web page per item for the on-screen QR when the printer is out; "{code}" = item code
    guide_url: str = "https://zwfw.example.gov.cn/guide/{code}"

    @field_validator("update_public_keys")
    @classmethod
    def _keys(cls, keys: list[str]) -> list[str]:
        try:
            return [check_public_key(k) for k in keys]
        except KeyTextError as e:
            raise ValueError(str(e)) from None
