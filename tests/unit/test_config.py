import pytest

from portal.config import ConfigError, _dev_secret_key, load_config

PUBLIC = "https://ote.example.fi"


def test_production_refuses_a_missing_secret_key():
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        load_config({"PORTAL_ENV": "production"})


@pytest.mark.parametrize("key", ["dev", "change-me", "x" * 31])
def test_production_refuses_placeholder_or_short_keys(key):
    with pytest.raises(ConfigError, match="at least 32"):
        load_config({"PORTAL_ENV": "production", "SECRET_KEY": key})


def test_production_with_a_real_key_is_secure():
    cfg = load_config({"PORTAL_ENV": "production", "SECRET_KEY": "k" * 40, "PUBLIC_URL": PUBLIC,
                       "DATABASE_URL": "postgresql://u@db/portal"})
    assert cfg["SESSION_COOKIE_SECURE"] is True
    assert cfg["HSTS"] is True
    assert cfg["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@db/portal"


def test_unknown_environment_is_refused():
    with pytest.raises(ConfigError, match="PORTAL_ENV"):
        load_config({"PORTAL_ENV": "staging"})


def test_development_key_is_generated_once_and_kept(tmp_path):
    first = _dev_secret_key(tmp_path)
    assert len(first) == 64
    assert _dev_secret_key(tmp_path) == first
    assert oct((tmp_path / "secret_key").stat().st_mode & 0o777) == "0o600"


def test_redis_url_selects_the_rate_limit_storage():
    assert load_config({"PORTAL_ENV": "testing"})["RATELIMIT_STORAGE_URI"] == "memory://"
    cfg = load_config({"PORTAL_ENV": "testing", "REDIS_URL": "redis://127.0.0.1:6379/0"})
    assert cfg["RATELIMIT_STORAGE_URI"] == "redis://127.0.0.1:6379/0"


def test_default_database_is_sqlite_in_instance():
    assert load_config({"PORTAL_ENV": "testing"})["SQLALCHEMY_DATABASE_URI"].endswith("instance/portal.db")


def test_production_cookie_has_the_host_prefix_and_development_keeps_a_plain_name():
    cfg = load_config({"PORTAL_ENV": "production", "SECRET_KEY": "k" * 40, "PUBLIC_URL": PUBLIC})
    assert cfg["SESSION_COOKIE_NAME"] == "__Host-ote_session" and cfg["SESSION_COOKIE_SECURE"] is True
    assert load_config({"PORTAL_ENV": "testing"})["SESSION_COOKIE_NAME"] == "ote_session"


def test_production_mails_by_smtp_and_refuses_to_log_reset_links():
    production = {"PORTAL_ENV": "production", "SECRET_KEY": "k" * 40, "PUBLIC_URL": PUBLIC}
    assert load_config(production)["MAIL_BACKEND"] == "smtp"
    with pytest.raises(ConfigError, match="MAIL_BACKEND"):
        load_config({"PORTAL_ENV": "production", "SECRET_KEY": "k" * 40, "PUBLIC_URL": PUBLIC,
                     "MAIL_BACKEND": "log"})
    assert load_config({"PORTAL_ENV": "development", "SECRET_KEY": "k" * 40})["MAIL_BACKEND"] == "log"


def test_public_pages_carry_http_caching_headers_except_in_development_and_redis_is_the_shared_cache(
        tmp_path, monkeypatch):
    monkeypatch.setattr("portal.config.INSTANCE", tmp_path)
    production = load_config({"PORTAL_ENV": "production", "SECRET_KEY": "k" * 40, "PUBLIC_URL": PUBLIC})
    development = load_config({"PORTAL_ENV": "development"})
    testing = load_config({"PORTAL_ENV": "testing"})
    assert (production["HTTP_CACHE"], development["HTTP_CACHE"], testing["HTTP_CACHE"]) == (True, False, True)
    assert production["CACHE_TYPE"] == development["CACHE_TYPE"] == "SimpleCache"
    shared = load_config({"PORTAL_ENV": "production", "SECRET_KEY": "k" * 40, "PUBLIC_URL": PUBLIC,
                          "REDIS_URL": "redis://redis.internal:6379/0"})
    assert (shared["CACHE_TYPE"], shared["CACHE_REDIS_URL"]) == ("RedisCache", "redis://redis.internal:6379/0")
    assert shared["CACHE_KEY_PREFIX"] and shared["RATELIMIT_STORAGE_URI"] == shared["CACHE_REDIS_URL"]


def test_production_refuses_to_start_without_a_public_url():
    with pytest.raises(ConfigError, match="PUBLIC_URL must be set in production"):
        load_config({"PORTAL_ENV": "production", "SECRET_KEY": "k" * 40})


@pytest.mark.parametrize("url", ["ote.example.fi", "ftp://ote.example.fi", "http://ote.example.fi", "https://", "https://ote.example.fi/?a=1",
                                 "https://ote.example.fi/#top", "https://ote.example.fi:port",
                                 "https://user:pw@ote.example.fi"])
def test_a_public_url_that_is_no_web_address_is_refused(url):
    with pytest.raises(ConfigError, match="PUBLIC_URL"):
        load_config({"PORTAL_ENV": "production", "SECRET_KEY": "k" * 40, "PUBLIC_URL": url})


def test_links_and_trusted_hosts_come_from_the_public_url_and_the_listed_hosts(tmp_path, monkeypatch):
    monkeypatch.setattr("portal.config.INSTANCE", tmp_path)
    production = load_config({"PORTAL_ENV": "production", "SECRET_KEY": "k" * 40, "PUBLIC_URL": PUBLIC + "/",
                              "TRUSTED_HOSTS": "www.ote.example.fi, .ote.example.fi"})
    assert production["PUBLIC_URL"] == PUBLIC and production["PREFERRED_URL_SCHEME"] == "https"
    # Production trusts only what it is told; no loopback name unless listed.
    assert production["TRUSTED_HOSTS"] == ["ote.example.fi", "www.ote.example.fi", ".ote.example.fi"]
    development = load_config({"PORTAL_ENV": "development"})
    assert development["PUBLIC_URL"] == "http://127.0.0.1:5000"
    assert development["TRUSTED_HOSTS"] == ["127.0.0.1", "localhost"]
    testing = load_config({"PORTAL_ENV": "testing"})
    assert testing["PUBLIC_URL"] == "http://localhost" and "localhost" in testing["TRUSTED_HOSTS"]


def test_production_takes_plain_http_for_a_loopback_address_alone():
    cfg = load_config({"PORTAL_ENV": "production", "SECRET_KEY": "k" * 40, "PUBLIC_URL": "http://127.0.0.1:18000"})
    assert cfg["PUBLIC_URL"] == "http://127.0.0.1:18000" and cfg["TRUSTED_HOSTS"] == ["127.0.0.1"]
    development = {"PORTAL_ENV": "development", "SECRET_KEY": "k" * 40, "PUBLIC_URL": "http://ote.test"}
    assert load_config(development)["PUBLIC_URL"] == "http://ote.test"


def test_notification_mail_is_on_by_default_and_can_be_turned_off():
    from portal.config import load_config

    assert load_config({"PORTAL_ENV": "development"})["NOTIFY_BY_EMAIL"] is True
    assert load_config({"PORTAL_ENV": "development", "NOTIFY_BY_EMAIL": "0"})["NOTIFY_BY_EMAIL"] is False
    assert load_config({"PORTAL_ENV": "development", "NOTIFY_DAYS_AHEAD": "3"})["NOTIFY_DAYS_AHEAD"] == 3
