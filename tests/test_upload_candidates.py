"""Which files of an upload are candidates: never hidden folders, never nested copies, never two for one file.

A zip of a project folder holds its `.lagesbild/` history; reading it would roll the project back.
Every refusal names the files, publishes nothing and leaves the project byte-identical.
"""

from __future__ import annotations

import io
import warnings
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import FIXTURES, MINIMAL, patch_zip_member, tree_digests, write_project, xlsx_of, zip_of

from lagesbild import access, publishing, uploads
from lagesbild import project as projects

HOSTILE = FIXTURES / "hostile"
OLD_LEDGER = MINIMAL["utfall.csv"].encode()
# MINIMAL's utfall.csv with a third row: 1 000,00 kr of Personal on 2025-09-30.
NEW_LEDGER = OLD_LEDGER + "2025-09-30;;Personal;V3;Lön september;1000,00\n".encode()


@pytest.fixture
def folder(tmp_path):
    return write_project(tmp_path)


def preview(folder, *files: tuple[str, bytes]) -> uploads.Preview:
    return uploads.preview(folder, projects.load(folder), list(files), access.LOCAL)


def refused(folder, *files: tuple[str, bytes]) -> list:
    """The errors of a preview; accepting it is refused and every file (history included) stays as it was."""
    before = tree_digests(folder)
    checked = preview(folder, *files)
    with pytest.raises(publishing.PublishError):
        uploads.accept(folder, checked, access.LOCAL)
    assert tree_digests(folder) == before
    return checked.errors


# --------------------------------------------------------------------------- a zip of the project folder


def test_a_zip_of_the_project_folder_never_reads_its_history(folder):
    # The history keeps yesterday's utfall.csv: read as a candidate it would put the old ledger back.
    old = zip_of(
        [
            ("projekt/utfall.csv", NEW_LEDGER),
            ("projekt/.lagesbild/historik/20250101T000000000000-abcd/utfall.csv", OLD_LEDGER),
        ]
    )
    checked = preview(folder, ("projekt.zip", old))
    assert checked.files == {"utfall.csv": NEW_LEDGER}


def test_a_zip_of_the_project_folder_says_its_hidden_folders_were_not_read(folder):
    data = zip_of(
        [
            ("projekt/utfall.csv", NEW_LEDGER),
            ("projekt/.lagesbild/moten/2025-06-01/utfall.csv", OLD_LEDGER),
            ("__MACOSX/projekt/._utfall.csv", b"\x00"),
        ]
    )
    [note] = [p for p in preview(folder, ("projekt.zip", data)).problems if p.fil == "projekt.zip"]
    assert (note.niva, note.varde) == ("varning", ".lagesbild/, __MACOSX/")
    assert note.forvantat.startswith("inga dolda mappar eller filer – de lästes inte")


def test_a_zip_of_the_project_folder_is_accepted_and_publishes_its_new_ledger(folder):
    checked = preview(folder, ("projekt.zip", zip_of([("projekt/utfall.csv", NEW_LEDGER)])))
    uploads.accept(folder, checked, access.LOCAL)
    assert (folder / "utfall.csv").read_bytes() == NEW_LEDGER


def test_a_copy_in_a_subfolder_is_refused_by_its_path(folder):
    data = zip_of([("projekt/utfall.csv", NEW_LEDGER), ("projekt/arkiv/utfall.csv", OLD_LEDGER)])
    files, problems = uploads.unpack("projekt.zip", data)
    assert [name for name, _ in files] == ["utfall.csv"]
    assert [(p.fil, p.varde) for p in problems] == [("projekt.zip/utfall.csv", "projekt/arkiv/utfall.csv")]
    assert "ligger i en undermapp och är en kopia" in problems[0].forvantat


