"""An address typed into the browser that names no page gets the dashboard's own notice, not Streamlit's."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

READY = "[data-testid=stApp][data-test-script-state=notRunning]"


def _open(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(READY)
    page.wait_for_selector("[data-testid=stSidebarNav]")


def test_a_typed_address_of_no_page_says_so_in_swedish(page, base_url):
    _open(page, base_url + "/budgetsidan")
    assert "Det finns ingen sida med adressen 'budgetsidan'" in page.locator("[data-testid=stMain]").inner_text()


def test_a_typed_address_of_no_page_shows_no_streamlit_dialog(page, base_url):
    _open(page, base_url + "/budgetsidan")
    assert page.get_by_text("Page not found").count() == 0


def test_a_typed_address_of_no_page_says_so_in_english_in_english_mode(page, base_url):
    _open(page, base_url + "/budgetsidan?lang=en")
    assert "There is no page at the address 'budgetsidan'" in page.locator("[data-testid=stMain]").inner_text()


def test_the_overview_typed_by_its_name_opens_the_overview(page, base_url):
    _open(page, base_url + "/oversikt")
    main = page.locator("[data-testid=stMain]")
    main.get_by_text("Avvikelse mot plan").first.wait_for()
    assert page.get_by_text("Page not found").count() == 0
