"""Mål och indikatorer: the goal tree, each indicator's status and its development over time."""

import functools

import pandas as pd
import streamlit as st

from lagesbild import charts, columns, statuses, ui

TREE = (
    columns.Column("trad", "col.goal", columns.TEXT),
    columns.Column("niva", "col.level", columns.TEXT),
    columns.Column("antal_indikatorer", "goals.indicator", columns.INT),
)
# The goal and the unit are in the table behind each chart; this one fits a laptop screen.
INDICATORS = columns.pick(
    columns.INDICATORS, "id namn utgangsvarde senaste_varde malvarde maldatum progress forvantat status"
)


def _per_indicator(values: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {str(i): rows for i, rows in values.groupby("indikator", sort=False)}


ctx = ui.context()
if ui.page_header(ctx, "page.goals"):
    indicators = ctx.frame("indicators")
    goals = ctx.frame("goals")
    st.subheader(ctx.t("goals.tree"))
    ui.table(
        goals,
        TREE,
        ctx,
        key="mal_tree",
        widths={"trad": 560},
        wrap=True,
    )
    indicators = ui.focus(ctx, indicators, "mal_id", "pages/mal.py")
    ui.table(
        indicators,
        INDICATORS,
        ctx,
        key="mal_indicators",
        widths={"namn": 170},
        wrap=True,
    )
    # Each indicator's values up to the report date: split once, not filtered again for every
    # indicator on every rerun.
    values_frame = ctx.frame("indicator_values")
    values = ui.kept(ctx, "mal_values", lambda: _per_indicator(values_frame))
    labels = {key: ctx.t(f"goals.{key}") for key in ("women", "men", "value", "target", "expected")}
    labels["report_date"] = ctx.t("control.report_date")
    start = ctx.project.meta.start
    halves = st.columns(2)
    for position, row in enumerate(indicators.itertuples()):
        own = values.get(row.id)
        with halves[position % 2]:
            if own is None:
                st.text(f"{row.id} · {row.namn}")
                st.text(ctx.status(statuses.NOT_MEASURED))
                continue
            ui.chart_with_table(
                functools.partial(
                    charts.indicator,
                    own,
                    float(row.malvarde),
                    labels,
                    charts.wrap(f"{row.id} {row.namn}", 32),
                    float(row.utgangsvarde),
                    start,
                    pd.Timestamp(row.maldatum).date(),
                    ctx.rapportdatum,
                ),
                # Made only when the table's cells are not kept already.
                functools.partial(own.assign, mal=row.mal, enhet=row.enhet),
                columns.INDICATOR_VALUES,
                ctx,
                key=f"mal_{position}",
                filters={"indikator": row.id},
            )
