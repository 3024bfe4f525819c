"""Publishing only what was checked together, and the editor's pages around it.

Two editors preview uploads against the same version; the first accepts; the second accept was
checked against a version that no longer exists and is refused, leaving the first one's files
byte-identical. Also on the pages: the project's name, confirmation before freezing and restoring,
the changed rows themselves, the report-date offer, and local times in the history.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from support import MINIMAL, STRACKET, open_page, tree_digests, write_project

from lagesbild import access, publishing, uploads
from lagesbild import project as projects

STALE = (
    "Projektet har ändrats sedan ändringen granskades (någon annan har publicerat under tiden) – inget har "
    "skrivits. Granska ändringarna igen och godkänn på nytt."
)
NAME = "Stärkt konkurrenskraft och attraktionskraft i stråket Värmland–Örebro län (exempeldata)"


def activities(old: bytes, status: str) -> bytes:
    """stracket's aktiviteter.csv with A17 (the one Pausad row, Excel row 18) set to another status."""
    assert old.count(b";Pausad;") == 1
    return old.replace(b";Pausad;", f";{status};".encode())


def copy_example(root: Path) -> Path:
    """root/data/stracket, a copy of the example; returns the data folder."""
    shutil.copytree(STRACKET, root / "data" / "stracket")
    return root / "data"


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    folder = copy_example(tmp_path)
    monkeypatch.setenv("LAGESBILD_DATA", str(folder))
    return folder


def upload(at: AppTest, name: str, content: bytes) -> AppTest:
    at.file_uploader(key="uppdatera_files").set_value((name, content, "text/csv"))
    at.run()
    assert not at.exception, at.exception
    return at


# --------------------------------------------------------------------------- two editors, through the functions


def test_a_preview_made_against_an_older_version_is_refused_with_a_swedish_message(tmp_path):
    folder = write_project(tmp_path)
    first = uploads.preview(
        folder,
        projects.load(folder),
        [("beslut.csv", MINIMAL["beslut.csv"].replace("Klar", "Öppen").encode())],
        access.LOCAL,
    )
    second = uploads.preview(
        folder,
        projects.load(folder),
        [("risker.csv", MINIMAL["risker.csv"].replace("Öppen", "Stängd").encode())],
        access.LOCAL,
    )
    uploads.accept(folder, first, access.LOCAL)
    after_first = tree_digests(folder)
    with pytest.raises(publishing.PublishError) as refused:
        uploads.accept(folder, second, access.LOCAL)
    assert str(refused.value) == STALE
    assert tree_digests(folder) == after_first


def test_a_refused_stale_accept_adds_nothing_to_the_history(tmp_path):
    folder = write_project(tmp_path)
    upload = [("beslut.csv", MINIMAL["beslut.csv"].replace("Klar", "Öppen").encode())]
    first = uploads.preview(folder, projects.load(folder), upload, access.LOCAL)
    second = uploads.preview(folder, projects.load(folder), upload, access.LOCAL)
    version = uploads.accept(folder, first, access.LOCAL)
    with pytest.raises(publishing.PublishError):
        uploads.accept(folder, second, access.LOCAL)
    assert [v.id for v in publishing.history(folder, access.LOCAL)] == [version.id]


def test_a_publish_expecting_other_files_is_refused_under_the_lock_and_writes_nothing(tmp_path):
    folder = write_project(tmp_path)
    expect = publishing.fingerprint(folder)
    (folder / "risker.csv").write_text(MINIMAL["risker.csv"] + "R2;Ny risk;1;1;Åtgärd;PL;Öppen\n", encoding="utf-8")
    before = tree_digests(folder)
    with pytest.raises(publishing.PublishError, match="Projektet har ändrats"):
        publishing.publish(folder, {"beslut.csv": b"Id;Datum\n"}, "p", expect=expect)
    assert tree_digests(folder) == before


