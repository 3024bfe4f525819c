"""Påverkansarbete: influence efforts by status, level and channel; deadlines, overdue, outcomes."""

import streamlit as st

from lagesbild import charts, columns, overview, ui

BY_LEVEL = (
    columns.Column("niva", "col.level", columns.TEXT),
    columns.Column("kanal", "col.channel", columns.TEXT),
    columns.Column("antal", "col.count", columns.INT),
)
OUTCOMES = (
    columns.Column("resultat", "col.outcome", columns.STATUS),
    columns.Column("antal", "col.count", columns.INT),
)
CO_SIGNERS = (
    columns.Column("finansiar", "col.financier", columns.TEXT),
    columns.Column("antal", "col.count", columns.INT),
)
EVERY_COLUMN = columns.pick(
    columns.INFLUENCE_EFFORTS,
    "id fraga mottagare niva kanal status datum sista_svarsdag dagar_till_svarsdag ansvarig nasta_steg resultat"
    " medundertecknare",
)

ctx = ui.context()
if ui.page_header(ctx, "page.influence"):
    efforts = ctx.frame("influence_efforts", kommande_dagar=overview.UPCOMING_DAYS)
    counts = ctx.frame("influence_counts_by_status")
    left, right = st.columns(2)
    with left:
        ui.chart_with_table(
            lambda: charts.status_bars(counts, ctx.status, ctx.t("influence.pipeline")),
            counts,
            columns.INFLUENCE_COUNTS,
            ctx,
            key="paverkan_pipeline",
        )
    with right:
        by_level = ctx.frame("influence_counts_by_level_and_channel")
        ui.chart_with_table(
            lambda: charts.bars_by_series(by_level, "niva", "kanal", "antal", ctx.t("influence.by_level")),
            by_level,
            BY_LEVEL,
            ctx,
            key="paverkan_level",
        )
    efforts = ui.focus(ctx, efforts, "paverkan_id", "pages/paverkan.py")
    # The tables below are decided by the project version, date, language and the one effort named.
    shown = {"fokus": ui.focus_id("paverkan_id")}
    # Each table keeps the columns its question needs, so that the next step fits beside the issue.
    widths: dict = {"fraga": 230, "nasta_steg": 230, "mottagare": 170, "ansvarig": 110}
    st.subheader(ctx.t("upcoming", days=overview.UPCOMING_DAYS))
    upcoming = ui.kept(ctx, "paverkan_upcoming", lambda: efforts[efforts.kommande], shown)
    if upcoming.empty:
        st.text(ctx.t("influence.none"))
    else:
        ui.table(
            upcoming,
            columns.pick(columns.INFLUENCE_EFFORTS, "id fraga datum sista_svarsdag ansvarig nasta_steg"),
            ctx,
            key="paverkan_deadlines",
            widths=widths,
            wrap=True,
            kept=shown,
        )
    st.subheader(ctx.t("influence.overdue"))
    overdue = ui.kept(ctx, "paverkan_overdue", lambda: efforts[efforts.forsenad], shown)
    if overdue.empty:
        st.text(ctx.t("influence.none"))
    else:
        ui.table(
            overdue,
            columns.pick(columns.INFLUENCE_EFFORTS, "id fraga status datum ansvarig nasta_steg"),
            ctx,
            key="paverkan_overdue",
            widths=widths,
            wrap=True,
            kept=shown,
        )
    left, right = st.columns(2)
    with left:
        st.subheader(ctx.t("influence.outcomes"))
        ui.table(
            ctx.frame("influence_outcomes"),
            OUTCOMES,
            ctx,
            key="paverkan_outcomes",
            kept={},
        )
    with right:
        st.subheader(ctx.t("influence.cosigners"))
        ui.table(
            ctx.frame("co_signers"),
            CO_SIGNERS,
            ctx,
            key="paverkan_cosigners",
            kept={},
        )
    st.subheader(ctx.t("page.influence"))
    ui.table(
        efforts,
        columns.pick(columns.INFLUENCE_EFFORTS, "id fraga mottagare status datum resultat"),
        ctx,
        key="paverkan_all",
        widths=widths,
        wrap=True,
        kept=shown,
    )
    with st.expander(ctx.t("influence.every_column")):
        ui.table(
            efforts,
            EVERY_COLUMN,
            ctx,
            key="paverkan_every_column",
            widths=widths,
            wrap=True,
            kept=shown,
        )
