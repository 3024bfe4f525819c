"""Shared Streamlit plumbing: cached projects and queries, shared controls, safe tables."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

import pandas as pd
import plotly.graph_objects as go
import plotly.io
import pyarrow as pa
import streamlit as st
from streamlit.elements.lib.column_types import ColumnWidth

from lagesbild import access, catalog, changes, columns, formatting, i18n, overview, publishing
from lagesbild.problems import Problem
from lagesbild.project import Project
from lagesbild.project import load as load_project

CONTEXT_KEY = "lagesbild_context"


@dataclass(frozen=True)
class Context:
    """What every page needs: the chosen project, its fingerprint, the report date, the language."""

    folder: str
    fingerprint: str
    rapportdatum: dt.date | None
    lang: str
    access: access.Access = access.LOCAL

    @property
    def project(self) -> Project:
        return cached_project(self.folder, self.fingerprint)

    def frame(self, name: str, **params) -> pd.DataFrame:
        """queries/<name>.sql as of the report date, cached per project version and date."""
        if not self.access.may_query(name):
            raise access.AccessDenied("role_query", role=self.access.role, query=name)
        return cached_frame(self.folder, self.fingerprint, name, self.rapportdatum, tuple(sorted(params.items())))

    def problems(self) -> list[Problem]:
        """The validation report, which quotes cell values: not for every role."""
        self.access.require(access.QUALITY)
        return self.project.problems

    def notes(self) -> list[Problem]:
        """What the ledger left out, with counts and sums: as the validation report, not for every role."""
        self.access.require(access.QUALITY)
        return self.project.notes

    def t(self, key: str, **values) -> str:
        return i18n.t(key, self.lang, **values)

    def status(self, value: str) -> str:
        return i18n.status(value, self.lang)


@st.cache_resource(max_entries=16, show_spinner=False)
def cached_project(folder: str, fingerprint: str) -> Project:
    """One loaded project per folder version; a new fingerprint loads it again."""
    return load_project(Path(folder))


T = TypeVar("T")


class Kept:
    """Values kept in this process for every session, under small hashable keys; beyond max_entries
    the least recently used go.

    Not st.cache_resource: it hashes every argument anew on each call, a quarter to half a
    millisecond, and a page asks for its frames, figures and tables a dozen times a rerun.
    """

    def __init__(self, max_entries: int) -> None:
        self.max_entries = max_entries
        self._values: OrderedDict[tuple, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple, make: Callable[[], T]) -> T:
        """The value kept under key, made by make() the first time (two sessions may both make it)."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = make()
        with self._lock:
            self._values[key] = value
            while len(self._values) > self.max_entries:
                self._values.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()


# Kept as they are, not pickled: st.cache_data unpickles a copy on every call, and a frame holding
# lists (the thousands of late activities a verdict counts) takes longer to unpickle than a rerun may.
FRAMES = Kept(2048)


def cached_frame(folder: str, fingerprint: str, name: str, rapportdatum: dt.date | None, params: tuple) -> pd.DataFrame:
    """queries/<name>.sql, kept, as a copy of its own: with copy-on-write, changing it leaves the kept
    one as it was."""
    kept = FRAMES.get(
        (folder, fingerprint, name, rapportdatum, params),
        lambda: cached_project(folder, fingerprint).frame(name, rapportdatum, **dict(params)),
    )
    return kept.copy(deep=False)


@st.cache_data(max_entries=64, show_spinner=False)
def _cached_changes(
    folder: str, fingerprint: str, rapportdatum: dt.date, frozen: tuple[dt.date, ...]
) -> changes.SinceLastMeeting | None:
    project = cached_project(folder, fingerprint)
    meeting = overview.last_meeting(project.metadata.styrgruppsmoten, rapportdatum)
    return changes.against_frozen(
        project, meeting, rapportdatum, lambda snapshot: cached_project(str(snapshot), catalog.fingerprint(snapshot))
    )


def since_last_meeting(ctx: Context) -> changes.SinceLastMeeting | None:
    """Today's data against the picture frozen for the last meeting before the report date."""
    # The frozen meetings are part of the key: freezing one changes no file the fingerprint covers.
    frozen = tuple(publishing.frozen_meetings(Path(ctx.folder)))
    return _cached_changes(ctx.folder, ctx.fingerprint, ctx.project.as_of(ctx.rapportdatum), frozen)


@st.cache_data(max_entries=4096, show_spinner=False)
def _portfolio_line(folder: str, fingerprint: str) -> dict:
    from lagesbild import portfolio

    return portfolio.line(Path(folder))


