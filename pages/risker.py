"""Risker och beslut: the risk matrix, every risk with its mitigation, and the decisions still open."""

import streamlit as st

from lagesbild import charts, columns, ui

ctx = ui.context()
if ui.page_header(ctx, "page.risks"):
    risks = ctx.frame("risks", bara_oppna=False)
    open_risks = ctx.frame("risks", bara_oppna=True)
    left, _ = st.columns([2, 3])
    with left:
        ui.chart_with_table(
            lambda: charts.risk_matrix(
                open_risks,
                {"likelihood": ctx.t("risks.likelihood"), "impact": ctx.t("risks.impact")},
                ctx.t("risks.matrix"),
            ),
            open_risks,
            columns.pick(columns.RISKS, "id sannolikhet konsekvens riskvarde"),
            ctx,
            key="risker_matrix",
        )
    st.subheader(ctx.t("risks.list"))
    risks = ui.focus(ctx, risks, "risker_id", "pages/risker.py")
    # Likelihood and impact are in the matrix; the list keeps room for the mitigation and who owns it.
    ui.table(
        risks,
        columns.pick(columns.RISKS, "id risk riskvarde atgard ansvarig status"),
        ctx,
        key="risker_list",
        widths={"risk": 250, "atgard": 250, "ansvarig": 110},
        wrap=True,
    )
    st.subheader(ctx.t("risks.decisions"))
    ui.open_decisions(ctx, key="risker_decisions", width=360)
