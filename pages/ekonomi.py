"""Ekonomi: costs against plan, how the forecast is made, budget per cost category and each financier."""

import streamlit as st

from lagesbild import access, charts, formatting, overview, ui

# More financiers than this are read better as a sorted table with bars than as a chart.
CHART_FINANCIERS = 8

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
        {
            "manad": ("col.month", ui.DATE),
            "plan_kr": ("col.plan", ui.KR),
            "upparbetat_kr": ("col.spent", ui.KR),
            "plan_ackumulerat_kr": ("col.plan_cum", ui.KR),
            "upparbetat_ackumulerat_kr": ("col.spent_cum", ui.KR),
            "prognos_ackumulerat_kr": ("col.forecast_cum", ui.KR),
        },
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
        {
            "kostnadsslag": ("col.category", ui.TEXT),
            "budget_kr": ("col.budget", ui.KR),
            "plan_till_datum_kr": ("col.plan_to_date", ui.KR),
            "upparbetat_kr": ("col.spent", ui.KR),
            "avvikelse_kr": ("col.deviation", ui.KR),
            "kvar_kr": ("col.left", ui.KR),
            "upparbetat_andel": ("col.share", ui.PCT),
        },
        ctx,
        key="ekonomi_categories",
        total=("budget_kr", "plan_till_datum_kr", "upparbetat_kr", "avvikelse_kr", "kvar_kr"),
    )
    indirect = project.meta.indirekta
    if indirect is not None:
        st.text(
            ctx.t("economy.indirect_note", pct=formatting.pct(indirect.procent / 100, 0), base=", ".join(indirect.bas))
        )
    st.subheader(ctx.t("economy.categories_year"))
    ui.table(
        ctx.frame("costs_by_category_and_year"),
        {
            "kostnadsslag": ("col.category", ui.TEXT),
            "ar": ("col.year", ui.TEXT),
            "budget_kr": ("col.budget", ui.KR),
            "upparbetat_kr": ("col.spent", ui.KR),
        },
        ctx,
        key="ekonomi_category_year",
    )

    financiers = ctx.frame("financiers")
    st.subheader(ctx.t("economy.financiers"))
    columns = {
        "finansiar": ("col.financier", ui.TEXT),
        "atagande_kr": ("col.commitment", ui.KR),
        "fordelat_kr": ("col.allocated", ui.KR),
        "rekvirerat_kr": ("col.claimed", ui.KR),
        "inbetalt_kr": ("col.paid", ui.KR),
        "att_rekvirera_kr": ("col.to_claim", ui.KR),
        "kvar_kr": ("col.left", ui.KR),
    }
    money = tuple(column for column, (_, kind) in columns.items() if kind == ui.KR)  # every amount adds up
    if len(financiers) > CHART_FINANCIERS:
        # queries/financiers.sql sorts by commitment, largest first.
        ui.bar_table(
            financiers,
            columns,
            {"andel_av_upparbetat": "col.share_of_spent"},
            ctx,
            key="ekonomi_financier_bars",
            total=money,
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
            {**columns, "andel_av_upparbetat": ("col.share", ui.PCT), "flaggor": ("col.flags", ui.TEXT)},
            ctx,
            key="ekonomi_financiers",
            total=money,
        )
        ui.table(financiers, columns, ctx, key="ekonomi_financier_table", total=money)
    st.subheader(ctx.t("economy.financier_rules"))
    rules = financiers[financiers.maxandel_procent.notna() | financiers.tak_kr.notna()]
    ui.table(
        rules,
        {
            "finansiar": ("col.financier", ui.TEXT),
            "andel_av_upparbetat": ("col.share", ui.PCT),
            "maxandel_procent": ("metric.max_share", ui.SHARE_PCT),
            "fordelat_kr": ("col.allocated", ui.KR),
            "tak_kr": ("metric.cap", ui.KR),
        },
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
            {
                "datum": ("col.date", ui.DATE),
                "verifikation": ("col.voucher", ui.TEXT),
                "konto": ("col.account", ui.TEXT),
                "kostnadsslag": ("col.category", ui.TEXT),
                "text": ("col.text", ui.TEXT),
                "belopp": ("col.amount", ui.KR),
            },
            key="ekonomi_ledger",
        )
