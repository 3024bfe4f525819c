"""Streamlit's own texts on the file uploader are Swedish in Swedish mode and left as they are in English."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

READY = "[data-testid=stApp][data-test-script-state=notRunning]"
BUTTON = '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p'
LIMIT = '[data-testid="stFileUploaderDropzoneInstructions"] span'


def _shown(page, selector: str) -> str:
    """The text drawn after the element (its ::after content), as the reader sees it."""
    return page.locator(selector).first.evaluate("e => getComputedStyle(e, '::after').content")


def _upload_page(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(READY)
    page.locator(BUTTON).first.wait_for()


def test_the_upload_button_says_ladda_upp_in_swedish(page, base_url):
    _upload_page(page, base_url + "/uppdatera")
    assert _shown(page, BUTTON) == '"Ladda upp"'


def test_the_upload_limit_is_written_in_swedish_with_the_kinds_of_file(page, base_url):
    _upload_page(page, base_url + "/uppdatera")
    assert _shown(page, LIMIT) == '"Högst 50 MB per fil • CSV, XLSX, ZIP, TOML, SE, SI, SIE"'


def test_the_upload_button_keeps_streamlits_own_text_in_english(page, base_url):
    _upload_page(page, base_url + "/uppdatera?lang=en")
    assert _shown(page, BUTTON) == "none"
    assert page.locator(BUTTON).first.inner_text() == "Upload"


def test_the_upload_button_says_upload_again_after_switching_to_english(page, base_url):
    _upload_page(page, base_url + "/uppdatera")
    page.locator("[data-testid=stSidebar]").get_by_text("English", exact=True).click()
    page.get_by_text("Update data").first.wait_for()
    page.wait_for_selector(READY)
    assert _shown(page, BUTTON) == "none"
