"""Headless Chromium for the browser tests: where it is, the flags they share, and what a missing one
means (a skip on a developer's machine; a failure under CI=true, since .ci/run installs it and a browser
test that skips in CI proves nothing)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from typing import Any, NoReturn

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
IN_CI = os.environ.get("CI", "").lower() == "true"
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
)  # fmt: skip


def missing(what: str) -> NoReturn:
    if IN_CI:
        pytest.fail(f"missing {what}: the browser tests must run in CI (.ci/run installs it)")
    pytest.skip(f"missing {what}", allow_module_level=True)


def headless(width: int, height: int) -> Iterator[Any]:
    """A headless Chromium driven by Selenium, in a fresh profile, for a module-scoped fixture to yield
    from; missing Chromium, its driver or Selenium is :func:`missing`."""
    if not (CHROMIUM and DRIVER):
        missing("chromium and chromium-driver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError as exc:
        missing(f"Python package {exc.name}")
    profile = tempfile.mkdtemp(prefix="align-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=DRIVER))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
