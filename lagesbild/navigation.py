"""The pages of the dashboard: file, title, address and icon."""

from __future__ import annotations

import streamlit as st

from lagesbild import i18n

PAGES = (
    ("pages/oversikt.py", "page.overview", "oversikt", ":material/dashboard:"),
    ("pages/mal.py", "page.goals", "mal", ":material/flag:"),
    ("pages/ekonomi.py", "page.economy", "ekonomi", ":material/payments:"),
    ("pages/rapport.py", "page.claim", "rapport", ":material/request_quote:"),
    ("pages/aktiviteter.py", "page.activities", "aktiviteter", ":material/view_timeline:"),
    ("pages/paverkan.py", "page.influence", "paverkan", ":material/campaign:"),
    ("pages/motesplatser.py", "page.meetings", "motesplatser", ":material/groups:"),
    ("pages/risker.py", "page.risks", "risker", ":material/warning:"),
    ("pages/sedan.py", "page.since", "sedan", ":material/update:"),
    ("pages/medlemmar.py", "page.members", "medlemmar", ":material/diversity_3:"),
    ("pages/portfolj.py", "page.portfolio", "portfolj", ":material/view_list:"),
    ("pages/datakvalitet.py", "page.quality", "datakvalitet", ":material/fact_check:"),
    ("pages/uppdatera.py", "page.upload", "uppdatera", ":material/upload_file:"),
    ("pages/historik.py", "page.history", "historik", ":material/history:"),
)


def pages(lang: str, shown: set[str]) -> list[st.Page]:
    """The st.Page objects of the pages whose address is in shown; Översikt is the default."""
    return [
        st.Page(path, title=i18n.t(key, lang), url_path=url, icon=icon, default=url == "oversikt")
        for path, key, url, icon in PAGES
        if url in shown
    ]


def leave_pages_folder_mode() -> None:
    """Make sure this run is one of st.navigation's, not of Streamlit's old pages/ discovery.

    Until st.navigation is first called after the server starts, Streamlit runs a pages/ folder
    the old way: a link straight to a page runs that file alone, and widgets made in that first
    run get other ids than in later runs, so the first click is lost. Calling st.navigation
    with the real pages ends that mode; the rerun then goes through dashboard.py as usual.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        st.navigation(pages("sv", {url for _, _, url, _ in PAGES}), position="hidden")
        st.rerun()
