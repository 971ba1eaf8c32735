"""A second real browser for the console's tests: Debian's Firefox ESR, headless, driven over WebDriver BiDi, the
protocol Firefox itself serves (Debian 12 packages no geckodriver, and nothing may be downloaded). Tests that need it
skip cleanly only when Firefox is not installed."""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers.browser import HEIGHT, WIDTH, wait_until

FIREFOX = ("/usr/bin/firefox-esr", "/usr/bin/firefox")
_LISTENING = re.compile(r"WebDriver BiDi listening on (ws://\S+)")
# a quiet, offline profile: no first-run pages, update checks or telemetry reaching for the network
PREFS = {
    "browser.shell.checkDefaultBrowser": False, "browser.startup.homepage_override.mstone": "ignore",
    "datareporting.policy.dataSubmissionEnabled": False, "toolkit.telemetry.reportingpolicy.firstRun": False,
    "app.update.disabledForTesting": True, "browser.aboutwelcome.enabled": False,
    "intl.accept_languages": "zh-CN, zh, en", "remote.active-protocols": 1,
}


class BidiError(AssertionError):
    pass


class Firefox:
    """One headless Firefox and its BiDi session: navigate, evaluate, click, screenshots, the page's JS errors."""

    def __init__(self, profile: Path) -> None:
        binary = next((p for p in FIREFOX if os.access(p, os.X_OK)), None) or shutil.which("firefox-esr")
        if binary is None:
            pytest.skip("Firefox is needed (Debian package firefox-esr; ./install.sh)")
        import websocket

        profile.mkdir(parents=True, exist_ok=True)
        (profile / "user.js").write_text("".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n"
                                                 for k, v in PREFS.items()))
        self._log = open(profile / "firefox.log", "w+", encoding="utf-8")
        env = {**os.environ, "MOZ_HEADLESS": "1"}
        env.pop("DISPLAY", None)
        self.proc = subprocess.Popen([binary, "--headless", "--no-remote", "--profile", str(profile),
                                      "--remote-debugging-port=0", "about:blank"],
                                     stdout=self._log, stderr=subprocess.STDOUT, env=env)
        try:
            url = wait_until(self._listening, timeout=120, what="Firefox's WebDriver BiDi endpoint")
            # Firefox refuses a WebSocket handshake that carries an Origin header
            self.ws = websocket.create_connection(url + "/session", timeout=120, suppress_origin=True)
        except BaseException:
            self.proc.kill()
            raise
        self._next = 0
        self.errors: list[str] = []  # the pages' JavaScript errors and console.error lines
        self.call("session.new", {"capabilities": {"alwaysMatch": {"acceptInsecureCerts": True}}})
        self.call("session.subscribe", {"events": ["log.entryAdded"]})
        self.context = self.call("browsingContext.getTree", {})["contexts"][0]["context"]
        self.call("browsingContext.setViewport", {"context": self.context,
                                                  "viewport": {"width": WIDTH, "height": HEIGHT}})

    def _listening(self) -> str | None:
        self._log.seek(0)
        found = _LISTENING.search(self._log.read())
        if found is None and self.proc.poll() is not None:
            raise BidiError(f"Firefox ended with {self.proc.returncode} before serving WebDriver BiDi")
        return found.group(1) if found else None

    def call(self, method: str, params: dict) -> dict:
        self._next += 1
        self.ws.send(json.dumps({"id": self._next, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("type") == "event":
                entry = message["params"]
                if message["method"] == "log.entryAdded" and entry.get("level") == "error":
                    self.errors.append(str(entry.get("text")))
                continue
            if message.get("id") != self._next:
                continue
            if message.get("type") == "error":
                raise BidiError(f"{method}: {message.get('error')}: {message.get('message')}")
            return message["result"]

    def get(self, url: str) -> None:
        self.call("browsingContext.navigate", {"context": self.context, "url": url, "wait": "complete"})

    def js(self, expression: str):
        """The value of a JavaScript expression in the page (strings, numbers, booleans, null)."""
        answer = self.call("script.evaluate", {"expression": expression, "target": {"context": self.context},
                                               "awaitPromise": True})
        if answer.get("type") == "exception":
            raise BidiError(f"{expression}: {answer['exceptionDetails'].get('text')}")
        return answer["result"].get("value")

    @property
    def url(self) -> str:
        return self.js("window.location.href")

    def click(self, css: str) -> None:
        """A real pointer click in the middle of the element (scrolled into view), as a person would."""
        box = self.js(f"(() => {{ const e = document.querySelector({json.dumps(css)}); if (!e) return null;"
                      f" e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect();"
                      f" return JSON.stringify([r.x + r.width / 2, r.y + r.height / 2]); }})()")
        if box is None:
            raise BidiError(f"nothing matches {css}")
        x, y = json.loads(box)
        self.call("input.performActions", {"context": self.context, "actions": [{
            "type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"}, "actions": [
                {"type": "pointerMove", "x": round(x), "y": round(y)},
                {"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0}]}]})

    def type_into(self, css: str, text: str) -> None:
        """Focus the field and type the text key by key."""
        self.click(css)
        self.call("input.performActions", {"context": self.context, "actions": [{
            "type": "key", "id": "keyboard",
            "actions": [a for ch in text for a in ({"type": "keyDown", "value": ch}, {"type": "keyUp", "value": ch})]}]})

    def delete_cookies(self) -> None:
        self.call("storage.deleteCookies", {})

    def screenshot(self, path: Path) -> None:
        """The whole document as a PNG."""
        shot = self.call("browsingContext.captureScreenshot", {"context": self.context, "origin": "document"})
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))

    def quit(self) -> None:
        try:
            self.call("session.end", {})
            self.ws.close()
        except Exception:  # already gone: the process is ended below either way
            pass
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._log.close()


@pytest.fixture
def firefox(tmp_path):
    browser = Firefox(tmp_path / "firefox-profile")
    yield browser
    browser.quit()


def log_in(browser: Firefox, base_url: str, username: str, password: str) -> None:
    browser.get(base_url + "/console/login")
    browser.type_into("#username", username)
    browser.type_into("#password", password)
    browser.click("form[action='/console/login'] button[type=submit]")
    wait_until(lambda: "/console/login" not in browser.url and browser.js("document.readyState") == "complete",
               what="the login to go through")
