"""Shared fixtures: the repository's example projects, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import BERGSLAGET, STRACKET

from lagesbild import project as projects


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
