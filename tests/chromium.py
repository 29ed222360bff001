"""Headless Chromium for the browser tests: where it is, the flags they share, and what a missing one
means (a skip on a developer's machine; a failure under CI=true, since .ci/run installs it and a browser
test that skips in CI proves nothing)."""

from __future__ import annotations

import os
import shutil
from typing import NoReturn

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