def portfolio_line(project_id: str) -> dict:
    """The portfolio line of a project, cached per version of its files."""
    folder = project_folder(project_id)
    return _portfolio_line(str(folder), catalog.fingerprint(folder))


SWITCH_KEY = "lagesbild_open_project"


def open_project(project_id: str) -> None:
    """Show another project's overview; dashboard.py applies the choice before its picker exists."""
    st.session_state[SWITCH_KEY] = project_id
    st.switch_page("pages/oversikt.py")


ACCESS_KEY = "lagesbild_access"


def _secrets() -> dict:
    try:
        return st.secrets.to_dict()
    except Exception:  # no secrets.toml at all: local mode
        return {}


def session_access(lang: str) -> access.Access | None:
    """This session's access, or None after telling the user how to get in."""
    secrets = _secrets()
    if not access.configured(secrets):
        return access.LOCAL
    now = dt.datetime.now(dt.UTC)
    token = st.query_params.get(access.LINK_PARAM)
    if isinstance(token, str):
        # The key leaves the address bar at once, so it is not bookmarked or shared further; a signed,
        # expiring ticket takes its place, so that a reload keeps the role for a while.
        del st.query_params[access.LINK_PARAM]
        granted = access.from_link(secrets, token, now.date())
        if granted is None:
            st.session_state.pop(ACCESS_KEY, None)
            st.query_params.pop(access.TICKET_PARAM, None)  # a wrong key ends what an older ticket gave
            st.error(i18n.t("access.bad_link", lang))
            return None
        st.session_state[ACCESS_KEY] = granted
        st.query_params[access.TICKET_PARAM] = access.ticket(granted, now)
    elif st.session_state.get(ACCESS_KEY) is None and isinstance(
        offered := st.query_params.get(access.TICKET_PARAM), str
    ):
        granted = access.from_ticket(secrets, offered, now)
        if granted is None:
            del st.query_params[access.TICKET_PARAM]
            st.error(i18n.t("access.bad_ticket", lang))
            return None
        st.session_state[ACCESS_KEY] = granted
    current = st.session_state.get(ACCESS_KEY)
    if current is not None and current.mode == "lank":
        # A rotated, removed or expired link ends open sessions too, not only new ones.
        again = access.from_link_hash(secrets, current.link_hash or "", now.date())
        if again is None:
            st.session_state.pop(ACCESS_KEY, None)
            st.query_params.pop(access.TICKET_PARAM, None)
            st.error(i18n.t("access.bad_link", lang))
            return None
        st.session_state[ACCESS_KEY] = again
        if access.TICKET_PARAM not in st.query_params:  # a page switch may have dropped it
            st.query_params[access.TICKET_PARAM] = access.ticket(again, now)
        return again
    if "auth" not in secrets:
        st.info(i18n.t("access.need_login", lang))
        return None
    if not st.user.is_logged_in:
        st.info(i18n.t("access.need_login", lang))
        st.button(i18n.t("access.login", lang), on_click=st.login, type="primary")
        return None
    user = st.user.to_dict()
    if access.token_expired(user, dt.datetime.now(dt.UTC)):
        st.logout()
        return None
    granted = access.from_login(secrets, user)
    if granted is None:
        st.error(i18n.t("access.denied", lang))
        st.button(i18n.t("access.logout", lang), on_click=st.logout)
        return None
    st.session_state[ACCESS_KEY] = granted
    return granted


def context() -> Context:
    """The context that dashboard.py put in the session for this run."""
    from lagesbild import navigation

    navigation.leave_pages_folder_mode()  # a page file run alone, without dashboard.py
    return st.session_state[CONTEXT_KEY]


@st.cache_data(max_entries=16, show_spinner=False)
def _short_names(folder: str, stamps: tuple[tuple[str, int], ...]) -> dict[str, str]:
    return {project_id: catalog.short_name(Path(folder), project_id) for project_id, _ in stamps}


def short_names(ids: list[str]) -> dict[str, str]:
    """Each project's kortnamn, read again only when a projekt.toml changes."""
    folder = catalog.data_dir()
    stamps = tuple((i, (folder / i / "projekt.toml").stat().st_mtime_ns) for i in ids)
    return _short_names(str(folder), stamps)


def project_folder(project_id: str) -> Path:
    return catalog.data_dir() / project_id


def display_frame(df: pd.DataFrame, spec: columns.Spec, ctx: Context) -> pd.DataFrame:
    """The columns of df, written out, under translated headers (with a total row when the spec has one)."""
    # One frame from whole columns: adding them one at a time costs more than writing the cells.
    return pd.DataFrame(_cells(df, spec, ctx))


