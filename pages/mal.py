"""Mål och indikatorer: the goal tree, each indicator's status and its development over time."""

import functools

import pandas as pd
import streamlit as st

from lagesbild import charts, statuses, ui


def _per_indicator(values: pd.DataFrame) -> dict[str, pd.DataFrame]:
    shown = values[values.till_rapportdatum]
    return {str(i): rows for i, rows in shown.groupby("indikator", sort=False)}


ctx = ui.context()
if ui.page_header(ctx, "page.goals"):
    indicators = ctx.frame("indicators")
    goals = ctx.frame("goals")
    st.subheader(ctx.t("goals.tree"))
    ui.table(
        goals,
        {
            "trad": ("col.goal", ui.TEXT),
            "niva": ("col.level", ui.TEXT),
            "antal_indikatorer": ("goals.indicator", ui.INT),
        },
        ctx,
        key="mal_tree",
        widths={"trad": 560},
        wrap=True,
    )
    indicators = ui.focus(ctx, indicators, "mal_id", "pages/mal.py")
    # The goal and the unit are in the table behind each chart; this one fits a laptop screen.
    ui.table(
        indicators,
        {
            "id": ("col.id", ui.TEXT),
            "namn": ("col.name", ui.TEXT),
            "utgangsvarde": ("col.baseline", ui.NUM),
            "senaste_varde": ("col.latest", ui.NUM),
            "malvarde": ("col.target", ui.NUM),
            "maldatum": ("col.target_date", ui.DATE),
            "progress": ("col.progress", ui.PCT),
            "forvantat": ("col.expected", ui.PCT),
            "status": ("col.status", ui.STATUS),
        },
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
    columns = st.columns(2)
    for position, row in enumerate(indicators.itertuples()):
        own = values.get(row.id)
        with columns[position % 2]:
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
                {
                    "mal": ("col.goal", ui.TEXT),
                    "enhet": ("col.unit", ui.TEXT),
                    "datum": ("col.date", ui.DATE),
                    "varde": ("col.value", ui.NUM),
                    "kvinnor": ("col.women", ui.NUM),
                    "man": ("col.men", ui.NUM),
                    "kommentar": ("col.comment", ui.TEXT),
                },
                ctx,
                key=f"mal_{position}",
                filters={"indikator": row.id},
            )
