"""In Chromium: a coach imports a caseload with the progress indicator, the figures are refreshed, and the
administrator's dashboard and its workbook agree; axe checks the import result pages as their owners see them."""
from __future__ import annotations

import io
from datetime import timedelta

from flask import url_for
from openpyxl import load_workbook

from portal import clock
from tests.browser.conftest import sign_in
from tests.browser.test_accessibility import AXE_RUN, LANGS

ROWS = 1200


def _filled(template: bytes) -> bytes:
    workbook = load_workbook(io.BytesIO(template))
    sheet = workbook.worksheets[0]
    start = clock.today() - timedelta(days=200)
    for i in range(ROWS):
        sheet.append([f"Selain Henkilö {i}", f"selain{i}@example.fi", None, "Tampere", start + timedelta(days=i % 150),
                      "Job search", None, None, None, None, None, None, None, None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_caseload_import_shows_progress_and_lands_in_the_dashboard_and_its_workbook(browser, live_server, tmp_path):
    url = live_server.url
    coach = browser.new_context(accept_downloads=True).new_page()
    errors = []
    coach.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    sign_in(coach, live_server, "coach")
    coach.goto(f"{url}/imports/candidates?lang=en")
    with coach.expect_download() as download:
        coach.click("text=Download the Excel template")
    path = tmp_path / "caseload.xlsx"
    path.write_bytes(_filled(download.value.path().read_bytes()))
    coach.set_input_files("#file", str(path))
    coach.click("main form button[type=submit]")
    coach.wait_for_selector("#import-progress:not([hidden])")  # the script took over the submission
    coach.wait_for_url(lambda u: "/imports/jobs/" in u, timeout=60_000)
    assert f"Imported rows: {ROWS:,}." in coach.locator("main").inner_text()
    assert not errors, errors

    from portal.reports.refresh import refresh

    with live_server.app.app_context():
        refresh()
    admin = browser.new_context(accept_downloads=True).new_page()
    sign_in(admin, live_server, "admin")
    admin.goto(f"{url}/reports/?lang=en")
    shown = admin.locator("dt:has-text('Active candidates now') + dd").inner_text()
    assert int(shown.replace(",", "")) >= ROWS
    with admin.expect_download() as download:
        admin.click("text=Outcome report (Excel)")
    summary = load_workbook(io.BytesIO(download.value.path().read_bytes()))["Summary"]
    figures = {(r[0], r[1]): r[2] for r in summary.iter_rows(values_only=True)}
    assert figures["Caseload", "active candidates"] == int(shown.replace(",", ""))
    admin.emulate_media(media="print")  # printed: charts and their tables, without the filters and links
    assert all(admin.locator(s).is_hidden() for s in ("form.report-filters", "ul.actions", "#downloads-h"))
    assert admin.locator("svg.report-chart").first.is_visible() and admin.locator("main table").first.is_visible()
    coach.context.close()
    admin.context.close()


def test_import_result_pages_have_no_wcag_violations_for_their_owners(live_server, contexts):
    world = live_server.world
    for who, key in (("employer", "employer_job"), ("coach", "coach_job")):
        with live_server.app.test_request_context():
            path = url_for("imports.job", job_id=world.ids[key])
        page = contexts(who)
        for lang in LANGS:
            response = page.goto(f"{live_server.url}{path}?lang={lang}")
            assert response is not None and response.status == 200
            violations = page.evaluate(AXE_RUN)["violations"]
            assert not violations, (who, lang, [v["id"] for v in violations])
