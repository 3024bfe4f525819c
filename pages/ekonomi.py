"""Ekonomi: costs against plan, how the forecast is made, budget per cost category and each financier."""

import streamlit as st

from lagesbild import access, charts, columns, formatting, overview, ui

# More financiers than this are read better as a sorted table with bars than as a chart.
CHART_FINANCIERS = 8
CATEGORIES = columns.pick(
    columns.COSTS_BY_CATEGORY,
    "kostnadsslag budget_kr plan_till_datum_kr upparbetat_kr avvikelse_kr kvar_kr upparbetat_andel",
)
FINANCIERS = columns.pick(
    columns.FINANCIERS, "finansiar atagande_kr fordelat_kr rekvirerat_kr inbetalt_kr att_rekvirera_kr kvar_kr"
)
# as the claim: caps and maximum shares are each financier's own, nothing here adds up
RULES = columns.pick(
    columns.FINANCIERS, "finansiar andel_av_upparbetat maxandel_procent fordelat_kr tak_kr", total=False
)
LEDGER = (
    columns.Column("datum", "col.date", columns.DATE),
    columns.Column("verifikation", "col.voucher", columns.TEXT),
    columns.Column("konto", "col.account", columns.TEXT),
    columns.Column("kostnadsslag", "col.category", columns.TEXT),
    columns.Column("text", "col.text", columns.TEXT),
    columns.Column("belopp", "col.amount", columns.KR),
)

ctx = ui.context()
if ui.page_header(ctx, "page.economy"):
    project = ctx.project
    curve = ctx.frame("costs_by_month")
    labels = {
        "plan": ctx.t("economy.curve_plan"),
        "actual": ctx.t("economy.curve_actual"),
        "forecast": ctx.t("economy.curve_forecast"),
        "report_date": ctx.t("control.report_date"),
    }
    ui.chart_with_table(
        lambda: charts.cumulative_costs(curve, labels, ctx.t("economy.curve"), ctx.rapportdatum),
        curve,
        columns.COSTS_BY_MONTH,
        ctx,
        key="ekonomi_curve",
    )

    forecast = ctx.frame("project_totals").iloc[0]
    st.subheader(ctx.t("forecast.title"))
    pace, plan = st.columns(2)
    pace_text, plan_text = overview.forecast_lines(forecast, ctx.lang)
    pace.metric(ctx.t("metric.forecast"), formatting.kr(forecast.prognos_kr))
    pace.text(pace_text)
    plan.metric(ctx.t("metric.forecast_plan"), formatting.kr(forecast.prognos_enligt_plan_kr))
    plan.text(plan_text)

    categories = ctx.frame("costs_by_category")
    ui.chart_with_table(
        lambda: charts.grouped_bars(
            categories,
            "kostnadsslag",
            {"plan_till_datum_kr": ctx.t("col.plan_to_date"), "upparbetat_kr": ctx.t("col.spent")},
            ctx.t("economy.categories_to_date"),
            horizontal=True,
            height=140 + 80 * len(categories),
        ),
        categories,
        CATEGORIES,
        ctx,
        key="ekonomi_categories",
    )
    indirect = project.meta.indirekta
    if indirect is not None:
        st.text(
            ctx.t("economy.indirect_note", pct=formatting.pct(indirect.procent / 100, 0), base=", ".join(indirect.bas))
        )
    st.subheader(ctx.t("economy.categories_year"))
    ui.table(
        ctx.frame("costs_by_category_and_year"),
        columns.COSTS_BY_CATEGORY_AND_YEAR,
        ctx,
        key="ekonomi_category_year",
    )

    financiers = ctx.frame("financiers")
    st.subheader(ctx.t("economy.financiers"))
    if len(financiers) > CHART_FINANCIERS:
        # queries/financiers.sql sorts by commitment, largest first.
        ui.bar_table(
            financiers,
            FINANCIERS,
            columns.pick(columns.FINANCIERS, "andel_av_upparbetat"),
            ctx,
            key="ekonomi_financier_bars",
        )
    else:
        ui.chart_with_table(
            lambda: charts.grouped_bars(
                financiers,
                "finansiar",
                {
                    "atagande_kr": ctx.t("col.commitment"),
                    "fordelat_kr": ctx.t("col.allocated"),
                    "rekvirerat_kr": ctx.t("col.claimed"),
                    "inbetalt_kr": ctx.t("col.paid"),
                },
                ctx.t("economy.financiers"),
                horizontal=True,
                height=120 + 90 * len(financiers),
            ),
            financiers,
            (*FINANCIERS, *columns.pick(columns.FINANCIERS, "andel_av_upparbetat flaggor")),
            ctx,
            key="ekonomi_financiers",
        )
        ui.table(financiers, FINANCIERS, ctx, key="ekonomi_financier_table")
    st.subheader(ctx.t("economy.financier_rules"))
    rules = financiers[financiers.har_regel]
    ui.table(
        rules,
        RULES,
        ctx,
        key="ekonomi_rules",
    )
    broken = [f for flags in financiers.flaggor for f in flags]
    if not broken:
        st.success(ctx.t("economy.rules_ok"))
    # Ledger rows reach the browser only when someone asks for them.
    if ctx.access.can(access.LEDGER) and st.toggle(ctx.t("economy.ledger"), key="ekonomi_ledger_open"):
        # A page at a time: a region's ledger has a million rows.
        ui.paged_table(
            ctx,
            "ledger_rows",
            {},
            LEDGER,
            key="ekonomi_ledger",
        )
