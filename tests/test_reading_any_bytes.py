"""No byte sequence makes a reading path raise: the loader, validate and the upload preview return problems."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import FIXTURES, MINIMAL, write_project

from lagesbild import access, project, uploads

REAL = [FIXTURES / "sie" / "transaktioner_ovnbolag.se"]
SEEDS = [
    MINIMAL["utfall.csv"].encode("utf-8"),
    MINIMAL["utfall.csv"].encode("cp1252"),
    MINIMAL["utfall.csv"].encode("utf-16"),
    REAL[0].read_bytes()[:6000],
]


@st.composite
def mutated(draw) -> bytes:
    """A real export with bytes flipped, inserted, deleted or cut off."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "insert", "delete", "cut"]))
        if action == "flip":
            data[at] = draw(st.integers(0, 255))
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif action == "delete":
            del data[at : at + draw(st.integers(1, 8))]
        else:
            del data[at:]
    return bytes(data)


ANY_BYTES = st.one_of(st.binary(max_size=400), mutated())
# Names the ledger may have: each sends the bytes down another path (CSV, SIE by name, SIE by content).
NAMES = st.sampled_from(["utfall.csv", "utfall.se", "utfall.sie"])


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    return write_project(tmp_path_factory.mktemp("bytes"), utfall=None)


@pytest.fixture(scope="module")
def current(tmp_path_factory) -> tuple[Path, project.Project]:
    """The minimal project, loaded once: a preview reads its folder and writes nothing there."""
    folder = write_project(tmp_path_factory.mktemp("current"))
    return folder, project.load(folder)


def _folder_with(base: Path, name: str, data: bytes) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="lagesbild-test-")) / "projekt"
    shutil.copytree(base, folder)
    (folder / name).write_bytes(data)
    return folder


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=ANY_BYTES, name=NAMES)
def test_loading_any_bytes_as_the_ledger_returns_problems(base, data, name):
    folder = _folder_with(base, name, data)
    try:
        loaded = project.load(folder)
    finally:
        shutil.rmtree(folder.parent)
    assert isinstance(loaded.problems, list)


@settings(max_examples=25, deadline=None)
@given(data=ANY_BYTES, name=st.sampled_from(["utfall.csv", "huvudbok.csv", "export.se", "budget.csv"]))
def test_previewing_any_bytes_as_an_upload_returns_problems(current, data, name):
    folder, loaded = current
    checked = uploads.preview(folder, loaded, [(name, data)], access.LOCAL)
    assert isinstance(checked.problems, list)
