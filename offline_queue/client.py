"""HTTP client for central (httpx): signed requests, verified answers, https, errors sorted transient/permanent."""

from __future__ import annotations

import email.utils
import logging
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import httpx

from offline_queue import tls
from offline_queue.errors import AuthRejected, CentralError
from offline_queue.payload import pack
from protocol import signing
from protocol.wire import PresenceGrant

log = logging.getLogger(__name__)
# JSON answers (case lists, certificates) are far smaller; the catalog passes its own cap
MAX_ANSWER_BYTES = 4 * 1024 * 1024
# the answer MAC proves central sent these; 429 and 5xx only make the kiosk wait, whoever sent them
_BACK_OFF = (429,)


class _SigningAuth(httpx.Auth):
    requires_request_body = True

    def __init__(self, terminal: str, secret: str, mac_name: str, clock: Callable[[], float]) -> None:
        self._terminal, self._secret, self._mac, self._clock = terminal, secret, mac_name, clock

    def auth_flow(self, request: httpx.Request):
        request.headers.update(signing.sign(
            request.method, request.url.raw_path.decode("ascii"), request.content,
            terminal=self._terminal, secret=self._secret, now=self._clock(), mac_name=self._mac))
        yield request


class CentralClient:
    """One httpx.Client; tests point base_url at a real central or at a proxy that breaks or forges answers.

    base_url must be https:// (checked against `ca_file`, or the system's CAs, and `pin_sha256` when given);
    plain http:// only to this machine and only with allow_plain_http_loopback (development). ValueError otherwise.
    A CA file that cannot be read makes every call fail (permanent CentralError) rather than the terminal: its queue
    still takes applications. Every answer central gives to a signed request carries a MAC: nothing is returned to a
    caller before it checks.
    """

    def __init__(self, base_url: str, terminal_id: str, secret: str, *, mac_name: str = "hmac-sha256",
                 timeout: float = 10.0, clock: Callable[[], float] = time.time,
                 allow_plain_http_loopback: bool = False, ca_file: str | Path | None = None,
                 pin_sha256: str = "") -> None:
        self.base_url = tls.check_url(base_url, allow_plain_http_loopback=allow_plain_http_loopback)
        self._terminal, self._secret, self._mac = terminal_id, secret, mac_name
        self.secret = secret
        self._setup_error: str | None = None
        verify = False
        if self.base_url.startswith("https:"):
            try:
                verify = tls.client_context(ca_file, pin_sha256)
            except ValueError as exc:
                self._setup_error, verify = str(exc), True
        self._http = httpx.Client(base_url=self.base_url, timeout=timeout, verify=verify, trust_env=False,
                                  auth=_SigningAuth(terminal_id, secret, mac_name, clock),
                                  # uncompressed answers: the cap counts what lands in memory, no inflating
                                  headers={"User-Agent": f"hall-kiosk/{terminal_id}", "Accept-Encoding": "identity"})

    def close(self) -> None:
        self._http.close()

    def _call(self, method: str, path: str, *, max_bytes: int = MAX_ANSWER_BYTES, **kw) -> httpx.Response:
        """The answer, read up to `max_bytes` and verified; CentralError (transient) for anything else."""
        if self._setup_error:
            raise CentralError(f"{method} {path}: {self._setup_error}", transient=False)
        try:
            with self._http.stream(method, path, **kw) as streamed:
                body = _read_capped(streamed, max_bytes, f"{method} {path}")
                r = httpx.Response(streamed.status_code, headers=streamed.headers, content=body,
                                   request=streamed.request)
        except httpx.TimeoutException as exc:
            raise CentralError(f"{method} {path}: timeout ({type(exc).__name__})", transient=True) from None
        except httpx.TransportError as exc:
            raise CentralError(f"{method} {path}: {type(exc).__name__}: {exc}", transient=True) from None
        if r.status_code >= 500 or r.status_code in _BACK_OFF:
            raise CentralError(f"{method} {path}: HTTP {r.status_code}{_retry_after(r)}", transient=True,
                               status=r.status_code)
        failed = signing.check_answer(r.status_code, r.request.headers.get(signing.NONCE, ""), r.content,
                                      r.headers.get(signing.ANSWER_SIGNATURE), terminal=self._terminal,
                                      secret=self._secret, mac_name=self._mac)
        if r.status_code in (401, 403):
            # central cannot sign for a terminal it does not know, nor in a way a wrong secret could check
            unsure = " (answer not verifiable: check the terminal's secret and the network path)" if failed else ""
            raise AuthRejected(f"{method} {path}: {r.status_code} {_reason(r)}{unsure}", r.status_code)
        if failed:
            log.warning("answer from central failed verification: %s %s HTTP %s: %s", method, path, r.status_code,
                        failed)
            raise CentralError(f"{method} {path}: answer from central failed verification ({failed}); "
                               "nothing was taken from it", transient=True, status=r.status_code)
        return r

    def _json(self, r: httpx.Response) -> dict | list:
        try:
            return r.json()
        except ValueError:
            # a proxy or a half-written answer; the request may be retried safely
            raise CentralError(f"{r.request.method} {r.request.url.path}: unreadable answer", transient=True) from None

    def _expect(self, r: httpx.Response, *ok: int) -> httpx.Response:
        if r.status_code not in ok:
            reason = _reason(r)
            raise CentralError(f"{r.request.method} {r.request.url.path}: HTTP {r.status_code} {reason}",
                               transient=False, status=r.status_code, reason=reason)
        return r

    def blob_exists(self, sha: str) -> bool:
        r = self._call("GET", f"/v1/blobs/{sha}")
        return self._expect(r, 200, 404).status_code == 200

    def put_blob(self, sha: str, data: bytes) -> None:
        self._expect(self._call("PUT", f"/v1/blobs/{sha}", content=data,
                                headers={"Content-Type": "application/octet-stream"}), 200, 201)

    def submit_batch(self, items: list[dict]) -> list[dict]:
        """items: {id, seq, kind, body}; returns one result per item: accepted | duplicate | rejected."""
        # the same JSON encoder that vetted the record at enqueue, so what was stored can always be sent
        r = self._expect(self._call("POST", "/v1/batch", content=pack({"items": items}),
                                    headers={"Content-Type": "application/json"}), 200)
        results = self._json(r).get("results")
        if not isinstance(results, list) or {x.get("id") for x in results} != {i["id"] for i in items}:
            raise CentralError("POST /v1/batch: answer does not cover the batch", transient=True)
        return results

    def case(self, tracking: str) -> dict | None:
        """The case in full when this terminal took it; another terminal's case as a status view (no terminal, no
        case number); None when central does not know the number."""
        r = self._expect(self._call("GET", f"/v1/cases/{tracking}"), 200, 404)
        return self._json(r) if r.status_code == 200 else None

    def presence(self, id_number: str, source: str, check: dict) -> PresenceGrant:
        """A proof that the card holder is at this terminal, for the citizen calls below. Ask only right after a
        passed face check or staff verification; `check` holds figures only ({decision, distance, ...})."""
        r = self._expect(self._call("POST", "/v1/presence",
                                    json={"id_number": id_number, "source": source, "check": check}), 200)
        try:
            return PresenceGrant.model_validate(self._json(r))
        except ValueError:
            raise CentralError("POST /v1/presence: answer is not a proof", transient=True) from None

    def citizen_cases(self, proof: str) -> list[dict]:
        """The present citizen's cases, from every terminal."""
        r = self._expect(self._call("POST", "/v1/citizen/cases", json={"presence": proof}), 200)
        return self._json(r)["cases"]

    def citizen_certificates(self, proof: str) -> list[dict]:
        """Certificates central can issue for the present citizen: [{kind, ref, title{zh,en}, subject{zh,en}}]."""
        r = self._expect(self._call("POST", "/v1/citizen/certificates", json={"presence": proof}), 200)
        return self._json(r)["certificates"]

    def issue_certificate(self, proof: str, kind: str, ref: str) -> dict | None:
        """The issued certificate (number, title, body, issuer, issued_on, verify_code, verify_url), or None when
        central holds no record for it. The body holds personal data: print it, never log it."""
        r = self._call("POST", "/v1/certificates", json={"presence": proof, "kind": kind, "ref": ref})
        # only central's own "no_record" means None: a bare 404 is a central without this endpoint
        if r.status_code == 404 and _reason(r) == "no_record":
            return None
        return self._json(self._expect(r, 201))

    def certificate_pdf(self, number: str) -> bytes | None:
        """The A4 PDF of a certificate this terminal issued (sealed by central when it has a seal), or None when
        central has none for it. The PDF holds the holder's name: print it, never log or keep it."""
        r = self._expect(self._call("GET", f"/v1/certificates/{quote(number, safe='')}/pdf"), 200, 404)
        if r.status_code == 404:
            if _reason(r) != "no_such_certificate":  # a central without this endpoint
                raise CentralError(f"GET /v1/certificates/…/pdf: HTTP 404 {_reason(r)}", transient=False, status=404)
            return None
        if not r.content.startswith(b"%PDF-"):
            raise CentralError("GET /v1/certificates/…/pdf: answer is not a PDF", transient=True)
        return r.content

    def take_ticket(self, queue: str, day: str, *, priority: str = "", service: str = "",
                    timeout: float | None = None) -> dict:
        """The next number of this terminal's site queue from central: {number, series, seq, queue, priority, day,
        ahead}; all terminals of a hall share the sequence (docs/hall-queue.md). `timeout` (seconds) replaces the
        client's own for this call: a citizen at the screen should not wait as long as a background upload."""
        extra = {"timeout": timeout} if timeout is not None else {}
        r = self._expect(self._call("POST", "/v1/tickets", json={"queue": queue, "priority": priority,
                                                                  "service": service, "day": day}, **extra), 200)
        answer = self._json(r)
        if not isinstance(answer, dict) or not isinstance(answer.get("number"), str):
            raise CentralError("POST /v1/tickets: answer is not a ticket", transient=True)
        return answer

    def tickets_waiting(self, queue: str, day: str, *, timeout: float | None = None) -> int:
        """How many tickets of this terminal's site wait for `queue` on `day` (the terminal's counting day), as
        central counts them for every terminal of the hall."""
        extra = {"timeout": timeout} if timeout is not None else {}
        r = self._expect(self._call("GET", "/v1/tickets/waiting", params={"queue": queue, "day": day}, **extra), 200)
        answer = self._json(r)
        count = answer.get("waiting") if isinstance(answer, dict) else None
        if type(count) is not int or count < 0 or answer.get("queue") != queue or answer.get("day") != day:
            raise CentralError("GET /v1/tickets/waiting: answer is not a count of that queue", transient=True)
        return count

    def ping(self) -> dict:
        """A signed round trip: {latency} in seconds, {clock_offset}, ours minus central's (to the second of its
        Date header; None without one), and {queue_index}, the one central gave this terminal at its site (None: none
        given, or a central too old to give one)."""
        sent = time.time()
        start = time.monotonic()
        r = self._expect(self._call("GET", "/v1/terminals/self"), 200)
        latency = time.monotonic() - start
        offset = None
        try:
            theirs = email.utils.parsedate_to_datetime(r.headers["date"]).timestamp()
            offset = round(sent + latency / 2 - theirs, 1)
        except (KeyError, TypeError, ValueError):
            pass
        try:
            index = self._json(r).get("queue_index")
        except (CentralError, AttributeError):
            index = None
        if not (type(index) is int and 1 <= index <= 99):
            index = None
        return {"latency": round(latency, 4), "clock_offset": offset, "queue_index": index}

    def heartbeat(self, status: dict) -> None:
        self._expect(self._call("POST", "/v1/heartbeat", json=status), 200)

    def catalog(self, etag: str | None = None, *, max_bytes: int) -> tuple[str, bytes] | None:
        """(etag, body) of the current catalog, or None when `etag` is still current. A body past `max_bytes` is
        cut off as soon as it gets there (CentralError, not transient: a bigger catalog will not shrink)."""
        headers = {"If-None-Match": etag} if etag else {}
        r = self._expect(self._call("GET", "/v1/catalog", headers=headers, max_bytes=max_bytes), 200, 304)
        return None if r.status_code == 304 else (r.headers.get("ETag", ""), r.content)

    def config_overlay(self, etag: str | None = None) -> dict | None:
        """The configuration overlay central has for this terminal ({version, target, toml, published_at}), or
        None when `etag` is still current. The answer's MAC under this terminal's secret was checked (_call)."""
        headers = {"If-None-Match": etag} if etag else {}
        r = self._expect(self._call("GET", "/v1/config-overlay", headers=headers), 200, 304)
        if r.status_code == 304:
            return None
        answer = self._json(r)
        if not isinstance(answer, dict):
            raise CentralError("GET /v1/config-overlay: answer is not an overlay", transient=True)
        return answer


class AnswerTooLarge(CentralError):
    def __init__(self, message: str) -> None:
        super().__init__(message, transient=False)


def _read_capped(streamed: httpx.Response, max_bytes: int, what: str) -> bytes:
    if streamed.headers.get("Content-Encoding", "identity").lower() != "identity":
        raise CentralError(f"{what}: compressed answer, though the request asked for none", transient=True)
    declared = streamed.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise AnswerTooLarge(f"{what}: answer of {declared} bytes is over the {max_bytes}-byte limit")
    chunks, size = [], 0
    for chunk in streamed.iter_raw():
        size += len(chunk)
        if size > max_bytes:
            raise AnswerTooLarge(f"{what}: answer over the {max_bytes}-byte limit; the rest was not read")
        chunks.append(chunk)
    return b"".join(chunks)


def _retry_after(r: httpx.Response) -> str:
    wait = r.headers.get("Retry-After", "")
    return f" (retry after {wait} s)" if wait.isdigit() else ""


def _reason(r: httpx.Response) -> str:
    try:
        detail = r.json().get("detail")
    except ValueError:
        return ""
    if isinstance(detail, dict):
        return str(detail.get("reason", ""))
    return str(detail)[:200] if detail else ""
