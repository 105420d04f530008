"""Access rules of the foundation: public pages, accounts, administration, audit."""
from __future__ import annotations

from tests.access import PUBLIC, SIGNED_IN, Route

ROUTES = [
    Route("static", PUBLIC, params=lambda w: {"filename": "css/portal.css"}, kind="file"),
    Route("public.home", PUBLIC),
    Route("public.healthz", PUBLIC, kind="json"),
    Route("public.favicon", PUBLIC, kind="file"),
    Route("public.accessibility", PUBLIC),
    Route("public.privacy", PUBLIC),
    Route("accounts.login", PUBLIC, ok=(200, 302)),  # signed-in users are sent to their start page
    Route("accounts.login", PUBLIC, method="POST", browser=False),  # 200 re-render or 302 when signed in
    Route("accounts.forgot_password", PUBLIC),
    Route("accounts.forgot_password", PUBLIC, method="POST"),
    # An invalid token answers 400 with a page that says so.
    Route("accounts.reset_password", PUBLIC, params=lambda w: {"token": "not-a-token"}, ok=(400,)),
    Route("accounts.reset_password", PUBLIC, method="POST", params=lambda w: {"token": "x"}, ok=(400,)),
    Route("accounts.accept_invitation", PUBLIC, params=lambda w: {"token": "not-a-token"}, ok=(400,)),
    Route("accounts.accept_invitation", PUBLIC, method="POST", params=lambda w: {"token": "x"}, ok=(400,)),
    Route("accounts.logout", SIGNED_IN, method="POST", ok=(302,)),
    Route("accounts.account", SIGNED_IN),
    Route("accounts.account", SIGNED_IN, method="POST"),
    Route("accounts.change_password", SIGNED_IN),
    Route("accounts.change_password", SIGNED_IN, method="POST"),
    Route("accounts.account_sessions", SIGNED_IN),
    Route("accounts.account_sessions", SIGNED_IN, method="POST"),
    Route("start.index", SIGNED_IN, ok=(200, 302)),
    Route("admin.index", ("admin",)),
    Route("admin.organisations", ("admin",)),
    Route("admin.organisation_new", ("admin",)),
    Route("admin.organisation_new", ("admin",), method="POST"),
    Route("admin.organisation", ("admin",), params=lambda w: {"org_id": w.orgs["employer"].id}),
    Route("admin.organisation", ("admin",), method="POST", params=lambda w: {"org_id": w.orgs["employer"].id}),
    Route("admin.users", ("admin",)),
    Route("admin.invite", ("admin",)),
    Route("admin.invite", ("admin",), method="POST"),
    Route("admin.user", ("admin",), params=lambda w: {"user_id": w.users["coach"].id}),
    Route("admin.user", ("admin",), method="POST", params=lambda w: {"user_id": w.users["coach"].id}),
    Route("admin.user_active", ("admin",), params=lambda w: {"user_id": w.users["coach"].id}),
    Route("admin.user_active", ("admin",), method="POST", params=lambda w: {"user_id": w.users["other_coach"].id},
          ok=(302,)),
    Route("audit.index", ("admin",)),
    Route("audit.export", ("admin",), kind="file"),
]
