"""The OTE portal: create_app builds the Flask application in named steps."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from portal.config import ENV_KEYS, load_config
from portal.links import Portal

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(__file__).resolve().parent


def create_app(config: dict | None = None) -> Flask:
    """Build the app from the environment, then apply `config` overrides."""
    app = Portal(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(ROOT / "instance"),
    )
    configure(app, config)
    register_extensions(app)
    register_blueprints(app)
    register_request_hooks(app)
    register_errorhandlers(app)
    register_commands(app)
    return app


def configure(app: Flask, overrides: dict | None) -> None:
    """Load settings from the environment and apply overrides (tests pass these)."""
    overrides = overrides or {}
    env = dict(os.environ)
    env.update({k: _env_value(overrides[k]) for k in ENV_KEYS if overrides.get(k) is not None})
    app.config.from_mapping(load_config(env))
    app.config.from_mapping({k: v for k, v in overrides.items() if k not in ENV_KEYS})
    if app.config["PROXY_FIX_HOPS"]:
        n = app.config["PROXY_FIX_HOPS"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)
    # A timestamp with its offset on every line, so events can be put on one timeline (ASVS 7.1.4).
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                        datefmt="%Y-%m-%dT%H:%M:%S%z")
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)


def _env_value(value) -> str:
    """An override as the environment would hold it (a list of hosts as a comma-separated string)."""
    return ",".join(map(str, value)) if isinstance(value, (list, tuple, set)) else str(value)


def register_extensions(app: Flask) -> None:
    """Bind the extension instances and their hooks to the app."""
    from portal import cache, i18n, links, nav
    from portal.extensions import babel, csrf, db, limiter, login_manager, migrate

    db.init_app(app)
    import portal.models  # noqa: F401  (every table known to Alembic and the ORM)
    migrate.init_app(app, db, directory=str(PACKAGE / "migrations"), render_as_batch=True,
                     compare_type=True)
    csrf.init_app(app)
    limiter.init_app(app)
    babel.init_app(
        app,
        locale_selector=i18n.babel_locale,
        default_translation_directories=";".join(translation_directories()),
    )
    login_manager.init_app(app)
    cache.init_app(app)
    login_manager.session_protection = None  # sessions are server-side; see accounts.sessions
    login_manager.login_view = "accounts.login"
    app.jinja_env.add_extension("jinja2.ext.do")
    i18n.init_app(app)
    links.init_app(app)
    nav.init_app(app)


def translation_directories() -> list[str]:
    """The core catalog first, then each feature's own, merged by Flask-Babel."""
    dirs = [str(PACKAGE / "translations")]
    dirs += [str(p) for p in sorted(PACKAGE.glob("*/translations")) if p.is_dir()]
    return dirs


def register_blueprints(app: Flask) -> None:
    """Register each feature's blueprint (portal.features lists them); ids in paths stay within database integers."""
    from portal.features import blueprints
    from portal.inputs import IdConverter

    app.url_map.converters["int"] = IdConverter
    for blueprint in blueprints():
        app.register_blueprint(blueprint)


def register_request_hooks(app: Flask) -> None:
    """Access control and the body type before every request, HTTP caching of public pages, security headers."""
    from portal import http_cache, inputs, security

    if not app.config.get("RELEASE"):
        app.config["RELEASE"] = http_cache.release(ROOT)

    app.before_request(security.enforce_access)
    app.before_request(inputs.refuse_other_bodies)
    app.before_request(inputs.refuse_nul)
    app.before_request(http_cache.check)  # last: access and input checks run first, a 304 or not
    app.after_request(http_cache.headers)
    app.after_request(security.security_headers)


def register_errorhandlers(app: Flask) -> None:
    """Error pages in the user's language, JSON under /api/."""
    from werkzeug.exceptions import MethodNotAllowed

    from portal import errors, inputs

    errors.init_app(app)
    app.register_error_handler(MethodNotAllowed, inputs.method_not_allowed)


def register_commands(app: Flask) -> None:
    """The `flask seed`, `flask i18n` and other command groups."""
    from portal import cli

    cli.init_app(app)
