"""Uploading a corrected export through the real file input of /uppdatera, in Chromium.

The dashboard runs as `streamlit run dashboard.py` (tests/browser/conftest.py) with LAGESBILD_DATA
pointing at a copy of data/stracket; the repository's data/ is never written.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
STRACKET = REPO / "data" / "stracket"
ACCEPT = "Godkänn och publicera"
NO_ERRORS = "Inga fel. Granska ändringarna och godkänn."
PUBLISHED = re.compile(r"Publicerat\. Tidigare filer finns kvar i historiken \((\S+)\)\.")


@pytest.fixture(scope="module")
def example_copy(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("browser-upload") / "data"
    shutil.copytree(STRACKET, data / "stracket")
    return data


@pytest.fixture(scope="module")
def corrected(tmp_path_factory) -> Path:
    """aktiviteter.csv with A18 set from Pausad to Pågår, in a folder of its own."""
    data = (STRACKET / "aktiviteter.csv").read_bytes()
    assert data.count(b";Pausad;") == 1
    path = tmp_path_factory.mktemp("upload") / "aktiviteter.csv"
    path.write_bytes(data.replace(b";Pausad;", ";Pågår;".encode()))
    return path


def test_a_corrected_file_uploaded_in_the_browser_is_published(dashboard, page, example_copy, corrected, artifacts):
    target = example_copy / "stracket" / "aktiviteter.csv"
    before = target.read_bytes()
    url = dashboard(example_copy)
    page.goto(f"{url}/uppdatera")
    page.get_by_role("heading", name="Uppdatera data").wait_for()

    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(corrected))
    page.get_by_text(NO_ERRORS).wait_for(timeout=60_000)
    page.get_by_text("Igenkända filer").wait_for()
    assert target.read_bytes() == before  # the preview writes nothing
    page.screenshot(path=str(artifacts / "screenshots" / "upload-preview.png"), full_page=True)

    page.get_by_role("button", name=ACCEPT).click()
    notice = page.get_by_text(PUBLISHED)
    notice.wait_for(timeout=60_000)
    page.screenshot(path=str(artifacts / "screenshots" / "upload.png"), full_page=True)

    assert target.read_bytes() == corrected.read_bytes()
    version = PUBLISHED.search(notice.inner_text()).group(1)
    kept = example_copy / "stracket" / ".lagesbild" / "historik" / version / "aktiviteter.csv"
    assert kept.read_bytes() == before
    assert page.get_by_role("button", name=ACCEPT).count() == 0


def test_a_published_upload_does_not_come_back_with_the_next_click(dashboard, page, example_copy, tmp_path):
    project = example_copy / "stracket"
    history = project / ".lagesbild" / "historik"
    corrected = tmp_path / "beslut.csv"
    corrected.write_bytes(
        (project / "beslut.csv").read_bytes() + "B9;2026-10-30;Ett nytt beslut;Styrgruppen;2026-12-10;Öppen\n".encode()
    )
    entries = len(list(history.iterdir())) if history.is_dir() else 0
    page.goto(f"{dashboard(example_copy)}/uppdatera")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(corrected))
    page.get_by_role("button", name=ACCEPT).click()
    page.get_by_text(PUBLISHED).wait_for(timeout=60_000)
    # The uploader is empty again: no file chip is left to be sent with the next rerun. The notice can
    # reach the browser a moment before the emptied uploader does, so the check waits for it.
    expect(page.locator('[data-testid="stFileUploader"]').get_by_text("beslut.csv")).to_have_count(0)
    # Any other interaction reruns the page; the published file must not be offered for publishing again.
    page.locator("[data-testid=stSidebar] button", has_text="English").click()
    page.get_by_role("button", name="Freeze for the steering group meeting 2026-12-10").wait_for()
    page.wait_for_timeout(1500)
    assert page.get_by_role("button", name="Accept and publish").count() == 0
    assert page.get_by_text("Recognised files").count() == 0
    assert len(list(history.iterdir())) == entries + 1
