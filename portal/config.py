"""Configuration read from the environment, with laptop-friendly defaults."""
from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
INSTANCE = ROOT / "instance"
ENVIRONMENTS = ("development", "production", "testing")
# Settings that come from environment variables (and may be overridden as such).
ENV_KEYS = ("PORTAL_ENV", "SECRET_KEY", "DATABASE_URL", "REDIS_URL", "PUBLIC_URL", "TRUSTED_HOSTS")

# Values that look like keys but are not secret: refused in production.
_PLACEHOLDER_KEYS = {"", "dev", "change-me", "changeme", "secret", "development"}
MIN_SECRET_LENGTH = 32
# Where the portal answers when PUBLIC_URL is not set: `make run` in development, the test client in tests.
DEFAULT_PUBLIC_URL = {"development": "http://127.0.0.1:5000", "testing": "http://localhost"}
# Hosts a developer's browser or the test client use, trusted outside production besides PUBLIC_URL's.
LOCAL_HOSTS = ("localhost", "127.0.0.1")
# Plain http is allowed in production for these alone (a load test on one machine).
LOOPBACK = ("localhost", "127.0.0.1", "::1")


class ConfigError(RuntimeError):
    """The configuration cannot run safely; the message says why."""


def _dev_secret_key(instance: Path) -> str:
    """Read the development key from instance/, creating it on first use."""
    path = instance / "secret_key"
    if path.exists():
        return path.read_text().strip()
    instance.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    path.write_text(key)
    path.chmod(0o600)
    return key


def _database_url(env: dict[str, str]) -> str:
    """DATABASE_URL, rewritten to the psycopg 3 driver, or the SQLite default."""
    url = env.get("DATABASE_URL") or f"sqlite:///{INSTANCE / 'portal.db'}"
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def _mail_backend(env: dict[str, str], production: bool) -> str:
    """MAIL_BACKEND; in production SMTP, since the log backend would write reset links into the logs."""
    backend = env.get("MAIL_BACKEND") or ("smtp" if production else "log")
    if production and backend == "log":
        raise ConfigError("MAIL_BACKEND=log writes password-reset and invitation links into the log; "
                          "use MAIL_BACKEND=smtp in production.")
    return backend


def _public_url(env: dict[str, str], portal_env: str) -> str:
    """PUBLIC_URL, the address every absolute link starts with; required in production."""
    url = (env.get("PUBLIC_URL") or "").strip()
    if not url:
        if portal_env == "production":
            raise ConfigError("PUBLIC_URL must be set in production (for example https://ote.example.fi): "
                              "links in mail, feeds and pages are built from it, never from the request's Host.")
        url = DEFAULT_PUBLIC_URL[portal_env]
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (a port that is not a number raises here)
    except ValueError as error:
        raise ConfigError(f"PUBLIC_URL {url!r} is not a valid address: {error}.") from None
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment \
            or parts.username or parts.password:
        raise ConfigError(f"PUBLIC_URL must be an http or https address such as https://ote.example.fi, "
                          f"without a query, a fragment or a password, not {url!r}.")
    if portal_env == "production" and parts.scheme != "https" and parts.hostname not in LOOPBACK:
        raise ConfigError(f"PUBLIC_URL must be an https address in production, not {url!r}: the session cookie "
                          "is Secure, and links in mail must not send people to plain http.")
    return url.rstrip("/")


def _trusted_hosts(env: dict[str, str], public_url: str, production: bool) -> list[str]:
    """The hosts requests may name: PUBLIC_URL's, those listed in TRUSTED_HOSTS, and locally the loopback names."""
    hosts = [urlsplit(public_url).hostname]
    hosts += [h for h in (env.get("TRUSTED_HOSTS") or "").replace(",", " ").split() if h]
    if not production:
        hosts += LOCAL_HOSTS
    return list(dict.fromkeys(h.lower() for h in hosts))


def _cache_settings(env: dict[str, str], redis_url: str | None) -> dict:
    """Flask-Caching (portal.cache): Redis shared by every worker and host when REDIS_URL is set, else this process."""
    # CACHE_HELD: answers each worker also keeps unpickled (portal.cache), the latest used first.
    settings = {"CACHE_DEFAULT_TIMEOUT": 600, "CACHE_THRESHOLD": 500, "CACHE_HELD": int(env.get("CACHE_HELD", 64)),
                # cache.clear() deletes this prefix only; the rate limiter's keys in the same Redis stay.
                "CACHE_KEY_PREFIX": env.get("CACHE_KEY_PREFIX", "ote-cache:")}
    if not redis_url:
        return {**settings, "CACHE_TYPE": "SimpleCache"}
    # Short timeouts: with Redis away a page is computed, not held up (portal.cache logs and goes on).
    return {**settings, "CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": redis_url,
            "CACHE_OPTIONS": {"socket_timeout": 0.5, "socket_connect_timeout": 0.5}}