def test_a_zip_with_a_copy_in_a_subfolder_publishes_nothing(folder):
    data = zip_of([("projekt/utfall.csv", NEW_LEDGER), ("projekt/arkiv/utfall.csv", OLD_LEDGER)])
    assert [p.varde for p in refused(folder, ("projekt.zip", data))] == ["projekt/arkiv/utfall.csv"]


def test_files_in_two_top_level_folders_are_refused_naming_both(folder):
    data = zip_of([("projekt/utfall.csv", NEW_LEDGER), ("gammalt/budget.csv", MINIMAL["budget.csv"].encode())])
    [problem] = refused(folder, ("projekt.zip", data))
    assert (problem.fil, problem.varde) == ("projekt.zip", "gammalt/, projekt/")
    assert problem.forvantat.startswith("filerna överst i zip-filen eller i en enda mapp")


def test_a_zip_with_nothing_usable_says_so(folder):
    data = zip_of([("projekt/README.md", b"# Projekt"), ("projekt/.lagesbild/historik/x/utfall.csv", OLD_LEDGER)])
    [problem] = refused(folder, ("projekt.zip", data))
    assert (problem.fil, problem.forvantat) == (
        "projekt.zip",
        "minst en exportfil (.csv, .xlsx eller projekt.toml) överst i zip-filen eller i dess enda mapp – den har ingen",
    )


def test_an_empty_zip_says_it_has_nothing_usable(folder):
    [problem] = refused(folder, ("tom.zip", zip_of([])))
    assert problem.fil == "tom.zip" and problem.forvantat.endswith("den har ingen")


# --------------------------------------------------------------------------- two candidates for one file


def test_utfall_csv_and_utfall_xlsx_in_one_upload_are_refused_naming_both(folder):
    rows = [
        ["Datum", "Konto", "Kostnadsslag", "Verifikation", "Text", "Belopp"],
        ["2025-03-31", None, "Personal", "V1", "Lön mars", 40000],
    ]
    [problem] = refused(folder, ("utfall.csv", NEW_LEDGER), ("utfall.xlsx", xlsx_of(rows)))
    assert (problem.fil, problem.varde) == ("utfall.csv", "utfall.csv, utfall.xlsx")
    assert problem.forvantat == (
        "en enda fil som ersätter utfall.csv – uppladdningen har 2: utfall.csv och "
        "utfall.xlsx; ladda upp bara den som ska in"
    )


def test_the_same_file_uploaded_twice_is_refused(folder):
    [problem] = refused(folder, ("utfall.csv", NEW_LEDGER), ("utfall.csv", NEW_LEDGER))
    assert problem.varde == "utfall.csv, utfall.csv"


def test_a_loose_file_and_a_zipped_one_for_the_same_target_are_refused_naming_both(folder):
    data = zip_of([("projekt/Utfall.csv", OLD_LEDGER)])
    [problem] = refused(folder, ("utfall.csv", NEW_LEDGER), ("projekt.zip", data))
    assert problem.varde == "utfall.csv, projekt.zip/projekt/Utfall.csv"


def test_two_project_tomls_are_refused(folder):
    toml = MINIMAL["projekt.toml"].encode()
    [problem] = refused(folder, ("projekt.toml", toml), ("projekt.zip", zip_of([("projekt.toml", toml)])))
    assert (problem.fil, problem.varde) == ("projekt.toml", "projekt.toml, projekt.zip/projekt.toml")


# --------------------------------------------------------------------------- members that cannot be read


def test_an_encrypted_member_is_a_problem_naming_it(folder):
    [problem] = refused(folder, ("krypterad.zip", (HOSTILE / "krypterad.zip").read_bytes()))
    assert (problem.fil, problem.varde) == ("krypterad.zip/utfall.csv", "utfall.csv")
    assert problem.forvantat == "en fil utan lösenord – den är krypterad; packa den utan lösenord"


