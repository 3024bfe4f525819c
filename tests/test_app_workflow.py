"""The project leader's workflow in the app: upload, review, accept, undo, freeze, and since last meeting.

Runs dashboard.py through Streamlit's AppTest on a copy of data/stracket (LAGESBILD_DATA points at
the copy). Streamlit 1.67's AppTest can set files on st.file_uploader (FileUploader.set_value in
streamlit/testing/v1/element_tree.py registers them with the test's uploaded-file manager), so
uploads go through the page's own widget.

The "since last meeting" figures come from /tmp/snapshots_work/CHANGES.md, worked out by hand for
the example's frozen meeting 2026-09-24 against today's files (rapportdatum 2026-10-31).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from support import DASHBOARD, STRACKET, nodes, open_page, plain, table_with, tree_digests

from lagesbild import access, publishing


def copy_example(root: Path) -> Path:
    """root/data/stracket: a copy of the example with its frozen meetings; returns the data folder."""
    data = root / "data"
    shutil.copytree(STRACKET, data / "stracket")
    return data


def table_after(at: AppTest, heading: str) -> pd.DataFrame | None:
    """The table right after the subheader `heading`; None when a text ("Inga.") comes first."""
    seen = False
    for node in nodes(at.main):
        if node.type == "subheader":
            if seen:
                return None
            seen = node.value == heading
        elif seen and node.type == "dataframe":
            return node.value.map(plain)
    raise AssertionError(f"no subheader {heading!r}")


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key="uppdatera_files").set_value((name, data, "text/csv"))
    at.run()
    assert not at.exception, at.exception
    return at


def corrected_activities() -> bytes:
    """aktiviteter.csv with A18 (Pausad) set going again: one changed row, no errors."""
    data = (STRACKET / "aktiviteter.csv").read_bytes()
    assert data.count(b";Pausad;") == 1
    return data.replace(b";Pausad;", ";Pågår;".encode())


def broken_ledger() -> bytes:
    """utfall.csv (Windows-1252) with the amount of its second data row (Excel row 3) unreadable."""
    data = (STRACKET / "utfall.csv").read_bytes()
    lines = data.split(b"\r\n")
    assert lines[2] == b"2025-04-01;5830;V2025-0159;Hotell Karlstad \xf6vernattning;1340,00"
    lines[2] = lines[2].replace(b";1340,00", b";tusen trehundrafyrtio")
    return b"\r\n".join(lines)


# --------------------------------------------------------------------------- the page itself


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    folder = copy_example(tmp_path)
    monkeypatch.setenv("LAGESBILD_DATA", str(folder))
    return folder


@pytest.fixture(scope="module")
def upload_page(tmp_path_factory) -> AppTest:
    """The upload page as the editor first sees it, on a copy of the example; the tests only read it."""
    return open_page(copy_example(tmp_path_factory.mktemp("upload-page")), "uppdatera")


def test_the_upload_page_shows_its_intro(upload_page):
    at = upload_page
    assert [t.value for t in at.title] == ["Uppdatera data"]
    assert at.text[1].value.startswith("Släpp nya exporter här")


def test_the_upload_page_has_one_multiple_file_uploader_for_csv_xlsx_sie_zip_and_toml(upload_page):
    [uploader] = upload_page.file_uploader
    assert uploader.accept_multiple_files
    assert sorted(uploader.allowed_type) == [".csv", ".se", ".si", ".sie", ".toml", ".xlsx", ".zip"]


def test_the_upload_page_shows_the_freeze_section(upload_page):
    at = upload_page
    assert "Frys inför styrgruppsmöte" in [s.value for s in at.subheader]
    assert at.button(key="uppdatera_freeze").label == "Frys inför styrgruppsmöte 2026-12-10"


def test_the_upload_page_lists_the_frozen_meetings_of_the_example(upload_page):
    texts = [t.value for t in upload_page.text]
    assert "Frysta möten: 2026-03-19, 2026-09-24" in texts


def test_the_upload_page_offers_only_meetings_not_yet_frozen_and_not_before_the_report_date(upload_page):
    meeting = upload_page.selectbox(key="uppdatera_meeting")
    assert [str(m) for m in meeting.options] == ["2026-12-10"]


def test_the_upload_page_proposes_the_next_meeting_after_the_report_date(upload_page):
    assert str(upload_page.selectbox(key="uppdatera_meeting").value) == "2026-12-10"


def test_the_upload_page_shows_no_accept_button_before_an_upload(upload_page):
    assert "uppdatera_accept" not in [b.key for b in upload_page.button]


# --------------------------------------------------------------------------- a good upload, accepted


@pytest.fixture(scope="module")
def accepted(tmp_path_factory) -> dict:
    """One session: upload a corrected aktiviteter.csv, look, accept, then open the history page."""
    data = copy_example(tmp_path_factory.mktemp("accepted"))
    project = data / "stracket"
    seen: dict = {"project": project, "before": (project / "aktiviteter.csv").read_bytes()}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LAGESBILD_DATA", str(data))
        at = upload(open_page(None, "uppdatera"), "aktiviteter.csv", corrected_activities())
        seen["disk_after_preview"] = (project / "aktiviteter.csv").read_bytes()
        seen["preview_success"] = [s.value for s in at.success]
        seen["preview_errors"] = [e.value for e in at.error]
        seen["preview_buttons"] = {b.key: b.label for b in at.button}
        seen["recognised"] = table_with(at, "Uppladdad fil", "Ersätter")
        seen["changes"] = table_with(at, "Rader före", "Rader efter")
        at.button(key="uppdatera_accept").click()
        at.run()
        assert not at.exception, at.exception
        seen["accepted_success"] = [plain(s.value) for s in at.success]
        seen["accepted_buttons"] = [b.key for b in at.button]
        seen["accepted_uploader"] = [u.value for u in at.file_uploader]
        seen["disk_after_accept"] = (project / "aktiviteter.csv").read_bytes()
        seen["versions"] = publishing.history(project, access.LOCAL)
        at.switch_page("pages/historik.py")
        at.run()
        assert not at.exception, at.exception
        seen["history"] = table_with(at, "Tid", "Vem", "Orsak", "Filer")
    return seen


def test_a_corrected_aktiviteter_csv_is_recognised_as_aktiviteter(accepted):
    assert accepted["recognised"].to_dict("records") == [
        {"Uppladdad fil": "aktiviteter.csv", "Ersätter": "aktiviteter.csv"}
    ]


def test_a_corrected_aktiviteter_csv_shows_one_changed_row_of_18(accepted):
    assert accepted["changes"].to_dict("records") == [
        {
            "Fil": "aktiviteter.csv",
            "Rader före": "18",
            "Rader efter": "18",
            "Tillagda": "0",
            "Borttagna": "0",
            "Ändrade": "1",
        }
    ]


def test_a_corrected_aktiviteter_csv_has_no_errors(accepted):
    assert accepted["preview_errors"] == []
    assert accepted["preview_success"] == ["Inga fel. Granska ändringarna och godkänn."]


def test_a_corrected_aktiviteter_csv_shows_the_accept_button(accepted):
    assert accepted["preview_buttons"]["uppdatera_accept"] == "Godkänn och publicera"


def test_the_preview_alone_does_not_change_the_project_file(accepted):
    assert accepted["disk_after_preview"] == accepted["before"]


def test_clicking_accept_writes_the_uploaded_bytes_to_the_project(accepted):
    assert accepted["disk_after_accept"] == corrected_activities()
    assert accepted["disk_after_accept"] != accepted["before"]


def test_clicking_accept_tells_the_user_the_version_kept_in_the_history(accepted):
    [version] = accepted["versions"]
    assert accepted["accepted_success"] == [f"Publicerat. Tidigare filer finns kvar i historiken ({version.id})."]


def test_after_accepting_the_accept_button_is_gone(accepted):
    assert "uppdatera_accept" not in accepted["accepted_buttons"]


def test_after_accepting_the_uploader_is_empty(accepted):
    assert accepted["accepted_uploader"] == [[]]


def test_the_accepted_upload_keeps_the_replaced_file_in_the_history(accepted):
    [version] = accepted["versions"]
    assert (version.path / "aktiviteter.csv").read_bytes() == accepted["before"]


def test_the_history_page_lists_the_accepted_upload(accepted):
    history = accepted["history"]
    assert history[["Vem", "Orsak", "Filer"]].to_dict("records") == [
        {"Vem": "lokal användare", "Orsak": "uppladdning", "Filer": "aktiviteter.csv"}
    ]


def test_the_history_page_shows_the_time_of_the_accepted_upload(accepted):
    [version] = accepted["versions"]
    assert accepted["history"]["Tid"].tolist() == [version.local_time]


# --------------------------------------------------------------------------- a bad upload, refused


@pytest.fixture(scope="module")
def refused(tmp_path_factory) -> dict:
    """One session: upload a utfall.csv with an unreadable amount; every file hashed before and after."""
    data = copy_example(tmp_path_factory.mktemp("refused"))
    project = data / "stracket"
    seen: dict = {"before": tree_digests(data)}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LAGESBILD_DATA", str(data))
        at = upload(open_page(None, "uppdatera"), "utfall.csv", broken_ledger())
        seen["errors"] = [e.value for e in at.error]
        seen["success"] = [s.value for s in at.success]
        seen["buttons"] = [b.key for b in at.button]
        seen["problems"] = table_with(at, "Nivå", "Fil", "Rad", "Kolumn", "Värde", "Förväntat")
        at.run()  # and once more, as any later interaction would
        seen["buttons_again"] = [b.key for b in at.button]
    seen["after"] = tree_digests(data)
    seen["history"] = publishing.history(project, access.LOCAL)
    return seen


def test_an_unreadable_amount_is_reported_with_file_row_and_column(refused):
    errors = refused["problems"][refused["problems"]["Nivå"] == "fel"]
    assert errors[["Fil", "Rad", "Kolumn", "Värde"]].to_dict("records") == [
        {"Fil": "utfall.csv", "Rad": "3", "Kolumn": "Belopp", "Värde": "tusen trehundrafyrtio"}
    ]


def test_an_unreadable_amount_says_what_an_amount_looks_like(refused):
    errors = refused["problems"][refused["problems"]["Nivå"] == "fel"]
    assert errors["Förväntat"].tolist() == ["ett belopp i kronor, t.ex. 1 800 000, 1800000,50 eller −1 250,00 kr"]


def test_an_upload_with_an_error_shows_the_error_message(refused):
    assert refused["errors"] == [
        "Filerna har 1 fel och kan inte tas emot. Rätta dem i källan och ladda upp igen – projektet är oförändrat."
    ]
    assert refused["success"] == []


def test_an_upload_with_an_error_has_no_accept_button(refused):
    assert "uppdatera_accept" not in refused["buttons"]
    assert "uppdatera_accept" not in refused["buttons_again"]


def test_an_upload_with_an_error_leaves_every_file_byte_identical(refused):
    assert refused["after"] == refused["before"]


def test_an_upload_with_an_error_adds_nothing_to_the_history(refused):
    assert refused["history"] == []


@pytest.fixture(scope="module")
def refused_in_english(tmp_path_factory) -> AppTest:
    """As refused, in English mode."""
    data = copy_example(tmp_path_factory.mktemp("refused_in_english"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LAGESBILD_DATA", str(data))
        at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
        at.query_params.update({"lang": "en"})
        at.run()
        at.switch_page("pages/uppdatera.py")
        at.run()
        return upload(at, "utfall.csv", broken_ledger())


def test_the_preview_in_english_says_the_unreadable_amount_in_english(refused_in_english):
    found = table_with(refused_in_english, "Level", "File", "Row", "Column", "Value", "Expected")
    assert found[found["Level"] == "error"].to_dict("records") == [
        {
            "Level": "error",
            "File": "utfall.csv",
            "Row": "3",
            "Column": "Belopp",
            "Value": "tusen trehundrafyrtio",
            "Expected": "an amount in kronor, e.g. 1 800 000, 1800000,50 or −1 250,00 kr",
        }
    ]


def test_the_preview_in_english_counts_the_error_in_english(refused_in_english):
    assert [e.value for e in refused_in_english.error] == [
        "The files have 1 error and cannot be accepted. Correct it at the source and upload again – the project "
        "is unchanged."
    ]


# --------------------------------------------------------------------------- undo from the history page


def test_restoring_from_the_history_page_puts_the_old_bytes_back(data):
    project = data / "stracket"
    old = (project / "aktiviteter.csv").read_bytes()
    version = publishing.publish(project, {"aktiviteter.csv": corrected_activities()}, "Projektledaren")
    at = open_page(None, "historik")
    at.checkbox(key=f"historik_confirm_{version.id}").check()
    at.run()
    at.button(key="historik_restore").click()
    at.run()
    assert not at.exception, at.exception
    assert (project / "aktiviteter.csv").read_bytes() == old


def test_restoring_from_the_history_page_confirms_and_lists_the_restore(data):
    project = data / "stracket"
    version = publishing.publish(project, {"aktiviteter.csv": corrected_activities()}, "Projektledaren")
    at = open_page(None, "historik")
    assert at.selectbox(key="historik_choice").value == version.id
    at.checkbox(key=f"historik_confirm_{version.id}").check()
    at.run()
    at.button(key="historik_restore").click()
    at.run()
    assert [s.value for s in at.success] == ["Återställt. Även återställningen kan ångras."]
    history = table_with(at, "Vem", "Orsak", "Filer")
    assert history[["Vem", "Orsak", "Filer"]].to_dict("records") == [
        {"Vem": "lokal användare", "Orsak": f"återställning av {version.id}", "Filer": "aktiviteter.csv"},
        {"Vem": "Projektledaren", "Orsak": "uppladdning", "Filer": "aktiviteter.csv"},
    ]


def test_restoring_an_older_change_from_the_history_page_puts_its_bytes_back(data):
    project = data / "stracket"
    original = (project / "beslut.csv").read_bytes()
    first = publishing.publish(
        project, {"beslut.csv": original + "B9;2026-10-30;Nio;Styrgruppen;;Öppen\n".encode()}, "p"
    )
    publishing.publish(project, {"aktiviteter.csv": corrected_activities()}, "p")
    at = open_page(None, "historik")
    at.selectbox(key="historik_choice").set_value(first.id)
    at.run()
    at.checkbox(key=f"historik_confirm_{first.id}").check()
    at.run()
    at.button(key="historik_restore").click()
    at.run()
    assert not at.exception, at.exception
    assert (project / "beslut.csv").read_bytes() == original
    assert (project / "aktiviteter.csv").read_bytes() == corrected_activities()


def test_the_history_page_says_when_there_are_no_changes(data):
    assert "Inga ändringar ännu." in [t.value for t in open_page(None, "historik").text]


# --------------------------------------------------------------------------- freeze from the upload page


def test_freezing_from_the_upload_page_creates_the_snapshot(data):
    project = data / "stracket"
    at = open_page(None, "uppdatera")
    at.checkbox(key="uppdatera_freeze_confirm_2026-12-10").check()
    at.run()
    at.button(key="uppdatera_freeze").click()
    at.run()
    assert not at.exception, at.exception
    snapshot = project / ".lagesbild" / "moten" / "2026-12-10"
    assert (snapshot / "manifest.json").is_file()
    assert (snapshot / "utfall.csv").read_bytes() == (project / "utfall.csv").read_bytes()


def test_freezing_from_the_upload_page_confirms_the_meeting(data):
    at = open_page(None, "uppdatera")
    at.checkbox(key="uppdatera_freeze_confirm_2026-12-10").check()
    at.run()
    at.button(key="uppdatera_freeze").click()
    at.run()
    assert [s.value for s in at.success] == ["Underlaget för mötet 2026-12-10 är fryst."]


def test_a_frozen_meeting_disappears_from_the_choice_list(data):
    at = open_page(None, "uppdatera")
    at.checkbox(key="uppdatera_freeze_confirm_2026-12-10").check()
    at.run()
    at.button(key="uppdatera_freeze").click()
    at.run()
    assert "uppdatera_meeting" not in [s.key for s in at.selectbox]
    assert "Frysta möten: 2026-03-19, 2026-09-24, 2026-12-10" in [t.value for t in at.text]


def test_freezing_the_meeting_after_an_earlier_report_date_creates_its_snapshot(data):
    project = data / "stracket"
    at = open_page(None, "uppdatera")
    at.date_input(key="rapportdatum_stracket").set_value(dt.date(2025, 11, 1))
    at.run()
    assert [str(m) for m in at.selectbox(key="uppdatera_meeting").options] == ["2025-11-20", "2026-12-10"]
    at.selectbox(key="uppdatera_meeting").set_value(dt.date(2025, 11, 20))
    at.run()
    assert at.button(key="uppdatera_freeze").label == "Frys inför styrgruppsmöte 2025-11-20"
    at.checkbox(key="uppdatera_freeze_confirm_2025-11-20").check()
    at.run()
    at.button(key="uppdatera_freeze").click()
    at.run()
    assert (project / ".lagesbild" / "moten" / "2025-11-20" / "manifest.json").is_file()
    assert [str(m) for m in at.selectbox(key="uppdatera_meeting").options] == ["2026-12-10"]


# --------------------------------------------------------------------------- since the last meeting


@pytest.fixture(scope="module")
def since(tmp_path_factory) -> AppTest:
    """/sedan on a copy of the example, whose meeting 2026-09-24 is frozen."""
    assert (STRACKET / ".lagesbild" / "moten" / "2026-09-24" / "manifest.json").is_file(), (
        "the example should ship the frozen meeting 2026-09-24"
    )
    data = copy_example(tmp_path_factory.mktemp("since"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LAGESBILD_DATA", str(data))
        return open_page(None, "sedan")


def test_since_compares_with_the_picture_frozen_for_2026_09_24(since):
    assert "Jämfört med bilden som frystes inför mötet 2026-09-24." in [t.value for t in since.text]


@pytest.mark.parametrize(
    ("label", "value"),
    [
        # 34 ledger rows booked 2026-09-01 – 2026-10-31: 267 480,42 kr + 20 % indirect on Egen personal
        # 33 442,084 kr = 300 922,504 kr (CHANGES.md, "Costs").
        ("Bokförda kostnader", "300 923 kr"),
        ("Nya indikatorvärden", "4"),  # I3, I4, I5, I6 dated 2026-09-30
        ("Ändrad status på aktiviteter", "2"),  # A2 and A10 Pågår → Klar
        ("Nya påverkansinsatser", "2"),  # PV11 and PV19
        ("Rekvirerat sedan mötet", "0 kr"),  # no inbetalningar row added
        ("Inbetalt sedan mötet", "0 kr"),
    ],
)
def test_since_shows_the_figure(since, label, value):
    assert {m.label: plain(m.value) for m in since.metric}[label] == value


def test_since_lists_a4_as_the_activity_added(since):
    added = table_after(since, "Nya aktiviteter")
    assert added[["Id", "Status"]].to_dict("records") == [{"Id": "A4", "Status": "Ej påbörjad"}]


def test_since_lists_a2_and_a10_as_status_changes(since):
    changed = table_after(since, "Ändrad status på aktiviteter")
    assert changed.to_dict("records") == [
        {"Id": "A2", "Kolumn": "Status", "Före": "Pågår", "Efter": "Klar"},
        {"Id": "A10", "Kolumn": "Status", "Före": "Pågår", "Efter": "Klar"},
    ]


def test_since_lists_the_four_indicator_values_added_up_to_the_report_date(since):
    values = table_after(since, "Nya indikatorvärden")
    assert values[["Indikator", "Datum", "Värde"]].to_dict("records") == [
        {"Indikator": "I3", "Datum": "2026-09-30", "Värde": "327"},
        {"Indikator": "I4", "Datum": "2026-09-30", "Värde": "7"},
        {"Indikator": "I5", "Datum": "2026-09-30", "Värde": "3"},
        {"Indikator": "I6", "Datum": "2026-09-30", "Värde": "0"},
    ]


def test_since_lists_pv11_and_pv19_as_efforts_added(since):
    assert table_after(since, "Nya påverkansinsatser")["Id"].tolist() == ["PV11", "PV19"]


def test_since_lists_the_three_effort_changes(since):
    changed = table_after(since, "Ändrad status eller resultat för påverkansinsatser")
    assert changed.to_dict("records") == [
        {"Id": "PV07", "Kolumn": "Status", "Före": "Planerad", "Efter": "Pågår"},
        {"Id": "PV08", "Kolumn": "Resultat", "Före": "Ej bedömt", "Efter": "Delvis genomslag"},
        {"Id": "PV09", "Kolumn": "Status", "Före": "Idé", "Efter": "Planerad"},
    ]


def test_since_lists_b7_and_b8_and_the_three_proposals_as_decisions_opened(since):
    # B10–B12 are proposals dated 2026-10-15 – 2026-10-29, after the frozen meeting 2026-09-24
    opened = table_after(since, "Nya beslut")
    assert opened[["Id", "Status"]].to_dict("records") == [
        {"Id": "B7", "Status": "Öppen"},
        {"Id": "B8", "Status": "Öppen"},
        {"Id": "B10", "Status": "Förslag"},
        {"Id": "B11", "Status": "Förslag"},
        {"Id": "B12", "Status": "Förslag"},
    ]


def test_since_lists_b3_as_the_decision_closed(since):
    closed = table_after(since, "Beslut som stängts")
    assert closed[["Id", "Status"]].to_dict("records") == [{"Id": "B3", "Status": "Klar"}]


def test_since_uses_a_meeting_frozen_after_the_page_was_first_shown(tmp_path, monkeypatch):
    data = copy_example(tmp_path)
    project = data / "stracket"
    snapshot = project / ".lagesbild" / "moten" / "2026-09-24"
    snapshot.chmod(0o755)
    shutil.rmtree(snapshot)
    monkeypatch.setenv("LAGESBILD_DATA", str(data))
    at = open_page(None, "sedan")
    assert [i.value for i in at.main.info] == [
        "Inget fryst underlag för mötet 2026-09-24 – visar det som är daterat efter mötet."
    ]
    publishing.freeze(project, dt.date(2026, 9, 24), access.LOCAL)
    at.run()
    assert "Jämfört med bilden som frystes inför mötet 2026-09-24." in [t.value for t in at.text]
