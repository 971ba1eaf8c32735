"""A real browser for the console's tests: Debian's Chromium, headless, driven through Debian's chromedriver by
Selenium (nothing is downloaded). Tests that need it skip cleanly only when Chromium is not installed."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

CHROMIUM = ("/usr/bin/chromium", "/usr/lib/chromium/chromium")
CHROMEDRIVER = ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
WIDTH, HEIGHT = 1440, 900


def _first(paths: tuple[str, ...], name: str) -> str | None:
    return next((p for p in paths if os.access(p, os.X_OK)), None) or shutil.which(name)


def start_chromium(profile: Path, *, width: int = WIDTH, height: int = HEIGHT):
    """A headless Chromium with its own profile folder; skips the test when Chromium or its driver is absent."""
    binary, driver = _first(CHROMIUM, "chromium"), _first(CHROMEDRIVER, "chromedriver")
    if binary is None or driver is None:
        pytest.skip("Chromium and chromedriver are needed (Debian packages chromium chromium-driver; ./install.sh)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in ("--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-extensions", "--disable-background-networking", "--lang=zh-CN",
                f"--window-size={width},{height}", f"--user-data-dir={profile}"):
        options.add_argument(arg)
    if os.geteuid() == 0:
        options.add_argument("--no-sandbox")  # Chromium refuses to run as root with its sandbox
    return webdriver.Chrome(options=options, service=Service(executable_path=driver))


@pytest.fixture
def browser(tmp_path):
    driver = start_chromium(tmp_path / "chromium-profile")
    yield driver
    driver.quit()


def wait_until(predicate, timeout: float = 60.0, every: float = 0.2, what: str = "condition"):
    """predicate() until it returns something truthy (which is returned); fails after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            found = predicate()
        except Exception:  # the page is being replaced under us: ask again
            found = None
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(every)


def log_in(driver, base_url: str, username: str, password: str) -> None:
    from selenium.webdriver.common.by import By

    driver.get(base_url + "/console/login")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form[action='/console/login'] button[type=submit]").click()
    wait_until(lambda: "/console/login" not in driver.current_url, what="the login to go through")


def full_page_screenshot(driver, path: Path, width: int = WIDTH, min_height: int = HEIGHT) -> None:
    """The whole page (the window grows to the document's height first), as a PNG."""
    height = driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
    driver.set_window_size(width, max(min_height, min(int(height) + 140, 6000)))
    path.parent.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(path))
    driver.set_window_size(width, min_height)
