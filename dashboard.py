"""Lägesbild: page config, the shared controls (project, report date, language) and navigation."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from lagesbild import access, catalog, formatting, i18n, navigation, ui, widget_texts
from lagesbild.project import Project

st.set_page_config(page_title="Lägesbild", page_icon=":material/monitoring:", layout="wide")


def _from_url(name: str) -> str | None:
    value = st.query_params.get(name)
    return value if isinstance(value, str) else None


def _language() -> str:
    if "lang" not in st.session_state:
        st.session_state.lang = _from_url("lang") if _from_url("lang") in i18n.LANGUAGES else "sv"
    return st.sidebar.segmented_control(
        i18n.t("control.language", st.session_state.lang),
        i18n.LANGUAGES,
        key="lang",
        format_func=lambda code: {"sv": "Svenska", "en": "English"}[code],
        required=True,
    )


def _project(ids: list[str], lang: str) -> str:
    if st.session_state.get(ui.SWITCH_KEY) in ids:
        st.session_state.projekt = st.session_state.pop(ui.SWITCH_KEY)
    if "projekt" not in st.session_state:
        wanted = _from_url("projekt")
        st.session_state.projekt = wanted if wanted in ids else catalog.newest(catalog.data_dir(), ids)
    if len(ids) == 1:
        return ids[0]
    names = ui.short_names(ids)
    return st.sidebar.selectbox(i18n.t("control.project", lang), ids, key="projekt", format_func=names.get)


def _report_date(project_id: str, project: Project, lang: str) -> dt.date | None:
    default, meta = project.rapportdatum, project.meta
    if default is None or meta is None:
        return None
    key = f"rapportdatum_{project_id}"
    if key not in st.session_state:
        # A date in the address belongs to the project named there, not to one chosen afterwards.
        wanted = _from_url("rapportdatum") if _from_url("projekt") == project_id else None
        try:
            asked = dt.date.fromisoformat(wanted or "")
        except ValueError:
            asked = default
        # A date far outside the period (year 20260) breaks the exports; the period's edge is meant.
        shown = min(max(asked, meta.start), meta.slut)
        if shown != asked:
            st.session_state[f"{key}_clamped"] = (asked, shown)
        st.session_state[key] = shown
    clamped = st.session_state.get(f"{key}_clamped")
    if clamped and clamped[1] == st.session_state[key]:
        st.sidebar.warning(
            i18n.t(
                "control.report_date_clamped",
                lang,
                asked=clamped[0].isoformat(),
                start=meta.start.isoformat(),
                slut=meta.slut.isoformat(),
                shown=clamped[1].isoformat(),
            )
        )
    return st.sidebar.date_input(
        i18n.t("control.report_date", lang), key=key, format="YYYY-MM-DD", help=i18n.t("control.report_date_help", lang)
    )


def _sidebar_access(granted: access.Access, lang: str) -> None:
    if granted.mode == "lokal":
        st.sidebar.info(i18n.t("access.local", lang), icon=":material/lock_open:")
        return
    st.sidebar.caption(i18n.t("access.role", lang, role=i18n.t(f"role.{granted.role}", lang)))
    if granted.mode == "inloggning":
        st.sidebar.button(i18n.t("access.logout", lang), on_click=st.logout)


def main() -> None:
    navigation.leave_pages_folder_mode()
    lang = _language()
    formatting.use(lang)
    if css := widget_texts.style(lang):
        st.html(css)
    granted = ui.session_access(lang)
    if granted is None:
        st.navigation([st.Page(lambda: None, title=i18n.t("app.title", lang))], position="hidden").run()
        return
    _sidebar_access(granted, lang)
    ids = [i for i in catalog.project_ids(catalog.data_dir()) if granted.may_open(i)]
    if not ids:
        # Only the person running it locally needs to see where the app looked.
        folder = str(catalog.data_dir()) if granted.mode == "lokal" else "–"
        st.error(i18n.t("no_projects", lang, folder=folder))
        st.navigation([st.Page(lambda: None, title=i18n.t("app.title", lang))]).run()
        return
    project_id = _project(ids, lang)
    folder = ui.project_folder(project_id)
    fingerprint = catalog.fingerprint(folder)
    project = ui.cached_project(str(folder), fingerprint)
    rapportdatum = _report_date(project_id, project, lang)
    st.session_state[ui.CONTEXT_KEY] = ui.Context(str(folder), fingerprint, rapportdatum, lang, granted)
    st.query_params.update(
        {"projekt": project_id, "lang": lang, **({"rapportdatum": rapportdatum.isoformat()} if rapportdatum else {})}
    )
    shown = {url for _, _, url, _ in navigation.PAGES if granted.may_see_page(url)}
    if not project.usable or ui.cached_frame(str(folder), fingerprint, "members", rapportdatum, ()).empty:
        shown.discard("medlemmar")
    if len(ids) < 2:
        shown.discard("portfolj")
    st.navigation(navigation.pages(lang, shown), expanded=True).run()


main()
