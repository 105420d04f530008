"""HTTP helpers of bench/load.py: wait for the portal, sign in through the real form, check a page."""
from __future__ import annotations

import http.client
import re
import time
from urllib.parse import urlencode, urlsplit

COOKIE = "ote_session"


def _request(base: str, method: str, path: str, cookie: str | None = None, body: str | None = None):
    url = urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    headers = {"Cookie": cookie} if cookie else {}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read().decode("utf-8", "replace")
    conn.close()
    return response, data


def _cookie(response, fallback: str | None) -> str | None:
    # The cookie is Secure in production; over loopback http it is read from the header by hand.
    for name, value in response.getheaders():
        # In production the cookie carries the __Host- prefix.
        if name.lower() == "set-cookie" and value.split("=", 1)[0] in (COOKIE, "__Host-" + COOKIE):
            return value.split(";", 1)[0]
    return fallback


def wait_for(url: str, seconds: float, process=None) -> None:
    """Wait until the URL answers 200 (and stop early when the server process has died)."""
    parts = urlsplit(url)
    deadline = time.monotonic() + seconds
    while True:
        try:
            response, _ = _request(f"{parts.scheme}://{parts.netloc}", "GET", parts.path)
            if response.status == 200:
                return
        except OSError:
            pass
        if process is not None and process.poll() is not None:
            raise SystemExit(f"the server stopped: {process.stderr.read().decode()[-2000:]}")
        if time.monotonic() > deadline:
            raise SystemExit(f"{url} did not answer within {seconds:.0f} s")
        time.sleep(0.5)


def sign_in(base: str, email: str, password: str) -> str:
    """Sign in through the login form (CSRF token included); the session cookie as 'name=value'."""
    response, page = _request(base, "GET", "/login")
    cookie = _cookie(response, None)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page) or re.search(
        r'value="([^"]+)"[^>]*name="csrf_token"', page)
    if token is None:
        raise SystemExit("no CSRF token on the login page")
    body = urlencode({"csrf_token": token.group(1), "email": email, "password": password})
    response, _ = _request(base, "POST", "/login", cookie, body)
    if response.status != 302:
        raise SystemExit(f"signing in as {email} answered {response.status}")
    cookie = _cookie(response, cookie)
    check, _ = _request(base, "GET", "/account", cookie)
    if check.status != 200:
        raise SystemExit(f"the session of {email} does not open /account ({check.status})")
    return cookie


def status_of(base: str, path: str, cookie: str | None) -> int:
    """The status one GET of the path answers."""
    response, _ = _request(base, "GET", path, cookie)
    return response.status


def etags_of(base: str, paths: list[str]) -> dict[str, str]:
    """path -> the ETag an anonymous GET answers with: what a browser holding the page sends back."""
    found = {}
    for path in paths:
        response, _ = _request(base, "GET", path)
        if response.getheader("ETag"):
            found[path] = response.getheader("ETag")
    return found
