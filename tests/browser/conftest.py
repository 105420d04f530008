"""The browser harness: the portal served from a thread, Debian's Chromium driven by Playwright.

Chromium is never downloaded: Playwright (pinned to 1.64.x, which drives
Debian's Chromium 156) launches /usr/bin/chromium through executable_path.
axe-core comes bundled in the axe-playwright-python package.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

import axe_playwright_python
import pytest
from werkzeug.serving import make_server

from tests.conftest import make_test_app

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(config, items):
    """Without Chromium the browser tests skip, unless REQUIRE_BROWSER=1 makes that a failure."""
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(f"REQUIRE_BROWSER=1 but {CHROMIUM} is missing")
    skip = pytest.mark.skip(reason=f"no chromium at {CHROMIUM}")
    for item in items:
        item.add_marker(skip)


class LiveServer:
    """The app on a free local port, in a thread, with its own SQLite database and world."""

    def __init__(self, tmp: Path):
        from flask_migrate import upgrade

        from portal.extensions import db
        from portal.reference.services import load_reference
        from tests.access.world import build_world

        self.app = make_test_app(f"sqlite:///{tmp / 'browser.db'}", WTF_CSRF_ENABLED=True)
        with self.app.app_context():
            upgrade()
            load_reference()
            db.session.commit()
            self.world = build_world()
            self.emails = {who: u.email for who, u in self.world.users.items()}
            self.password = self.world.password
            db.session.remove()
        self.server = make_server("127.0.0.1", 0, self.app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    server = LiveServer(tmp_path_factory.mktemp("browser"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def sign_in(page, server: LiveServer, who: str) -> None:
    """Sign in through the real form, as a person would."""
    page.goto(f"{server.url}/login?lang=fi")
    page.fill("#email", server.emails[who])
    page.fill("#password", server.password)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/login" not in url)


AXE_SCRIPT = Path(axe_playwright_python.__file__).with_name("axe.min.js")


@pytest.fixture(scope="session")
def contexts(browser, live_server):
    """One browser context per kind of user, signed in once, with axe-core preloaded."""
    made = {}

    def get(who: str):
        if who not in made:
            context = browser.new_context()
            context.add_init_script(path=str(AXE_SCRIPT))
            page = context.new_page()
            if who != "anonymous":
                sign_in(page, live_server, who)
            made[who] = page
        return made[who]

    yield get
    for page in made.values():
        page.context.close()
