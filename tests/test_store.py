"""The validated tables kept on disk per project version: read once, trusted only while sound."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from support import MINIMAL, write_project

from lagesbild import project, reading, store

# The minimal project's costs: 40 000,00 (Personal) + 12 500,50 (Köpta tjänster).
SPENT = 52500.50


def spent(loaded: project.Project) -> float:
    return float(loaded.frame("project_totals").upparbetat_kr.iloc[0])


def stores(folder) -> list[str]:
    base = folder / store.STATE / store.FOLDER
    return sorted(p.suffix for p in base.iterdir()) if base.exists() else []


@pytest.fixture(autouse=True)
def stores_beside_the_exports(monkeypatch):
    monkeypatch.delenv(store.ENVIRONMENT, raising=False)


@pytest.fixture
def folder(tmp_path):
    folder = write_project(tmp_path)
    project.load(folder).con.close()
    return folder


@pytest.fixture
def no_reading(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("an export was read")

    monkeypatch.setattr(reading, "read_file", refuse)


def test_the_first_load_keeps_one_store_and_its_manifest(folder):
    assert stores(folder) == [".duckdb", ".json"]


def test_a_second_load_reads_no_export(folder, no_reading):
    assert spent(project.load(folder)) == SPENT


def test_a_second_load_has_the_same_problems_and_report_date(tmp_path):
    folder = write_project(tmp_path, utfall=MINIMAL["utfall.csv"] + "2025-07-31;;Okänt;V3;x;5,00\n")
    first, second = project.load(folder), project.load(folder)
    assert (second.problems, second.rapportdatum) == (first.problems, first.rapportdatum)


def test_a_changed_export_is_read_again(folder):
    (folder / "utfall.csv").write_text(
        MINIMAL["utfall.csv"] + "2025-07-31;;Personal;V3;Lön juli;1000,00\n", encoding="utf-8"
    )
    assert spent(project.load(folder)) == SPENT + 1000


def test_a_changed_export_leaves_only_the_new_store(folder):
    (folder / "utfall.csv").write_text(
        MINIMAL["utfall.csv"] + "2025-07-31;;Personal;V3;Lön juli;1000,00\n", encoding="utf-8"
    )
    project.load(folder).con.close()
    assert stores(folder) == [".duckdb", ".json"]


def test_a_damaged_store_is_not_trusted(folder):
    [database] = (folder / store.STATE / store.FOLDER).glob("*.duckdb")
    data = bytearray(database.read_bytes())
    data[len(data) // 2] ^= 0xFF
    database.write_bytes(bytes(data))
    assert store.open_stored(folder, database.stem) is None


def test_a_damaged_store_is_rebuilt_from_the_exports(folder):
    [database] = (folder / store.STATE / store.FOLDER).glob("*.duckdb")
    database.write_bytes(database.read_bytes()[:4096])
    assert spent(project.load(folder)) == SPENT
    assert store.open_stored(folder, database.stem) is not None


def test_a_store_without_its_manifest_is_not_trusted(folder):
    [manifest] = (folder / store.STATE / store.FOLDER).glob("*.json")
    manifest.unlink()
    assert store.open_stored(folder, manifest.stem) is None


def test_a_stored_project_cannot_read_files(folder):
    loaded = project.load(folder)
    with pytest.raises(duckdb.Error):
        loaded.con.cursor().execute("select * from read_csv('/etc/passwd')")


def test_a_stored_project_cannot_change_its_tables(folder):
    loaded = project.load(folder)
    with pytest.raises(duckdb.Error):
        loaded.con.cursor().execute("delete from utfall")


@pytest.fixture
def frozen(folder) -> Path:
    """A meeting's frozen copy inside the project, loaded once so that its store exists."""
    frozen = folder / store.STATE / "moten" / "2025-06-01"
    shutil.copytree(folder, frozen, ignore=shutil.ignore_patterns(store.STATE))
    project.load(frozen).con.close()
    return frozen


def test_a_frozen_copy_inside_the_project_keeps_nothing_inside_the_copy(frozen):
    assert not (frozen / store.STATE).exists()


def test_a_frozen_copy_keeps_its_store_in_the_projects_own_store_folder(folder, frozen):
    kept = list((folder / store.STATE / store.FOLDER / "kopior").rglob("*.duckdb"))
    assert len(kept) == 1


def test_a_frozen_copy_opens_from_its_store_without_reading_an_export(frozen, no_reading):
    assert project.load(frozen).usable


def test_the_projects_store_survives_its_frozen_copys_store(folder, frozen, no_reading):
    assert project.load(folder).usable


def test_a_folder_that_cannot_be_written_is_read_without_a_store(folder, monkeypatch):
    shutil.rmtree(folder / store.STATE / store.FOLDER)
    monkeypatch.setattr(store, "_paths", lambda f, v: (folder / "saknas" / "x.duckdb", folder / "saknas" / "x.json"))
    (folder / "saknas").write_text("a file where the folder would be", encoding="utf-8")
    assert spent(project.load(folder)) == SPENT


def test_lagesbild_lager_keeps_the_stores_outside_the_project_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(store.ENVIRONMENT, str(tmp_path / "lager"))
    folder = write_project(tmp_path)
    project.load(folder).con.close()
    assert (not (folder / store.STATE / store.FOLDER).exists(), len(list((tmp_path / "lager").rglob("*.duckdb")))) == (
        True,
        1,
    )
