"""Mötesplatser och jämställdhet: meetings over time, attendance by gender and the share of women."""

import streamlit as st

from lagesbild import charts, columns, formatting, ui

ctx = ui.context()
if ui.page_header(ctx, "page.meetings"):
    totals = ctx.frame("meeting_totals").iloc[0]
    cols = st.columns(4)
    cols[0].metric(ctx.t("meetings.count"), formatting.number(totals.antal))
    cols[1].metric(ctx.t("meetings.women"), formatting.number(totals.kvinnor))
    cols[2].metric(ctx.t("meetings.men"), formatting.number(totals.man))
    cols[3].metric(ctx.t("meetings.share"), formatting.pct(totals.andel_kvinnor))
    if not formatting.missing(totals.senaste_indikatordatum):
        # Participants counted here and an indicator of participants (Stråket's I3) differ on purpose.
        st.caption(
            ctx.t(
                "meetings.versus_indicators",
                reported=formatting.date(totals.senaste_indikatordatum),
                date=formatting.date(ctx.project.as_of(ctx.rapportdatum)),
            )
        )
    meetings = ctx.frame("meetings")
    by_type = ctx.frame("meetings_by_type")
    if not meetings.empty:
        by_month = ctx.frame("meetings_by_month")
        ui.chart_with_table(
            lambda: charts.meetings_per_month(by_month, ctx.t("meetings.over_time")),
            by_month,
            (
                columns.Column("manad", "col.month", columns.DATE),
                columns.Column("typ", "col.type", columns.TEXT),
                columns.Column("antal", "col.count", columns.INT),
            ),
            ctx,
            key="motesplatser_months",
        )
        # Each meeting place with its attendance, one click away like the numbers behind each chart.
        with st.expander(ctx.t("meetings.list")):
            ui.table(
                meetings,
                (
                    columns.Column("datum", "col.date", columns.DATE),
                    columns.Column("rubrik", "col.title", columns.TEXT),
                    columns.Column("typ", "col.type", columns.TEXT),
                    columns.Column("format", "col.format", columns.TEXT),
                    columns.Column("kvinnor", "col.women", columns.INT),
                    columns.Column("man", "col.men", columns.INT),
                    columns.Column("andel_kvinnor", "col.women_share", columns.PCT),
                ),
                ctx,
                key="motesplatser_list",
            )
        left, right = st.columns(2)
        type_columns = columns.pick(columns.MEETINGS_BY_TYPE, "typ antal kvinnor man andel_kvinnor")
        with left:
            ui.chart_with_table(
                lambda: charts.grouped_bars(
                    by_type,
                    "typ",
                    {"kvinnor": ctx.t("col.women"), "man": ctx.t("col.men")},
                    ctx.t("meetings.by_type"),
                    unit="antal",
                    horizontal=True,
                    height=120 + 70 * len(by_type),
                    colours=(charts.WOMEN, charts.MEN),
                ),
                by_type,
                type_columns,
                ctx,
                key="motesplatser_types",
            )
        with right:
            ui.chart_with_table(
                lambda: charts.share_of_women(
                    by_type, {"share": ctx.t("meetings.share"), "band": ctx.t("meetings.band")}, ctx.t("meetings.share")
                ),
                by_type,
                type_columns,
                ctx,
                key="motesplatser_share",
            )