def test_a_preview_records_the_sha256_of_every_file_it_was_checked_against(tmp_path):
    folder = write_project(tmp_path)
    checked = uploads.preview(
        folder, projects.load(folder), [("beslut.csv", MINIMAL["beslut.csv"].encode())], access.LOCAL
    )
    assert checked.base == {name: publishing.sha256(text.encode()) for name, text in MINIMAL.items()}


def test_a_preview_whose_files_were_changed_after_checking_is_refused(tmp_path):
    folder = write_project(tmp_path)
    checked = uploads.preview(
        folder, projects.load(folder), [("beslut.csv", MINIMAL["beslut.csv"].encode())], access.LOCAL
    )
    checked.files["beslut.csv"] = b"Id;Datum\nB1;inget datum\n"
    before = tree_digests(folder)
    with pytest.raises(publishing.PublishError, match="har ändrats sedan de granskades"):
        uploads.accept(folder, checked, access.LOCAL)
    assert tree_digests(folder) == before


# --------------------------------------------------------------------------- two editors, two sessions


@pytest.fixture(scope="module")
def two_sessions(tmp_path_factory) -> dict:
    """Anna and Bo open Uppdatera, each uploads an aktiviteter.csv; Anna accepts, then Bo clicks accept."""
    data = copy_example(tmp_path_factory.mktemp("two-sessions"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LAGESBILD_DATA", str(data))
        project = data / "stracket"
        old = (project / "aktiviteter.csv").read_bytes()
        anna = upload(open_page(None, "uppdatera"), "aktiviteter.csv", activities(old, "Pågår"))
        bo = upload(open_page(None, "uppdatera"), "aktiviteter.csv", activities(old, "Struken"))
        anna.button(key="uppdatera_accept").click()
        anna.run()
        seen = {
            "after_anna": tree_digests(project),
            "anna_file": (project / "aktiviteter.csv").read_bytes(),
            "expected_anna": activities(old, "Pågår"),
        }
        bo.button(key="uppdatera_accept").click()
        bo.run()
        assert not bo.exception, bo.exception
        seen.update(
            bo_errors=[e.value for e in bo.main.error],
            after_bo=tree_digests(project),
            history=publishing.history(project, access.LOCAL),
            bo=bo,
        )
        return seen


def test_the_second_editors_accept_is_refused_with_the_message_to_look_again(two_sessions):
    assert STALE in two_sessions["bo_errors"]


def test_the_second_editors_accept_leaves_the_live_folder_byte_identical(two_sessions):
    assert two_sessions["after_bo"] == two_sessions["after_anna"]
    assert two_sessions["anna_file"] == two_sessions["expected_anna"]


def test_only_the_first_editors_upload_is_in_the_history(two_sessions):
    assert [v.manifest["vem"] for v in two_sessions["history"]] == ["lokal användare"]


def test_after_the_refusal_the_second_editor_sees_a_preview_against_the_new_version(two_sessions):
    # Bo's file against Anna's: A17 is Pågår now, Bo's says Struken: one changed row, shown before and after.
    [rows] = [d.value for d in two_sessions["bo"].dataframe if "Ändring" in d.value.columns]
    assert rows[["Ändring", "Id", "Status"]].to_dict("records") == [
        {"Ändring": "ändrad – före", "Id": "A17", "Status": "Pågår"},
        {"Ändring": "ändrad – efter", "Id": "A17", "Status": "Struken"},
    ]


# --------------------------------------------------------------------------- what the preview shows


def test_the_upload_page_shows_the_projects_name_at_the_top(data):
    assert open_page(None, "uppdatera").main.text[0].value == f"Projekt: {NAME}"


def test_the_preview_lists_the_changed_row_itself_before_and_after(data):
    old = (data / "stracket" / "aktiviteter.csv").read_bytes()
    at = upload(open_page(None, "uppdatera"), "aktiviteter.csv", activities(old, "Pågår"))
    [expander] = [e for e in at.main.expander if e.label.startswith("aktiviteter.csv")]
    assert expander.label == "aktiviteter.csv: 0 tillagda, 0 borttagna, 1 ändrade rader"
    [frame] = expander.dataframe
    assert frame.value[["Ändring", "Id", "Status"]].to_dict("records") == [
        {"Ändring": "ändrad – före", "Id": "A17", "Status": "Pausad"},
        {"Ändring": "ändrad – efter", "Id": "A17", "Status": "Pågår"},
    ]


def test_the_preview_lists_at_most_200_rows_and_says_how_many_there_are(tmp_path):
    folder = write_project(tmp_path)
    # 250 new ledger rows of 1 kr each, days of 2025 from 1 March: 250 added rows, none removed.
    extra = "".join(
        f"{dt.date(2025, 3, 1) + dt.timedelta(days=i)};;Personal;V{100 + i};Rad {i};1\n" for i in range(250)
    )
    checked = uploads.preview(
        folder, projects.load(folder), [("utfall.csv", (MINIMAL["utfall.csv"] + extra).encode())], access.LOCAL
    )
    [change] = checked.changes
    assert (change.tillagda, change.borttagna, change.listed, len(change.rows)) == (250, 0, 250, 200)


def test_the_preview_lists_an_added_ledger_row_with_its_amount(tmp_path):
    folder = write_project(tmp_path)
    new = MINIMAL["utfall.csv"] + "2025-09-30;;Personal;V3;Lön september;1000,50\n"
    checked = uploads.preview(folder, projects.load(folder), [("utfall.csv", new.encode())], access.LOCAL)
    [change] = checked.changes
    assert change.rows[["andring", "Datum", "Verifikation", "Belopp"]].to_dict("records") == [
        {"andring": "tillagd", "Datum": "2025-09-30", "Verifikation": "V3", "Belopp": "1\u00a0000,50"}
    ]


def test_every_error_is_shown_when_one_file_has_a_short_row(data):
    project = data / "stracket"
    ledger = (project / "utfall.csv").read_bytes().split(b"\r\n")
    ledger[2] = b"2025-04-01;5830"  # Excel row 3 with 2 fields of 5
    old = (project / "aktiviteter.csv").read_bytes()
    at = upload(open_page(None, "uppdatera"), "utfall.csv", b"\r\n".join(ledger))
    at.file_uploader(key="uppdatera_files").set_value(
        [("utfall.csv", b"\r\n".join(ledger), "text/csv"), ("aktiviteter.csv", activities(old, "Klart"), "text/csv")]
    )
    at.run()
    problems = next(d.value for d in at.dataframe if "Förväntat" in d.value.columns)
    errors = problems[problems["Nivå"] == "fel"]
    assert errors[["Fil", "Rad"]].to_dict("records") == [
        {"Fil": "utfall.csv", "Rad": "3"},
        {"Fil": "aktiviteter.csv", "Rad": "18"},
    ]


# --------------------------------------------------------------------------- rows after the report date


def late_ledger(project: Path) -> bytes:
    """stracket's utfall.csv (rapportdatum 2026-10-31) with two rows in November 2026."""
    return (
        (project / "utfall.csv").read_bytes()
        + b"2026-11-15;7010;V2026-1400;Konsult nov;1000,00\r\n"
        + b"2026-11-28;7010;V2026-1401;Konsult nov;500,00\r\n"
    )


def test_ledger_rows_after_the_report_date_give_a_warning_naming_both_dates(data):
    at = upload(open_page(None, "uppdatera"), "utfall.csv", late_ledger(data / "stracket"))
    assert [w.value for w in at.main.warning] == [
        "2 rader i utfall.csv är daterade efter rapportdatum 2026-10-31 (den senaste 2026-11-28) och räknas inte "
        "i siffrorna förrän rapportdatum flyttas."
    ]


def test_the_offer_moves_rapportdatum_in_projekt_toml_and_keeps_the_rest(data):
    project = data / "stracket"
    old_toml = (project / "projekt.toml").read_text(encoding="utf-8")
    at = upload(open_page(None, "uppdatera"), "utfall.csv", late_ledger(project))
    at.button(key="uppdatera_move_date").click()
    at.run()
    new_toml = (project / "projekt.toml").read_text(encoding="utf-8")
    assert tomllib.loads(new_toml)["rapportdatum"] == dt.date(2026, 11, 28)
    assert new_toml == old_toml.replace("rapportdatum = 2026-10-31", "rapportdatum = 2026-11-28")


def test_moving_rapportdatum_is_a_change_of_its_own_in_the_history(data):
    project = data / "stracket"
    at = upload(open_page(None, "uppdatera"), "utfall.csv", late_ledger(project))
    at.button(key="uppdatera_move_date").click()
    at.run()
    [version] = publishing.history(project, access.LOCAL)
    assert (version.manifest["orsak"], version.files) == ("rapportdatum", ["projekt.toml"])


def test_after_moving_rapportdatum_the_upload_can_still_be_accepted(data):
    project = data / "stracket"
    ledger = late_ledger(project)
    at = upload(open_page(None, "uppdatera"), "utfall.csv", ledger)
    at.button(key="uppdatera_move_date").click()
    at.run()
    at.button(key="uppdatera_accept").click()
    at.run()
    assert (project / "utfall.csv").read_bytes() == ledger
    assert [v.manifest["orsak"] for v in publishing.history(project, access.LOCAL)] == ["uppladdning", "rapportdatum"]


# --------------------------------------------------------------------------- confirmation


def test_the_freeze_button_is_disabled_until_the_user_says_yes(data):
    at = open_page(None, "uppdatera")
    assert at.button(key="uppdatera_freeze").disabled
    at.checkbox(key="uppdatera_freeze_confirm_2026-12-10").check()
    at.run()
    assert not at.button(key="uppdatera_freeze").disabled


def test_the_freeze_confirmation_names_the_meeting_and_that_it_is_final(data):
    assert open_page(None, "uppdatera").checkbox(key="uppdatera_freeze_confirm_2026-12-10").label == (
        "Ja, frys underlaget för mötet 2026-12-10 – det kan inte ändras efteråt"
    )


def test_the_restore_button_is_disabled_until_the_user_says_yes(data):
    project = data / "stracket"
    old = (project / "aktiviteter.csv").read_bytes()
    version = publishing.publish(project, {"aktiviteter.csv": activities(old, "Pågår")}, "anna@region.se")
    at = open_page(None, "historik")
    assert at.button(key="historik_restore").disabled
    at.checkbox(key=f"historik_confirm_{version.id}").check()
    at.run()
    assert not at.button(key="historik_restore").disabled
    assert (project / "aktiviteter.csv").read_bytes() == activities(old, "Pågår")


# --------------------------------------------------------------------------- history in local time


def test_a_november_time_is_shown_one_hour_after_utc():
    version = publishing.Version("v", Path("."), {"tid": "2026-11-28T13:05:00+00:00"})
    assert version.local_time == "2026-11-28 14:05"  # CET = UTC + 1


def test_a_june_time_is_shown_two_hours_after_utc():
    version = publishing.Version("v", Path("."), {"tid": "2026-06-01T22:30:00+00:00"})
    assert version.local_time == "2026-06-02 00:30"  # CEST = UTC + 2, past midnight


def test_the_history_page_names_a_version_by_local_time_files_and_who(data):
    project = data / "stracket"
    old = (project / "aktiviteter.csv").read_bytes()
    version = publishing.publish(project, {"aktiviteter.csv": activities(old, "Pågår")}, "anna@region.se")
    at = open_page(None, "historik")
    choice = at.selectbox(key="historik_choice")
    assert choice.options == [f"{version.local_time} – aktiviteter.csv, av anna@region.se"]


def test_the_history_page_shows_the_projects_name_at_the_top(data):
    assert open_page(None, "historik").main.text[0].value == f"Projekt: {NAME}"
