"""Shared fixtures: the repository's example projects, loaded once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.components.v2.component_manager import BidiComponentManager
from streamlit.testing.v1 import AppTest
from support import BERGSLAGET, STRACKET

from lagesbild import navigation, store
from lagesbild import project as projects


@pytest.fixture(scope="session", autouse=True)
def navigation_as_in_the_server() -> Iterator[None]:
    """Let AppTest run dashboard.py on every run, as the server does after its first request.

    A running server leaves Streamlit's old pages/ mode for good at the first st.navigation
    call (dashboard.py makes that call before any widget exists). AppTest instead resets the
    mode before each run, so every run would start in it and lose the widget change it is
    meant to test. The server's own first request is tested in a real browser.
    """
    with navigation.runs_as_in_the_server():
        yield


@pytest.fixture(scope="session", autouse=True)
def components_found_once_as_in_the_server() -> Iterator[None]:
    """Let every AppTest share one registry of installed components, as a server's sessions do.

    A server looks for installed components once, at its start; AppTest looks again for each new
    AppTest, reading the metadata of every installed package (half a second each time).
    """
    shared = BidiComponentManager()
    shared.discover_and_register_components(start_file_watching=False)
    original = AppTest.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self._bidi_component_manager = shared

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(AppTest, "__init__", init)
        yield


@pytest.fixture(scope="session", autouse=True)
def stores_outside_the_repository(tmp_path_factory) -> Iterator[None]:
    """Loading the examples and fixtures keeps their stores in a temporary folder, not in the tree.

    The store itself is tested where it lives by default, in tests/test_store.py.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(store.ENVIRONMENT, str(tmp_path_factory.mktemp("lager")))
        yield


@pytest.fixture(scope="session")
def stracket() -> Path:
    """The repository's example project data/stracket (read it, never write to it)."""
    return STRACKET


@pytest.fixture(scope="session")
def bergslaget() -> Path:
    """The repository's example association year data/bergslaget-2023."""
    return BERGSLAGET


@pytest.fixture(scope="session")
def stracket_project(stracket) -> projects.Project:
    """data/stracket loaded once for the whole session (locked: no file access); change nothing in it."""
    return projects.load(stracket)


@pytest.fixture(scope="session")
def bergslaget_project(bergslaget) -> projects.Project:
    return projects.load(bergslaget)
