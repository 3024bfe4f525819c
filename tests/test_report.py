"""The meeting pack PDF: its sections, footers, figures and plain-text data, rendered to PNG to be looked at."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import time

import pypdf
import pytest
from support import MINIMAL, REPO, write_project

from lagesbild import project as projects
from lagesbild.overview import last_meeting
from lagesbild.report import meeting_pack

ARTIFACTS = REPO / "test-artifacts" / "pdf"
SECTIONS = [
    "Sammanfattning",
    "1 Övergripande uppgifter",
    "2 Arbetssätt och organisation",
    "3 Aktiviteter",
    "4 Projektets resultat",
    "Ekonomi",
    "Sedan förra mötet",
    "Öppna beslut",
]


def next_meeting(project: projects.Project) -> dt.date:
    return min(m for m in project.meta.styrgruppsmoten if m > project.rapportdatum)


def page_texts(pdf: bytes) -> list[str]:
    """The text of every page, with no-break spaces as plain spaces."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [page.extract_text().replace("\u00a0", " ") for page in reader.pages]


@pytest.fixture(scope="module")
def timed_pack(stracket_project) -> tuple[bytes, float]:
    """The pack for data/stracket and the processor time it took (wall time varies with the machine's load)."""
    started = time.process_time()
    pdf = meeting_pack(stracket_project, stracket_project.rapportdatum, next_meeting(stracket_project))
    return pdf, time.process_time() - started


@pytest.fixture(scope="module")
def pack(timed_pack) -> bytes:
    return timed_pack[0]


@pytest.fixture(scope="module")
def texts(pack) -> list[str]:
    return page_texts(pack)


def test_the_meeting_is_the_next_steering_meeting_after_the_report_date(stracket_project):
    assert next_meeting(stracket_project) == dt.date(2026, 12, 10)


def test_the_previous_meeting_is_the_last_one_before_the_report_date(stracket_project):
    assert last_meeting(stracket_project.meta.styrgruppsmoten, stracket_project.rapportdatum) == dt.date(2026, 9, 24)


def test_the_pack_is_a_pdf(pack):
    assert pack.startswith(b"%PDF-")


def test_the_pack_has_more_than_six_pages(texts):
    assert len(texts) > 6


def test_generating_the_pack_takes_less_than_five_seconds(timed_pack):
    assert timed_pack[1] < 5


def test_the_outline_lists_the_eight_sections_in_order(pack):
    outline = pypdf.PdfReader(io.BytesIO(pack)).outline
    assert [entry.title for entry in outline] == SECTIONS


def test_every_page_has_its_page_number_of_the_total_in_the_footer(texts):
    assert all(f"Sida {n} av {len(texts)}" in text for n, text in enumerate(texts, start=1))


def test_every_page_has_the_data_date_in_the_footer(texts):
    assert all("Data per 2026-10-31" in text for text in texts)


def test_every_page_has_the_short_name_in_the_header(texts):
    assert all("Stråket" in text for text in texts)


def test_the_cover_says_it_is_the_pack_for_the_meeting_of_2026_12_10(texts):
    assert "Underlag till styrgruppsmöte" in texts[0] and "2026-12-10" in texts[0]


def test_the_cover_names_the_project_owner(texts):
    assert "Region Örebro län" in texts[0]


def test_the_summary_shows_the_budget_of_5_910_000_kronor(texts):
    assert "5 910 000 kr" in texts[1]


def test_the_summary_shows_the_deviation_from_plan_with_a_real_minus_sign(texts):
    assert "\u2212364 412 kr" in texts[1]


def test_the_summary_flags_two_delayed_activities(texts):
    assert "Försenade aktiviteter: 2" in texts[1]


def test_the_finances_show_region_orebro_lan_with_its_commitment_of_1_800_000_kronor(texts):
    economy = next(text for text in texts if "Budget och utfall per kostnadsslag" in text)
    line = next(line for line in economy.splitlines() if line.startswith("Region Örebro län 1:1-medel"))
    assert "1 800 000 kr" in line


def test_the_category_total_row_shows_the_spent_share_of_the_whole_budget(texts):
    economy = next(text for text in texts if "Budget och utfall per kostnadsslag" in text)
    # 5 910 000 budgeted, 2 755 254,55 spent: 3 154 745 left, 2 755 254,55 / 5 910 000 = 46,6 %
    assert "Totalt 5 910 000 kr 2 755 255 kr 3 154 745 kr 46,6 %" in economy.splitlines()


def test_the_financing_total_row_shows_the_whole_commitment_as_all_of_the_financing(texts):
    general = next(text for text in texts if "1 Övergripande uppgifter" in text)
    assert "Totalt 5 910 000 kr 100,0 %" in general.splitlines()


def test_since_the_last_meeting_shows_300_923_kronor_against_the_picture_frozen_for_2026_09_24(texts):
    # Ledger rows added since the frozen picture: 267 480,42 kr, of which Egen personal 167 210,42;
    # 20 % indirect on that is 33 442,084; 267 480,42 + 33 442,084 = 300 922,504 ≈ 300 923 kr.
    since = next(text for text in texts if "Sedan förra mötet" in text and "Bokförda kostnader" in text)
    assert "2026-09-24" in since and "300 923 kr" in since


def test_the_results_show_a_share_of_women_of_44_4_percent(texts):
    assert any("Andel kvinnor 44,4 %" in text for text in texts)


def test_text_from_the_data_is_written_as_plain_text(tmp_path):
    folder = write_project(
        tmp_path, risker=MINIMAL["risker.csv"] + "R9;{nb} **fet** <b>x</b> =1+1;2;2;Åtgärd;Projektledare;Öppen\n"
    )
    project = projects.load(folder)
    text = "\n".join(page_texts(meeting_pack(project, project.rapportdatum, dt.date(2026, 2, 5))))
    assert all(token in text for token in ("{nb}", "**fet**", "<b>x</b>", "=1+1"))


def test_a_project_without_an_earlier_steering_meeting_says_so(tmp_path):
    folder = write_project(
        tmp_path,
        projekt="""\
namn = "Testprojekt"
kortnamn = "Test"
projektagare = "Region Test"
start = 2025-02-01
slut = 2027-01-31
rapportdatum = 2025-12-31
styrgruppsmoten = [2026-02-05]
""",
    )
    project = projects.load(folder)
    texts = page_texts(meeting_pack(project, project.rapportdatum, dt.date(2026, 2, 5)))
    assert any("Inget styrgruppsmöte före rapportdatum" in text for text in texts)


def test_the_english_pack_numbers_its_pages_in_english(tmp_path):
    project = projects.load(write_project(tmp_path))
    texts = page_texts(meeting_pack(project, project.rapportdatum, dt.date(2026, 2, 5), lang="en"))
    assert f"Page 1 of {len(texts)}" in texts[0]


def test_every_page_renders_to_png_with_pdftoppm(pack, texts):
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed, so the pages cannot be rendered")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob("*.png"):
        old.unlink()
    (ARTIFACTS / "underlag.pdf").write_bytes(pack)
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", str(ARTIFACTS / "underlag.pdf"), str(ARTIFACTS / "sida")],
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert len(list(ARTIFACTS.glob("sida-*.png"))) == len(texts)
