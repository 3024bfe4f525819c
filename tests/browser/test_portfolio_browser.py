"""Switching projects from the Portfölj page in a real browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_selecting_a_row_in_the_portfolio_opens_that_projects_overview(dashboard, page, artifacts):
    page.goto(f"{dashboard(None)}/portfolj")
    expect(page.locator("h1")).to_have_text("Portfölj", timeout=60_000)
    grid = page.locator("[data-testid=stDataFrame]").first
    expect(grid).to_be_visible(timeout=60_000)
    box = grid.bounding_box()
    # The grid is drawn on a canvas: click the selection box at the left of the first data row
    # (Bergslaget 2023; rows are sorted by project id), one row height below the header.
    page.mouse.click(box["x"] + 12, box["y"] + 35 + 17)
    expect(page.locator("h1")).to_have_text("Översikt", timeout=60_000)
    expect(page.get_by_text(re.compile(r"Intresseföreningen Bergslaget"))).to_be_visible()
    expect(page.locator("[data-testid=stMetricValue]").first).to_have_text("1\u00a0000\u00a0000\u00a0kr")
    page.screenshot(path=str(artifacts / "screenshots" / "portfolj-till-bergslaget.png"))
