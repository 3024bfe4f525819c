"""Changing a project folder: publish, history, restore, recover, the lock, frozen meetings, uploads.

Every test works on a copy of data/stracket in tmp_path; the repository's data/ is only read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import stat
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from support import tree_digests

from lagesbild import access, publishing, uploads
from lagesbild import project as projects

REPO = Path(__file__).resolve().parent.parent
STRACKET = REPO / "data" / "stracket"
PUBLISHER = Path(__file__).resolve().parent / "crash_publisher.py"
REFERENCE = access.Access("referensgrupp", "x", "lank")
EDITOR = access.LOCAL


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def leftovers(folder: Path) -> list[str]:
    """Half-written files a publish may leave: pending files, journals, unfinished history entries."""
    state = folder / publishing.STATE
    found = [
        *folder.glob(".*.ny"),
        *state.glob("publicering.json*"),
        *state.glob(f"{publishing.HISTORY}/*.tmp"),
        *state.glob(f"{publishing.MEETINGS}/*.tmp"),
    ]
    return sorted(str(p.relative_to(folder)) for p in found)


@pytest.fixture
def folder(tmp_path) -> Path:
    """A copy of the example project stracket (with its frozen meetings, if any)."""
    target = tmp_path / "data" / "stracket"
    shutil.copytree(STRACKET, target)
    return target


@pytest.fixture
def old(folder) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in ("aktiviteter.csv", "beslut.csv", "utfall.csv")}


@pytest.fixture
def new(old) -> dict[str, bytes]:
    """New versions of aktiviteter.csv, beslut.csv and utfall.csv: one changed status, one more row each."""
    return {
        "aktiviteter.csv": old["aktiviteter.csv"].replace(b";Pausad;", ";Pågår;".encode(), 1),
        "beslut.csv": old["beslut.csv"] + "B9;2026-10-30;Ett nytt beslut;Styrgruppen;2026-12-10;Öppen\n".encode(),
        "utfall.csv": old["utfall.csv"] + b"2026-10-31;7010;V2026-9999;L\xf6n oktober;1000,00\r\n",
    }


# --------------------------------------------------------------------------- publish and history


def test_a_publish_replaces_three_files_at_once(folder, old, new):
    assert all(old[n] != new[n] for n in new)
    publishing.publish(folder, new, "Projektledaren")
    assert {n: (folder / n).read_bytes() for n in new} == new


def test_a_publish_leaves_no_pending_file_and_no_journal(folder, new):
    publishing.publish(folder, new, "Projektledaren")
    assert leftovers(folder) == []


def test_a_publish_leaves_the_files_it_does_not_name_untouched(folder, new):
    before = {k: v for k, v in tree_digests(folder).items() if not k.startswith(".") and k not in new}
    publishing.publish(folder, new, "Projektledaren")
    after = {k: v for k, v in tree_digests(folder).items() if not k.startswith(".") and k not in new}
    assert after == before


def test_the_replaced_files_are_kept_byte_for_byte_in_the_history(folder, old, new):
    version = publishing.publish(folder, new, "Projektledaren")
    kept = {p.name: p.read_bytes() for p in version.path.iterdir() if p.name != publishing.MANIFEST}
    assert kept == old


def test_the_history_entry_is_inside_the_project_state_folder(folder, new):
    version = publishing.publish(folder, new, "Projektledaren")
    assert version.path.parent == folder / ".lagesbild" / "historik"
    assert version.path.name == version.id


def test_the_manifest_lists_each_file_with_its_sha256_before_and_after(folder, old, new):
    version = publishing.publish(folder, new, "Projektledaren")
    manifest = json.loads((version.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["filer"] == [
        {"fil": n, "sha256_fore": sha(old[n]), "sha256_efter": sha(new[n])} for n in sorted(new)
    ]


def test_the_manifest_says_who_published_and_why(folder, new):
    version = publishing.publish(folder, new, "Anna Projektledare")
    manifest = json.loads((version.path / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["vem"], manifest["orsak"]) == ("Anna Projektledare", "uppladdning")


def test_the_manifest_time_is_the_utc_time_of_the_publish(folder, new):
    start = dt.datetime.now(dt.UTC).replace(microsecond=0)
    version = publishing.publish(folder, new, "Projektledaren")
    end = dt.datetime.now(dt.UTC)
    when = dt.datetime.fromisoformat(json.loads((version.path / "manifest.json").read_text())["tid"])
    assert when.utcoffset() == dt.timedelta(0)
    assert start <= when <= end


def test_the_manifest_keeps_the_validation_summary(folder, new):
    summary = {"fel": 0, "varningar": 3, "filer": {"export_2026-10.csv": "utfall.csv"}}
    version = publishing.publish(folder, new, "Projektledaren", summary)
    assert json.loads((version.path / "manifest.json").read_text(encoding="utf-8"))["validering"] == summary


def test_an_accepted_upload_records_its_validation_summary_in_the_manifest(folder, new):
    project = projects.load(folder)
    checked = uploads.preview(folder, project, [("aktiviteter.csv", new["aktiviteter.csv"])], EDITOR)
    version = uploads.accept(folder, checked, EDITOR)
    validation = json.loads((version.path / "manifest.json").read_text(encoding="utf-8"))["validering"]
    assert validation == {"fel": 0, "varningar": len(checked.problems), "filer": {"aktiviteter.csv": "aktiviteter.csv"}}


def test_history_lists_a_publish_with_its_files(folder, new):
    publishing.publish(folder, new, "Projektledaren")
    [version] = publishing.history(folder, EDITOR)
    assert [f["fil"] for f in version.manifest["filer"]] == ["aktiviteter.csv", "beslut.csv", "utfall.csv"]


def test_history_lists_changes_newest_first_even_within_one_second(folder):
    made = [
        publishing.publish(folder, {"beslut.csv": f"Id;Datum\nB{i};2026-01-01\n".encode()}, "p").id for i in range(12)
    ]
    assert [v.id for v in publishing.history(folder, EDITOR)] == made[::-1]


def test_a_publish_rejects_a_file_name_outside_the_project(folder):
    before = tree_digests(folder.parent.parent)
    with pytest.raises(publishing.PublishError):
        publishing.publish(folder, {"../utfall.csv": b"x"}, "p")
    assert tree_digests(folder.parent.parent) == before
    assert leftovers(folder) == []


# --------------------------------------------------------------------------- restore


def test_restore_puts_back_the_replaced_bytes(folder, old, new):
    version = publishing.publish(folder, new, "Projektledaren")
    publishing.restore(folder, version, EDITOR)
    assert {n: (folder / n).read_bytes() for n in old} == old


def test_restore_removes_a_file_that_the_publish_added(folder):
    version = publishing.publish(folder, {"risker.xlsx": b"PK\x03\x04 new file"}, "Projektledaren")
    assert (folder / "risker.xlsx").exists()
    publishing.restore(folder, version, EDITOR)
    assert not (folder / "risker.xlsx").exists()


def test_a_publish_that_adds_a_file_records_no_hash_before(folder):
    version = publishing.publish(folder, {"risker.xlsx": b"PK\x03\x04 new file"}, "Projektledaren")
    assert version.manifest["filer"] == [
        {"fil": "risker.xlsx", "sha256_fore": None, "sha256_efter": sha(b"PK\x03\x04 new file")}
    ]


def test_restore_is_itself_a_history_entry(folder, new):
    version = publishing.publish(folder, new, "Projektledaren")
    undo = publishing.restore(folder, version, EDITOR)
    listed = publishing.history(folder, EDITOR)
    assert [v.id for v in listed] == [undo.id, version.id]
    assert listed[0].manifest["orsak"] == f"återställning av {version.id}"


def test_a_restore_can_itself_be_undone(folder, new):
    version = publishing.publish(folder, new, "Projektledaren")
    undo = publishing.restore(folder, version, EDITOR)
    publishing.restore(folder, undo, EDITOR)
    assert {n: (folder / n).read_bytes() for n in new} == new


# --------------------------------------------------------------------------- recover


def test_recover_finishes_a_publish_whose_journal_was_written(folder, new, monkeypatch):
    def crash(*_):
        raise OSError("power cut")

    monkeypatch.setattr(publishing, "_apply", crash)
    with pytest.raises(OSError):
        publishing.publish(folder, new, "Projektledaren")
    assert (folder / ".lagesbild" / "publicering.json").exists()
    monkeypatch.undo()
    publishing.recover(folder)
    assert {n: (folder / n).read_bytes() for n in new} == new


def test_recover_turns_the_interrupted_publish_into_a_history_entry(folder, old, new, monkeypatch):
    def crash(*_):
        raise OSError("power cut")

    monkeypatch.setattr(publishing, "_apply", crash)
    with pytest.raises(OSError):
        publishing.publish(folder, new, "Projektledaren")
    monkeypatch.undo()
    publishing.recover(folder)
    [version] = publishing.history(folder, EDITOR)
    assert {n: (version.path / n).read_bytes() for n in old} == old
    assert leftovers(folder) == []


def test_recover_finishes_a_publish_that_stopped_halfway_through_its_renames(folder, new, monkeypatch):
    renames = []
    real_replace = os.replace

    def replace(src, dst):
        if str(src).endswith(".ny"):
            if renames:
                raise OSError("power cut after the first rename")
            renames.append(src)
        real_replace(src, dst)

    monkeypatch.setattr(publishing.os, "replace", replace)
    with pytest.raises(OSError):
        publishing.publish(folder, new, "Projektledaren")
    monkeypatch.undo()
    # One file is new, two are old: exactly the state recover must finish.
    assert sum((folder / n).read_bytes() == new[n] for n in new) == 1
    publishing.recover(folder)
    assert {n: (folder / n).read_bytes() for n in new} == new


def test_project_load_runs_recover(folder, new, monkeypatch):
    def crash(*_):
        raise OSError("power cut")

    monkeypatch.setattr(publishing, "_apply", crash)
    with pytest.raises(OSError):
        publishing.publish(folder, new, "Projektledaren")
    monkeypatch.undo()
    projects.load(folder)
    assert {n: (folder / n).read_bytes() for n in new} == new


def test_recover_removes_pending_files_without_a_journal_and_keeps_the_old_version(folder, new):
    before = tree_digests(folder)
    for name, data in new.items():
        (folder / f".{name}.0badc0de.ny").write_bytes(data)
    publishing.recover(folder)
    assert tree_digests(folder) == before


def test_recover_removes_a_half_written_history_entry(folder):
    before = tree_digests(folder)
    half = folder / ".lagesbild" / "historik" / "20261028T120000000000-abcd.tmp"
    half.mkdir(parents=True)
    (half / "utfall.csv").write_bytes((folder / "utfall.csv").read_bytes()[:100])
    publishing.recover(folder)
    assert not half.exists()
    assert tree_digests(folder) == before


def test_recover_removes_a_journal_that_was_never_put_in_place(folder, new):
    before = tree_digests(folder)
    (folder / ".lagesbild").mkdir(exist_ok=True)
    (folder / ".lagesbild" / "publicering.json.tmp").write_bytes(b'{"steg": [')
    (folder / ".utfall.csv.0badc0de.ny").write_bytes(new["utfall.csv"])
    publishing.recover(folder)
    assert tree_digests(folder) == before


def test_recover_leaves_a_clean_project_alone(folder):
    before = tree_digests(folder)
    publishing.recover(folder)
    assert tree_digests(folder) == before
    assert not (folder / ".lagesbild" / "lock").exists()


# --------------------------------------------------------------------------- the lock


def _versions_seen(folder: Path, names: list[str]) -> list[str]:
    """The version each history entry replaced, read from its kept files (all must agree)."""
    seen = []
    for version in publishing.history(folder, EDITOR):
        kept = {(version.path / n).read_bytes().split(b"\n", 1)[0] for n in names}
        assert len(kept) == 1, f"{version.id} replaced a mixed project: {kept}"
        seen.append(kept.pop().decode())
    return seen


def test_two_threads_publishing_at_once_never_interleave(folder):
    names = ["aktiviteter.csv", "beslut.csv", "utfall.csv"]
    for name in names:
        (folder / name).write_bytes(b"original\n")
    errors = []

    def publisher(marker: str) -> None:
        try:
            for i in range(15):
                body = f"{marker}-{i}\n".encode() + marker.encode() * 200_000
                publishing.publish(folder, dict.fromkeys(names, body), marker)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=publisher, args=(m,)) for m in ("A", "B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len({(folder / n).read_bytes() for n in names}) == 1
    seen = _versions_seen(folder, names)
    # Each version was replaced exactly once: no two publishes worked from the same starting point.
    assert len(seen) == 30
    assert len(set(seen)) == 30


def test_two_processes_publishing_at_once_never_interleave(folder, tmp_path):
    names = ["aktiviteter.csv", "beslut.csv", "utfall.csv"]
    for name in names:
        (folder / name).write_bytes(b"original\n")
    sources = []
    for marker in "ABCDEF":
        source = tmp_path / f"new-{marker}"
        source.mkdir()
        for name in names:
            (source / name).write_bytes(f"{marker}\n".encode() + marker.encode() * 1_000_000)
        sources.append(source)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    children = [
        subprocess.Popen(
            [sys.executable, str(PUBLISHER), str(folder), str(s)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for s in sources
    ]
    # Each publisher forks one publish and waits for it; all six are asked before any is waited for.
    for child in children:
        assert child.stdin is not None
        child.stdin.write("publish\nwait\n")
        child.stdin.flush()
    outputs = [c.communicate(timeout=60)[0] for c in children]
    assert [out.splitlines()[-1] for out in outputs] == ["exited 0"] * 6
    assert len({(folder / n).read_bytes() for n in names}) == 1
    seen = _versions_seen(folder, names)
    # Six publishes, each replacing a different version: the original or another child's.
    assert len(seen) == 6
    assert len(set(seen)) == 6
    assert set(seen) <= {"original", *"ABCDEF"}


# --------------------------------------------------------------------------- freeze


def test_freeze_copies_every_project_file(folder):
    target = publishing.freeze(folder, dt.date(2026, 12, 10), EDITOR)
    assert target == folder / ".lagesbild" / "moten" / "2026-12-10"
    copied = {p.name: p.read_bytes() for p in target.iterdir() if p.name != "manifest.json"}
    assert copied == publishing.project_files(folder)
    assert "utfall.csv" in copied and "projekt.toml" in copied


def test_freeze_writes_a_manifest_with_meeting_who_and_hashes(folder):
    target = publishing.freeze(folder, dt.date(2026, 12, 10), EDITOR)
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["mote"], manifest["vem"]) == ("2026-12-10", "lokal användare")
    assert manifest["filer"] == [{"fil": n, "sha256": sha(d)} for n, d in publishing.project_files(folder).items()]


def test_a_frozen_meeting_is_read_only(folder):
    target = publishing.freeze(folder, dt.date(2026, 12, 10), EDITOR)
    writable = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    assert target.stat().st_mode & writable == 0
    assert [p.name for p in target.iterdir() if p.stat().st_mode & writable] == []


def test_a_frozen_meeting_does_not_change_when_the_project_does(folder, new):
    target = publishing.freeze(folder, dt.date(2026, 12, 10), EDITOR)
    before = tree_digests(target)
    publishing.publish(folder, new, "Projektledaren")
    assert tree_digests(target) == before


def test_freezing_the_same_meeting_twice_raises_publish_error(folder):
    publishing.freeze(folder, dt.date(2026, 12, 10), EDITOR)
    before = tree_digests(folder)
    with pytest.raises(publishing.PublishError, match="2026-12-10"):
        publishing.freeze(folder, dt.date(2026, 12, 10), EDITOR)
    assert tree_digests(folder) == before


def test_frozen_meetings_lists_a_new_freeze_by_date(folder):
    publishing.freeze(folder, dt.date(2025, 6, 12), EDITOR)
    assert dt.date(2025, 6, 12) in publishing.frozen_meetings(folder)


def test_a_frozen_meeting_loads_as_a_project(folder):
    target = publishing.freeze(folder, dt.date(2026, 12, 10), EDITOR)
    frozen = projects.load(target)
    assert frozen.usable
    assert frozen.rows("utfall").shape == projects.load(folder).rows("utfall").shape


# --------------------------------------------------------------------------- roles


def test_the_reference_group_may_not_read_the_history(folder):
    with pytest.raises(access.AccessDenied):
        publishing.history(folder, REFERENCE)


def test_the_reference_group_may_not_restore(folder, new):
    version = publishing.publish(folder, new, "Projektledaren")
    before = tree_digests(folder)
    with pytest.raises(access.AccessDenied):
        publishing.restore(folder, version, REFERENCE)
    assert tree_digests(folder) == before


def test_the_reference_group_may_not_freeze(folder):
    with pytest.raises(access.AccessDenied):
        publishing.freeze(folder, dt.date(2026, 12, 10), REFERENCE)
    assert not (folder / ".lagesbild" / "moten" / "2026-12-10").exists()


def test_the_reference_group_may_not_preview_an_upload(folder, new):
    project = projects.load(folder)
    with pytest.raises(access.AccessDenied):
        uploads.preview(folder, project, [("aktiviteter.csv", new["aktiviteter.csv"])], REFERENCE)


def test_the_reference_group_may_not_accept_an_upload(folder, new):
    checked = uploads.preview(folder, projects.load(folder), [("aktiviteter.csv", new["aktiviteter.csv"])], EDITOR)
    before = tree_digests(folder)
    with pytest.raises(access.AccessDenied):
        uploads.accept(folder, checked, REFERENCE)
    assert tree_digests(folder) == before


def test_the_steering_group_may_not_accept_an_upload(folder, new):
    checked = uploads.preview(folder, projects.load(folder), [("aktiviteter.csv", new["aktiviteter.csv"])], EDITOR)
    with pytest.raises(access.AccessDenied):
        uploads.accept(folder, checked, access.Access("styrgrupp", "y", "inloggning"))


# --------------------------------------------------------------------------- uploads: unpack and recognise


def test_unpack_rejects_an_exe():
    files, problems = uploads.unpack("utfall.exe", b"MZ\x90\x00" + b"\x00" * 60)
    assert files == []
    assert [(p.niva, p.fil) for p in problems] == [("fel", "utfall.exe")]


def test_unpack_rejects_a_file_over_the_size_limit(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_FILE_BYTES", 1000)
    files, problems = uploads.unpack("utfall.csv", b"Datum;Belopp\n" + b"2026-01-01;1\n" * 100)
    assert files == []
    assert [(p.niva, p.fil) for p in problems] == [("fel", "utfall.csv")]


def test_unpack_accepts_a_file_at_the_size_limit(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_FILE_BYTES", 1000)
    files, problems = uploads.unpack("utfall.csv", b"x" * 1000)
    assert (files, problems) == ([("utfall.csv", b"x" * 1000)], [])


def test_unpack_rejects_a_zip_member_over_the_size_limit(monkeypatch):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("stracket/utfall.csv", b"0" * 5000)
    monkeypatch.setattr(uploads, "MAX_FILE_BYTES", 1000)
    files, problems = uploads.unpack("projekt.zip", buffer.getvalue())
    assert files == []
    assert [(p.niva, p.fil) for p in problems] == [("fel", "projekt.zip/utfall.csv")]


def _traversal_zip(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../etc/x.csv", data)
    return buffer.getvalue()


def test_unpack_reads_a_path_traversal_member_by_its_basename_only():
    data = (STRACKET / "utfall.csv").read_bytes()
    files, problems = uploads.unpack("export.zip", _traversal_zip(data))
    assert (files, problems) == ([("x.csv", data)], [])


def test_a_path_traversal_zip_writes_nothing_outside_the_project(folder, tmp_path):
    data = (STRACKET / "utfall.csv").read_bytes() + b"2026-10-31;7010;V2026-9999;L\xf6n;1000,00\r\n"
    before = tree_digests(tmp_path)
    checked = uploads.preview(folder, projects.load(folder), [("export.zip", _traversal_zip(data))], EDITOR)
    assert checked.recognised == {"x.csv": "utfall.csv"}
    uploads.accept(folder, checked, EDITOR)
    after = tree_digests(tmp_path)
    assert {k for k in after if k not in before and "/.lagesbild/historik/" not in k} == set()
    assert (folder / "utfall.csv").read_bytes() == data
    assert not (tmp_path / "etc").exists() and not (folder / "x.csv").exists()


def test_unpack_rejects_a_fake_xlsx():
    files, problems = uploads.unpack("utfall.xlsx", (STRACKET / "utfall.csv").read_bytes())
    assert files == []
    assert [(p.niva, p.fil) for p in problems] == [("fel", "utfall.xlsx")]
    assert "Excel" in problems[0].forvantat


def test_unpack_rejects_a_zip_that_cannot_be_opened():
    files, problems = uploads.unpack("projekt.zip", b"PK\x03\x04 broken")
    assert files == []
    assert len(problems) == 1 and problems[0].is_error


def test_recognise_finds_utfall_by_its_headers_under_another_name():
    spec = uploads.recognise("export_2026-10.csv", (STRACKET / "utfall.csv").read_bytes())
    assert spec is not None and spec.stem == "utfall"


def test_recognise_finds_aktiviteter_by_its_headers_under_another_name():
    spec = uploads.recognise("export_2026-10.csv", (STRACKET / "aktiviteter.csv").read_bytes())
    assert spec is not None and spec.stem == "aktiviteter"


def test_recognise_gives_none_for_headers_of_no_export():
    assert uploads.recognise("export_2026-10.csv", b"Namn;Telefon\nAnna;070-1234567\n") is None


def test_a_preview_changes_nothing_in_the_project_folder(folder, new):
    before = tree_digests(folder)
    checked = uploads.preview(folder, projects.load(folder), [("utfall.csv", new["utfall.csv"])], EDITOR)
    assert checked.publishable
    assert tree_digests(folder) == before
