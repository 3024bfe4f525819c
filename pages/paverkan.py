"""Påverkansarbete: influence efforts by status, level and channel; deadlines, overdue, outcomes."""

import streamlit as st

from lagesbild import charts, overview, ui

ctx = ui.context()
if ui.page_header(ctx, "page.influence"):
    efforts = ctx.frame("influence_efforts", kommande_dagar=overview.UPCOMING_DAYS)
    counts = ctx.frame("influence_counts_by_status")
    left, right = st.columns(2)
    with left:
        ui.chart_with_table(
            lambda: charts.status_bars(counts, ctx.status, ctx.t("influence.pipeline")),
            counts,
            {"status": ("col.status", ui.STATUS), "antal": ("col.count", ui.INT), "forsenade": ("col.overdue", ui.INT)},
            ctx,
            key="paverkan_pipeline",
        )
    with right:
        by_level = ctx.frame("influence_counts_by_level_and_channel")
        ui.chart_with_table(
            lambda: charts.bars_by_series(by_level, "niva", "kanal", "antal", ctx.t("influence.by_level")),
            by_level,
            {"niva": ("col.level", ui.TEXT), "kanal": ("col.channel", ui.TEXT), "antal": ("col.count", ui.INT)},
            ctx,
            key="paverkan_level",
        )
    efforts = ui.focus(ctx, efforts, "paverkan_id", "pages/paverkan.py")
    # The tables below are decided by the project version, date, language and the one effort named.
    shown = {"fokus": ui.focus_id("paverkan_id")}
    columns = {
        "id": ("col.id", ui.TEXT),
        "fraga": ("col.issue", ui.TEXT),
        "mottagare": ("col.recipient", ui.TEXT),
        "niva": ("col.level", ui.TEXT),
        "kanal": ("col.channel", ui.TEXT),
        "status": ("col.status", ui.STATUS),
        "datum": ("col.date", ui.DATE),
        "sista_svarsdag": ("col.deadline", ui.DATE),
        "dagar_till_svarsdag": ("col.days_left", ui.INT),
        "ansvarig": ("col.owner", ui.TEXT),
        "nasta_steg": ("col.next_step", ui.TEXT),
    }
    # Each table keeps the columns its question needs, so that the next step fits beside the issue.
    widths: dict = {"fraga": 230, "nasta_steg": 230, "mottagare": 170, "ansvarig": 110}
    st.subheader(ctx.t("upcoming", days=overview.UPCOMING_DAYS))
    upcoming = ui.kept(ctx, "paverkan_upcoming", lambda: efforts[efforts.kommande.fillna(False).astype(bool)], shown)
    if upcoming.empty:
        st.text(ctx.t("influence.none"))
    else:
        ui.table(
            upcoming,
            {k: columns[k] for k in ("id", "fraga", "datum", "sista_svarsdag", "ansvarig", "nasta_steg")},
            ctx,
            key="paverkan_deadlines",
            widths=widths,
            wrap=True,
            kept=shown,
        )
    st.subheader(ctx.t("influence.overdue"))
    overdue = ui.kept(ctx, "paverkan_overdue", lambda: efforts[efforts.forsenad.fillna(False).astype(bool)], shown)
    if overdue.empty:
        st.text(ctx.t("influence.none"))
    else:
        ui.table(
            overdue,
            {k: columns[k] for k in ("id", "fraga", "status", "datum", "ansvarig", "nasta_steg")},
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
            {"resultat": ("col.outcome", ui.STATUS), "antal": ("col.count", ui.INT)},
            ctx,
            key="paverkan_outcomes",
            kept={},
        )
    with right:
        st.subheader(ctx.t("influence.cosigners"))
        ui.table(
            ctx.frame("co_signers"),
            {"finansiar": ("col.financier", ui.TEXT), "antal": ("col.count", ui.INT)},
            ctx,
            key="paverkan_cosigners",
            kept={},
        )
    st.subheader(ctx.t("page.influence"))
    ui.table(
        efforts,
        {
            **{k: columns[k] for k in ("id", "fraga", "mottagare", "status", "datum")},
            "resultat": ("col.outcome", ui.STATUS),
        },
        ctx,
        key="paverkan_all",
        widths=widths,
        wrap=True,
        kept=shown,
    )
    with st.expander(ctx.t("influence.every_column")):
        ui.table(
            efforts,
            {**columns, "resultat": ("col.outcome", ui.STATUS), "medundertecknare": ("col.cosigners", ui.TEXT)},
            ctx,
            key="paverkan_every_column",
            widths=widths,
            wrap=True,
            kept=shown,
        )
