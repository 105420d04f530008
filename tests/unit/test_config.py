import pytest

from portal.config import ConfigError, _dev_secret_key, load_config


def test_production_refuses_a_missing_secret_key():
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        load_config({"PORTAL_ENV": "production"})


@pytest.mark.parametrize("key", ["dev", "change-me", "x" * 31])
def test_production_refuses_placeholder_or_short_keys(key):
    with pytest.raises(ConfigError, match="at least 32"):
        load_config({"PORTAL_ENV": "production", "SECRET_KEY": key})


def test_production_with_a_real_key_is_secure():
    cfg = load_config({"PORTAL_ENV": "production", "SECRET_KEY": "k" * 40,
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
    cfg = load_config({"PORTAL_ENV": "production", "SECRET_KEY": "k" * 40})
    assert cfg["SESSION_COOKIE_NAME"] == "__Host-ote_session" and cfg["SESSION_COOKIE_SECURE"] is True
    assert load_config({"PORTAL_ENV": "testing"})["SESSION_COOKIE_NAME"] == "ote_session"


def test_production_mails_by_smtp_and_refuses_to_log_reset_links():
    assert load_config({"PORTAL_ENV": "production", "SECRET_KEY": "k" * 40})["MAIL_BACKEND"] == "smtp"
    with pytest.raises(ConfigError, match="MAIL_BACKEND"):
        load_config({"PORTAL_ENV": "production", "SECRET_KEY": "k" * 40, "MAIL_BACKEND": "log"})
    assert load_config({"PORTAL_ENV": "development", "SECRET_KEY": "k" * 40})["MAIL_BACKEND"] == "log"


def test_answers_are_kept_in_production_and_testing_never_in_development(tmp_path, monkeypatch):
    monkeypatch.setattr("portal.config.INSTANCE", tmp_path)
    production = load_config({"PORTAL_ENV": "production", "SECRET_KEY": "k" * 40})
    development = load_config({"PORTAL_ENV": "development"})
    testing = load_config({"PORTAL_ENV": "testing"})
    assert (production["PAGE_CACHE"], production["VERSIONED_SECONDS"]) == (True, 600)
    assert (development["PAGE_CACHE"], development["VERSIONED_SECONDS"]) == (False, 0)
    assert (testing["PAGE_CACHE"], testing["VERSIONED_SECONDS"]) == (False, 600)