def load_config(env: dict[str, str] | None = None) -> dict:
    """Build the configuration dict for PORTAL_ENV from environment variables."""
    env = dict(os.environ if env is None else env)
    portal_env = env.get("PORTAL_ENV", "development")
    if portal_env not in ENVIRONMENTS:
        raise ConfigError(f"PORTAL_ENV must be one of {', '.join(ENVIRONMENTS)}, not {portal_env!r}.")
    production = portal_env == "production"
    secret = env.get("SECRET_KEY", "")
    if production:
        if secret.lower() in _PLACEHOLDER_KEYS or len(secret) < MIN_SECRET_LENGTH:
            raise ConfigError(
                "SECRET_KEY must be set to a random value of at least "
                f"{MIN_SECRET_LENGTH} characters in production (for example "
                "`python -c 'import secrets; print(secrets.token_hex(32))'`); "
                "it signs sessions and password-reset links."
            )
    elif not secret:
        secret = "testing-only-key" if portal_env == "testing" else _dev_secret_key(INSTANCE)
    redis_url = env.get("REDIS_URL") or None
    public_url = _public_url(env, portal_env)
    return {
        "PORTAL_ENV": portal_env,
        "SECRET_KEY": secret,
        "SQLALCHEMY_DATABASE_URI": _database_url(env),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "REDIS_URL": redis_url,
        "RATELIMIT_STORAGE_URI": redis_url or "memory://",
        "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
        "RATELIMIT_SWALLOW_ERRORS": True,
        "RATELIMIT_HEADERS_ENABLED": False,
        "LOGIN_ATTEMPT_LIMIT": env.get("LOGIN_ATTEMPT_LIMIT", "10 per 15 minutes"),
        # Failed sign-ins on one account from all addresses together (the per-address limit above stays);
        # a browser that has signed in to the account before is not held back by it (SECURITY.md 2.2.1).
        "LOGIN_ACCOUNT_LIMIT": env.get("LOGIN_ACCOUNT_LIMIT", "50 per hour"),
        # Event sign-ups per client address (all events, and one event), confirmation mails per recipient.
        "EVENT_SIGNUP_LIMIT": env.get("EVENT_SIGNUP_LIMIT", "20 per hour"),
        "EVENT_SIGNUP_EVENT_LIMIT": env.get("EVENT_SIGNUP_EVENT_LIMIT", "10 per hour"),
        "EVENT_MAIL_LIMIT": env.get("EVENT_MAIL_LIMIT", "3 per hour"),
        "EVENT_MAIL_GAP": timedelta(minutes=10),
        "EVENT_CONFIRM_HOLD": timedelta(hours=24),
        # __Host- makes the browser refuse the cookie unless it is Secure, for this host only, with Path=/:
        # no subdomain or plain-http page can plant or overwrite it. Plain http in development cannot have it.
        "SESSION_COOKIE_NAME": "__Host-ote_session" if production else "ote_session",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        "PERMANENT_SESSION_LIFETIME": timedelta(hours=12),
        "SESSION_IDLE_TIMEOUT": timedelta(minutes=30),
        "SESSION_ABSOLUTE_TIMEOUT": timedelta(hours=12),
        "SESSION_TOUCH_INTERVAL": timedelta(seconds=60),
        "PASSWORD_RESET_MAX_AGE": 3600,
        "INVITATION_MAX_AGE": 7 * 24 * 3600,
        "MAX_CONTENT_LENGTH": 10 * 1024 * 1024,
        "WTF_CSRF_TIME_LIMIT": None,
        "BABEL_DEFAULT_LOCALE": "fi",
        "BABEL_DEFAULT_TIMEZONE": "Europe/Helsinki",
        "LANGUAGES": ("fi", "sv", "en"),
        "ARGON2_TIME_COST": int(env.get("ARGON2_TIME_COST", 3)),
        "ARGON2_MEMORY_COST": int(env.get("ARGON2_MEMORY_COST", 65536)),
        "ARGON2_PARALLELISM": int(env.get("ARGON2_PARALLELISM", 4)),
        "MAIL_BACKEND": _mail_backend(env, production),
        "MAIL_SENDER": env.get("MAIL_SENDER", "noreply@ote-portaali.example"),
        "SMTP_HOST": env.get("SMTP_HOST", "localhost"),
        "SMTP_PORT": int(env.get("SMTP_PORT", 25)),
        "SMTP_STARTTLS": env.get("SMTP_STARTTLS", "0").lower() in ("1", "true", "yes"),
        "SMTP_USERNAME": env.get("SMTP_USERNAME") or None,
        "SMTP_PASSWORD": env.get("SMTP_PASSWORD") or None,
        # Notifications by mail besides the portal's own list (each user chooses at once, daily or never);
        # on by default, so in development the mails show in the log (MAIL_BACKEND=log).
        "NOTIFY_BY_EMAIL": env.get("NOTIFY_BY_EMAIL", "1").lower() in ("1", "true", "yes"),
        # How many days ahead the coach hears of a placement starting or ending (`flask notifications daily`).
        "NOTIFY_DAYS_AHEAD": int(env.get("NOTIFY_DAYS_AHEAD", 7)),
        "PROXY_FIX_HOPS": int(env.get("PROXY_FIX_HOPS", 0)),
        # Absolute links come from PUBLIC_URL (portal.links); a request for any other host is a 400 (Flask checks).
        "PUBLIC_URL": public_url,
        "TRUSTED_HOSTS": _trusted_hosts(env, public_url, production),
        "HSTS": production,
        "PREFERRED_URL_SCHEME": urlsplit(public_url).scheme,
        # Public pages answer with Cache-Control and an ETag (portal.http_cache); not in development, where
        # templates change under a running server and a browser would be told its old copy still stands.
        "HTTP_CACHE": portal_env != "development",
        # Names the release in the ETags; by default a digest of the code, templates and catalogs (portal.http_cache).
        "RELEASE": env.get("PORTAL_RELEASE") or None,
        **_cache_settings(env, redis_url),
    }


def testing_overrides() -> dict:
    """Settings every test app starts from: cheap hashing and an in-memory outbox."""
    return {
        "PORTAL_ENV": "testing",
        "TESTING": True,
        "ARGON2_TIME_COST": 1,
        "ARGON2_MEMORY_COST": 8,
        "ARGON2_PARALLELISM": 1,
        "MAIL_BACKEND": "memory",
        # Tests clear the cache between them: never the prefix of a portal sharing the Redis (when REDIS_URL is set).
        "CACHE_KEY_PREFIX": f"ote-test-{os.getpid()}:",
    }
