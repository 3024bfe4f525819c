"""The pages of the dashboard: file, title, address and icon."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from unittest import mock

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

DEFAULT = "oversikt"


def pages(lang: str, shown: set[str]) -> list[st.Page]:
    """The st.Page objects of the pages whose address is in shown; Översikt is the default.

    An address typed into the browser that names none of them gets a hidden page of its own that says so
    in lang, where Streamlit would show its own English "Page not found".
    """
    found = [
        st.Page(path, title=i18n.t(key, lang), url_path=url, icon=icon, default=url == DEFAULT)
        for path, key, url, icon in PAGES
        if url in shown
    ]
    asked = _typed_address()
    if not asked or "/" in asked or asked in shown:
        return found

    def not_found() -> None:
        st.warning(i18n.t("page.not_found_text", lang, address=asked), icon=":material/explore_off:")

    found.append(st.Page(not_found, title=i18n.t("page.not_found", lang), url_path=asked, visibility="hidden"))
    return found


def _typed_address() -> str | None:
    """The page address typed into the browser, while the session is on it; None on any other page.

    A typed address arrives as a name; the reruns after it (our own, widgets) name the page by its id, so the
    name is kept in the session to know the page again.
    """
    from streamlit.runtime.scriptrunner import get_script_run_ctx
    from streamlit.util import calc_hash

    ctx = get_script_run_ctx()
    if ctx is None:
        return None
    manager = ctx.pages_manager
    if not manager.intended_page_script_hash:
        asked = (manager.intended_page_name or "").strip().strip("/") or None
        if asked == DEFAULT:
            # The default page is served at the bare address; Streamlit knows it by no name, so ask for none.
            manager.set_script_intent("", "")
            asked = None
        st.session_state[_ASKED_KEY] = asked
        return asked
    asked = st.session_state.get(_ASKED_KEY)
    return asked if asked and calc_hash(asked) == manager.intended_page_script_hash else None


_ASKED_KEY = "navigation_typed_address"


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


@contextmanager
def runs_as_in_the_server() -> Iterator[None]:
    """Within the block, every AppTest run goes through dashboard.py, as the server's runs do after the first.

    The server leaves the pages/ folder mode for good at its first st.navigation call (see
    leave_pages_folder_mode). AppTest makes a new PagesManager for each run, which would start in that
    mode again, run the page file alone and lose the widget change the run is meant to show.
    """
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self, *args, **kwargs) -> None:
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    with mock.patch.object(PagesManager, "__init__", init):
        yield
