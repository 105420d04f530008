"""Claims of SECURITY.md that no feature's tests cover: passwords whole, hashes, headers, paths, mail, code."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from portal import mail
from tests.factories import make_user

ROOT = Path(__file__).resolve().parents[2]
LONG = "pitkä salasana  jossa välejä ja 🙂🙂 " * 4  # 144 characters: spaces, Finnish letters, emoji


def test_long_passwords_with_spaces_and_unicode_are_kept_whole(client, db):
    user = make_user("coach", password=LONG)
    db.session.commit()
    assert client.post("/login", data={"email": user.email, "password": LONG}).status_code == 302
    client.post("/logout")
    # Nothing is truncated: the first 72 characters (bcrypt's limit) are not the password.
    page = client.post("/login", data={"email": user.email, "password": LONG[:72]})
    assert page.status_code == 200 and "Sähköposti tai salasana on väärin." in page.get_data(as_text=True)


def test_passwords_are_stored_as_salted_argon2id_hashes(db):
    first, second = make_user("coach", password=LONG), make_user("coach", password=LONG)
    assert first.password_hash.startswith("$argon2id$")
    assert first.password_hash != second.password_hash  # a random salt for each
    assert LONG not in first.password_hash


def test_sign_in_and_password_fields_welcome_password_managers(client, login_as):
    login_page = client.get("/login").get_data(as_text=True)
    assert 'autocomplete="username"' in login_page and 'autocomplete="current-password"' in login_page
    login_as("coach")
    change_page = client.get("/account/password").get_data(as_text=True)
    assert change_page.count('autocomplete="new-password"') == 2
    assert "onpaste" not in login_page + change_page


class FakeSMTP:
    """Stands in for smtplib.SMTP and records what the portal asked of it."""

    calls: list = []

    def __init__(self, host, port):
        self.calls.append(("connect", host, port))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def starttls(self, context=None):
        self.calls.append(("starttls", context.verify_mode.name))

    def login(self, user, password):
        self.calls.append(("login", user))

    def send_message(self, msg):
        self.calls.append(("send", msg.as_string()))


def test_smtp_uses_starttls_with_a_checked_certificate_and_refuses_header_injection(app, monkeypatch):
    monkeypatch.setattr(mail.smtplib, "SMTP", FakeSMTP)
    FakeSMTP.calls = []
    monkeypatch.setitem(app.config, "MAIL_BACKEND", "smtp")
    monkeypatch.setitem(app.config, "SMTP_STARTTLS", True)
    monkeypatch.setitem(app.config, "SMTP_USERNAME", "portal")
    with app.app_context():
        mail.send_mail("a@test.example", "Hei", "Viesti")
        assert [c[0] for c in FakeSMTP.calls] == ["connect", "starttls", "login", "send"]
        assert FakeSMTP.calls[1] == ("starttls", "CERT_REQUIRED")
        FakeSMTP.calls = []
        with pytest.raises(ValueError):
            mail.send_mail("a@test.example", "Hei\r\nBcc: everyone@test.example", "Viesti")
        assert not [c for c in FakeSMTP.calls if c[0] == "send"]


@pytest.mark.parametrize("path", ["/.git/config", "/static/../.git/config", "/static/%2e%2e/wsgi.py",
                                  "/instance/secret_key", "/static/../instance/secret_key",
                                  "/media/..%2Fsecret_key", "/media/../../instance/secret_key", "/wsgi.py"])
def test_repository_files_and_traversal_paths_are_not_served(client, db, path):
    response = client.get(path)
    assert response.status_code == 404
    key = ROOT / "instance" / "secret_key"
    assert b"create_app" not in response.data
    assert not key.exists() or key.read_bytes().strip() not in response.data


def test_no_cross_origin_reads_are_allowed(client):
    for path in ("/api/v1/roles", "/", "/login"):
        response = client.get(path, headers={"Origin": "https://evil.example"})
        assert "Access-Control-Allow-Origin" not in response.headers


def test_responses_declare_their_type_and_utf8(client):
    assert client.get("/").headers["Content-Type"] == "text/html; charset=utf-8"
    assert client.get("/api/v1/roles").headers["Content-Type"] == "application/json"


# What the portal's code and templates must never contain (dynamic code, unchecked markup, shell, unsafe loading).
FORBIDDEN_CODE = {
    r"\beval\(|\bexec\(": "dynamic code",
    r"render_template_string": "templates built from strings",
    r"\bpickle\b|\bmarshal\b|yaml\.load\(|yaml\.unsafe_load": "unsafe deserialisation",
    r"shell=True|os\.system\(|os\.popen\(": "a shell",
    r"\bMarkup\(": "markup marked safe in code",
    r"text\(f[\"']|execute\(f[\"']": "SQL built from strings",
    r"urlopen\(|requests\.(get|post)\(|httpx\.": "outgoing requests (SSRF surface)",
}
# The one place where HTML is shown as such: campaign bodies, made by portal/campaigns/content.py (nh3).
ALLOWED_SAFE = {"text.body_html | safe"}
# The one place code marks HTML as markup: a part of a page rendered (autoescaped) by render_template and
# cached, the officer's board (portal.cache.rendered).
ALLOWED_MARKUP = {"portal/cache.py"}


def test_no_dynamic_code_unsafe_markup_or_shell_in_the_portal():
    found = []
    for path in sorted((ROOT / "portal").rglob("*.py")):
        source = path.read_text("utf-8")
        for pattern, what in FORBIDDEN_CODE.items():
            for line in source.splitlines():
                if re.search(pattern, line) and not line.lstrip().startswith("#"):
                    if what == "markup marked safe in code" and str(path.relative_to(ROOT)) in ALLOWED_MARKUP:
                        continue
                    found.append(f"{path.relative_to(ROOT)}: {what}: {line.strip()}")
    for path in sorted((ROOT / "templates").rglob("*.html")):
        for match in re.finditer(r"[^{}]*\|\s*safe\b", path.read_text("utf-8")):
            if match.group(0).strip() not in ALLOWED_SAFE:
                found.append(f"{path.relative_to(ROOT)}: |safe: {match.group(0).strip()}")
    assert found == []


def test_workbooks_are_parsed_with_defusedxml():
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML, "install defusedxml: openpyxl then refuses XML entity tricks"


def test_every_password_form_offers_show_password(client, login_as):
    pages = [client.get("/login?lang=en")]
    login_as("coach")
    pages += [client.get("/account/password?lang=en"), client.get("/account/sessions?lang=en")]
    for page in pages:
        html = page.get_data(as_text=True)
        assert "data-show-password hidden" in html and "Show password" in html
        assert "js/show-password.js" in html


def test_log_lines_carry_a_timestamp_with_its_offset(tmp_path):
    import subprocess
    import sys

    script = ("from portal import create_app; import logging; "
              f"create_app({{'PORTAL_ENV': 'testing', 'DATABASE_URL': 'sqlite:///{tmp_path}/x.db'}}); "
              "logging.getLogger('portal.check').warning('hello')")
    err = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                         timeout=60).stderr
    assert re.search(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4} WARNING portal\.check: hello$", err, re.M), err