def test_a_deflate64_member_is_a_problem_naming_it_and_its_method(folder):
    data = patch_zip_member(zip_of([("utfall.csv", NEW_LEDGER)]), "utfall.csv", method=9)
    [problem] = refused(folder, ("projekt.zip", data))
    assert problem.fil == "projekt.zip/utfall.csv"
    assert "den är packad med Deflate64" in problem.forvantat


def test_a_damaged_member_is_a_problem_naming_it(folder):
    data = bytearray(zip_of([("utfall.csv", NEW_LEDGER * 20)]))
    middle = data.find(b"utfall.csv") + 40
    data[middle : middle + 20] = b"\xff" * 20
    [problem] = refused(folder, ("projekt.zip", bytes(data)))
    assert problem.fil == "projekt.zip/utfall.csv"
    assert problem.forvantat.startswith("en hel fil – den gick inte att packa upp")


def test_a_damaged_member_leaves_the_good_members_of_the_zip_readable():
    good = MINIMAL["budget.csv"].encode()
    data = patch_zip_member(zip_of([("utfall.csv", NEW_LEDGER), ("budget.csv", good)]), "utfall.csv", method=9)
    files, problems = uploads.unpack("projekt.zip", data)
    assert (files, [p.fil for p in problems]) == ([("budget.csv", good)], ["projekt.zip/utfall.csv"])


# --------------------------------------------------------------------------- any bytes at all


def _zip_from(members: list[tuple[str, bytes, int]], cut: int | None) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w") as archive:
        warnings.simplefilter("ignore")  # two members of one name are a hostile case too
        for name, data, method in members:
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    raw = buffer.getvalue()
    return raw if cut is None else raw[:cut] + raw[cut + 1 :]


NAMES = st.sampled_from(
    [
        "utfall.csv",
        "projekt/utfall.csv",
        "projekt/a/b.csv",
        ".lagesbild/x.csv",
        "budget.xlsx",
        "projekt.toml",
        "../x.csv",
        "mal.csv",
        "README.md",
        "__MACOSX/._x.csv",
        "x\\y.csv",
    ]
)
CONTENT = st.one_of(st.binary(max_size=300), st.sampled_from([NEW_LEDGER, MINIMAL["mal.csv"].encode(), b"PK\x03\x04"]))
MEMBERS = st.lists(st.tuples(NAMES, CONTENT, st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])), max_size=5)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(members=MEMBERS, cut=st.one_of(st.none(), st.integers(min_value=0, max_value=400)))
def test_unpack_gives_problems_and_never_raises_for_any_zip(members, cut):
    files, problems = uploads.unpack("projekt.zip", _zip_from(members, cut))
    assert all("/" not in name and not name.startswith(".") for name, _ in files)
    assert all(p.fil.startswith("projekt.zip") for p in problems)


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=2000))
def test_unpack_gives_problems_and_never_raises_for_any_bytes_named_zip(data):
    uploads.unpack("projekt.zip", data)


@settings(max_examples=40, deadline=None)
@given(position=st.integers(min_value=0, max_value=10_000), value=st.integers(min_value=0, max_value=255))
def test_an_excel_file_with_any_byte_changed_is_read_or_refused_with_a_value_error(tmp_path_factory, position, value):
    data = bytearray(xlsx_of([["Datum", "Belopp"], ["2025-03-31", 40000]]))
    data[position % len(data)] = value
    path = tmp_path_factory.mktemp("xlsx") / "utfall.xlsx"
    path.write_bytes(bytes(data))
    try:
        uploads.xlsx.sheet_as_csv(path)
    except ValueError as exc:
        assert str(exc)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(members=MEMBERS, cut=st.one_of(st.none(), st.integers(min_value=0, max_value=400)))
def test_preview_gives_problems_and_never_raises_for_any_zip(tmp_path_factory, members, cut):
    folder = write_project(tmp_path_factory.mktemp("any"))
    before = tree_digests(folder)
    preview(folder, ("projekt.zip", _zip_from(members, cut)))
    assert tree_digests(folder) == before