def _cells(df: pd.DataFrame, spec: columns.Spec, ctx: Context) -> dict[str, list[str]]:
    """The columns of df written out as the reader's language writes them, under translated headers."""
    return {ctx.t(c.label): texts for c, texts in zip(spec, columns.cells(df, spec, ctx.lang), strict=True)}


# The same lists for every session that shows the table: read, never changed.
CELLS = Kept(1024)


# The data grid's own measures: a one-line row, a header, a line of wrapped 14-pixel text, a character.
ROW_HEIGHT, HEADER_HEIGHT, LINE_HEIGHT, CHAR_WIDTH = 35, 38, 19, 6.6
# The grid wraps text only in rows taller than 4 rem.
WRAPPING_ROW_HEIGHT = 65
WIDTH_PIXELS = {"small": 75, "medium": 200, "large": 400}
# Up to this many rows a table is shown whole, without a scrollbar of its own.
WHOLE_ROWS = 40


def _row_height(shown: dict[str, list[str]], widths: dict[str, int]) -> int:
    """Tall enough for the longest wrapped text: lines = characters / characters per line of its column."""
    lines = 1
    for header, width in widths.items():
        per_line = max(int((width - 18) / CHAR_WIDTH), 1)
        longest = max((len(str(v)) for v in shown[header]), default=0)
        lines = max(lines, -(-longest // per_line))
    return ROW_HEIGHT if lines == 1 else max(WRAPPING_ROW_HEIGHT, lines * LINE_HEIGHT + 14)


def table(
    df: pd.DataFrame | Callable[[], pd.DataFrame],
    spec: columns.Spec,
    ctx: Context,
    key: str | None = None,
    height: int | Literal["auto", "stretch", "content"] = "auto",
    widths: dict[str, ColumnWidth] | None = None,
    wrap: bool = False,
    kept: dict | None = None,
) -> None:
    """Data as a read-only table: values go through st.dataframe, never through Markdown.

    Figures are right-aligned so that their digits line up; widths gives a column ("small",
    "medium", "large" or pixels) the room its texts need. kept, when the rows are decided by the
    project version, the report date, key and these values alone: the cells are written once and kept
    (and df, given as a function, is made only then). A spec with totals adds a total row.
    """
    config = {}
    for c in spec:
        header = ctx.t(c.label)
        config[header] = st.column_config.TextColumn(
            header, width=(widths or {}).get(c.field), alignment="right" if c.kind in columns.NUMERIC else "left"
        )

    def write() -> dict[str, list[str]]:
        return _cells(df if isinstance(df, pd.DataFrame) else df(), spec, ctx)

    if kept is None or key is None:
        cells = write()
    else:
        identity = (ctx.folder, ctx.fingerprint, ctx.rapportdatum, ctx.lang, key, spec)
        cells = CELLS.get((*identity, tuple(sorted(kept.items()))), write)
    labels = {c.field: c.label for c in spec}
    pixels = {
        ctx.t(labels[c]): WIDTH_PIXELS[w] if isinstance(w, str) else w for c, w in (widths or {}).items() if c in labels
    }
    if not next(iter(cells.values()), []):
        # Streamlit's own empty grid says "empty" in English; say it in the reader's language instead.
        st.caption(ctx.t("table.no_rows"))
        return
    row_height = _row_height(cells, pixels) if wrap else ROW_HEIGHT
    # Text as an Arrow table goes to the browser as it is; a pandas frame of text is converted first,
    # column by column, which costs more than writing the cells.
    shown = pa.table({header: pa.array(texts, pa.string()) for header, texts in cells.items()})
    if height == "auto" and shown.num_rows <= WHOLE_ROWS:
        height = HEADER_HEIGHT + row_height * max(shown.num_rows, 1) + 2
    st.dataframe(
        shown, hide_index=True, key=key, height=height, column_config=config, row_height=row_height if wrap else None
    )


# A table longer than this is shown a page at a time: the browser is sent one page, not every row.
PAGE_ROWS = 100


def paged_table(ctx: Context, name: str, params: dict, spec: columns.Spec, key: str) -> None:
    """queries/<name>.sql a page at a time (its $sida and $per_sida; its antal_matchande says how many
    rows there are in all), with the page to show chosen in a number field above the table."""
    first = ctx.frame(name, **params, sida=1, per_sida=PAGE_ROWS)
    total = int(first.antal_matchande.iloc[0]) if len(first) else 0
    pages = max(-(-total // PAGE_ROWS), 1)
    page = 1
    if pages > 1:
        page = int(
            st.number_input(ctx.t("table.page"), min_value=1, max_value=pages, value=1, step=1, key=f"{key}_sida")
        )
    rows = first if page == 1 else ctx.frame(name, **params, sida=page, per_sida=PAGE_ROWS)
    if pages > 1:
        st.text(
            ctx.t(
                "table.rows",
                first=formatting.number((page - 1) * PAGE_ROWS + 1),
                last=formatting.number((page - 1) * PAGE_ROWS + len(rows)),
                m=formatting.number(total),
            )
        )
    table(rows, spec, ctx, key=key, kept={"query": name, **params, "sida": page})


def bar_table(df: pd.DataFrame, spec: columns.Spec, bars: columns.Spec, ctx: Context, key: str) -> None:
    """A table whose bars columns hold shares 0–1 drawn as bars in their cells."""
    shown = display_frame(df, spec, ctx)
    config: dict = {
        ctx.t(c.label): st.column_config.TextColumn(
            ctx.t(c.label), alignment="right" if c.kind in columns.NUMERIC else "left"
        )
        for c in spec
    }
    for c in bars:
        header = ctx.t(c.label)
        # Whole percent: the cell's own format cannot write a decimal comma.
        bar = [None if formatting.missing(v) else round(float(v) * 100) for v in df[c.field]]
        shown[header] = bar + [None] * (len(shown) - len(bar))  # the total row has no bar
        config[header] = st.column_config.ProgressColumn(header, min_value=0, max_value=100, format="%d %%", width=140)
    st.dataframe(shown, hide_index=True, key=key, column_config=config)


def focus_id(param: str) -> str | None:
    """The Id the address names (?<param>=Id, a link from Översikt), if it names one."""
    wanted = st.query_params.get(param)
    return wanted if isinstance(wanted, str) else None


def focus_banner(ctx: Context, wanted: str, page: str) -> None:
    """Say that one row alone is shown, with a way back to all."""
    with st.container(horizontal=True, vertical_alignment="center"):
        st.text(ctx.t("filter.showing", id=wanted))
        st.page_link(page, label=ctx.t("filter.show_all"), icon=":material/filter_alt_off:")


def focus(ctx: Context, df: pd.DataFrame, param: str, page: str) -> pd.DataFrame:
    """Only the row whose Id the address names (?<param>=Id, a link from Översikt), with a way back to all."""
    wanted = focus_id(param)
    if wanted is None:
        return df
    chosen = df[df.id.astype(str) == wanted]
    if chosen.empty:
        return df
    focus_banner(ctx, wanted, page)
    return chosen


class DrawnFigure(go.Figure):
    """A kept figure, never changed once built: the dictionary st.plotly_chart asks it for on every
    rerun, which Plotly deep-copies, template and all (a millisecond or more a chart), is made once."""

    _drawn: dict | None = None

    def to_dict(self) -> dict:
        if self._drawn is None:
            # As its JSON has it: plain values, which orjson writes at once; a date or a Timestamp
            # anywhere sends Plotly through its slow path of cleaning every value first.
            self._drawn = json.loads(plotly.io.to_json(super().to_dict(), validate=False))
        return self._drawn


def _drawn(figure: go.Figure) -> go.Figure:
    figure.__class__ = DrawnFigure  # the same figure, from now on asked for its dictionary once
    return figure


# What a page makes from its frames, kept per project version, report date, language and filters:
# building a Plotly figure, or splitting a frame with pandas, takes longer than a rerun may.
KEPT = Kept(1024)


def kept(ctx: Context, key: str, make: Callable[[], T], filters: dict | None = None) -> T:
    """make(), made once per project version, report date, language and filters, and kept (the same
    object for every session, never to be changed).

    key names the value on its page; filters is whatever else decides it (the page's choices, the Id
    of the row it draws): make must read nothing else that changes. make is given the frames the page
    fetched, not left to fetch them, so that the role's access is checked on every run.
    """
    identity = (ctx.folder, ctx.fingerprint, ctx.rapportdatum, ctx.lang, key, tuple(sorted((filters or {}).items())))
    return KEPT.get(identity, make)


def cached_figure(ctx: Context, key: str, build: Callable[[], go.Figure], filters: dict | None = None) -> go.Figure:
    """build(), kept as kept() keeps a value; st.plotly_chart only reads it."""
    return kept(ctx, key, lambda: _drawn(build()), filters)


def chart(figure: go.Figure, key: str) -> None:
    """A Plotly figure in our own layout (large fonts for a projector), not Streamlit's chart theme."""
    st.plotly_chart(figure, key=f"{key}_chart", theme=None, config={"displaylogo": False})


def chart_with_table(
    build: Callable[[], go.Figure],
    df: pd.DataFrame | Callable[[], pd.DataFrame],
    spec: columns.Spec,
    ctx: Context,
    key: str,
    filters: dict | None = None,
) -> None:
    """A chart, and the numbers behind it one click away: the figure and the table's cells are made
    once and kept, as cached_figure keeps a figure, so df too must be decided by key and filters."""
    chart(cached_figure(ctx, key, build, filters), key)
    with st.expander(ctx.t("show_table")):
        table(df, spec, ctx, key=f"{key}_table", kept=filters or {})


def data_banner(ctx: Context) -> bool:
    """Say on every page when the data has errors; False when nothing can be shown."""
    project = ctx.project
    if not project.usable:
        st.error(ctx.t("unusable"))
        return False
    if project.errors:
        st.warning(ctx.t("data_errors_banner", n=len(project.errors)))
    return True


def page_header(ctx: Context, title_key: str) -> bool:
    """Title, project name and period; False when the project cannot be shown."""
    st.title(ctx.t(title_key))
    project = ctx.project
    if project.meta is not None:
        meta = project.meta
        st.text(
            f"{meta.namn}\n{ctx.t('period')} {meta.start} – {meta.slut} · "
            f"{ctx.t('control.report_date')} {formatting.date(ctx.rapportdatum)}"
        )
    return data_banner(ctx)


def since_metrics(ctx: Context, meeting: dt.date, since: changes.SinceLastMeeting | None) -> None:
    """Four figures on what happened since the meeting: from its frozen picture, else by date."""
    cols = st.columns(4)
    if since is None:
        dated = ctx.frame("changes_since", sedan=meeting).iloc[0]
        figures = (
            ("since.costs", formatting.kr(dated.kostnader_kr)),
            ("since.values", formatting.number(dated.nya_indikatorvarden)),
            ("since.finished", formatting.number(dated.avslutade_aktiviteter)),
            ("since.influence", formatting.number(dated.nya_paverkansinsatser)),
        )
    else:
        figures = (
            ("since.costs", formatting.kr(since.costs_kr)),
            ("since.values", formatting.number(len(since.indicator_values_added))),
            ("since.activity_changes", formatting.number(len(since.activity_status_changes))),
            ("since.efforts_added", formatting.number(len(since.efforts_added))),
        )
    for column, (label, value) in zip(cols, figures, strict=True):
        column.metric(ctx.t(label), value)


def _pdf(project: Project, r: dt.date, meeting: dt.date, lang: str) -> bytes:
    # Imported on click: the PDF and Excel libraries take most of a second to load.
    from lagesbild import report

    return report.meeting_pack(project, r, meeting, lang)


def _workbook(project: Project, r: dt.date, lang: str) -> bytes:
    from lagesbild import exports

    return exports.excel_bytes(exports.meeting_tables(project, r, lang))


def open_decisions(ctx: Context, key: str, width: int) -> None:
    """The open decisions as one table wherever they are shown, or a line saying there are none."""
    frame = ctx.frame("open_decisions")
    if frame.empty:
        st.text(ctx.t("overview.no_decisions"))
        return
    table(frame, columns.OPEN_DECISIONS, ctx, key=key, widths={"beslut": width}, wrap=True)


def problems_table(ctx: Context, found: list[Problem], spec: columns.Spec, key: str) -> None:
    """Problems or notes as a table, each written in the reader's language."""
    table(pd.DataFrame([p.as_dict(ctx.lang) for p in found]), spec, ctx, key=key)


def meeting_pack_downloads(ctx: Context) -> None:
    """The PDF meeting pack and the Excel workbook of every table, made only when clicked."""
    project, lang = ctx.project, ctx.lang
    r = project.as_of(ctx.rapportdatum)
    meeting = overview.next_meeting(project.metadata.styrgruppsmoten, r)
    st.subheader(ctx.t("pack.title"))
    cols = st.columns(2)
    cols[0].download_button(
        ctx.t("pack.pdf"),
        data=lambda: _pdf(project, r, meeting, lang),
        file_name=f"{project.id}-motesunderlag-{meeting.isoformat()}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        key="pack_pdf",
    )
    cols[1].download_button(
        ctx.t("pack.excel"),
        data=lambda: _workbook(project, r, lang),
        file_name=f"{project.id}-tabeller-{r.isoformat()}.xlsx",
        icon=":material/table:",
        key="pack_excel",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
