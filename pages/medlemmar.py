"""Medlemmar: an association's members per county, their fees and their participation."""

import streamlit as st

from lagesbild import charts, formatting, ui

ctx = ui.context()
if ui.page_header(ctx, "page.members"):
    members = ctx.frame("members")
    by_county = ctx.frame("members_by_county")
    # dashboard.py shows this page only for a project with members: there is a first row with the totals
    totals = members.iloc[0]
    cols = st.columns(3)
    cols[0].metric(ctx.t("members.count"), formatting.number(totals.antal_medlemmar))
    cols[1].metric(
        ctx.t("members.new"),
        formatting.number(totals.antal_nya),
        ctx.t("members.new_target", status=ctx.t("members.met" if totals.antal_nya >= 1 else "members.not_met")),
        delta_color="off",
        delta_arrow="off",
    )
    cols[2].metric(ctx.t("members.unpaid"), formatting.kr(totals.obetalt_totalt_kr))
    ui.chart_with_table(
        lambda: charts.grouped_bars(
            by_county,
            "lan",
            {"avgift_kr": ctx.t("col.fee"), "inbetalt_kr": ctx.t("col.paid")},
            ctx.t("members.fees_by_county"),
            horizontal=True,
            height=140 + 70 * len(by_county),
        ),
        by_county,
        {
            "lan": ("col.county", ui.TEXT),
            "antal": ("col.count", ui.INT),
            "nya": ("col.new", ui.INT),
            "avgift_kr": ("col.fee", ui.KR),
            "inbetalt_kr": ("col.paid", ui.KR),
        },
        ctx,
        key="medlemmar_counties",
    )
    st.subheader(ctx.t("members.list"))
    # The members who still owe their fee first, the largest amount first: the ones to contact.
    owing_first = members.sort_values(["obetalt_kr", "medlem"], ascending=[False, True])
    ui.table(
        owing_first,
        {
            "medlem": ("col.member", ui.TEXT),
            "lan": ("col.county", ui.TEXT),
            "typ": ("col.type", ui.TEXT),
            "ny_medlem": ("col.new", ui.FLAG),
            "avgift_kr": ("col.fee", ui.KR),
            "fakturerat_kr": ("col.invoiced", ui.KR),
            "inbetalt_kr": ("col.paid", ui.KR),
            "obetalt_kr": ("col.unpaid", ui.KR),
            "moten": ("col.meetings", ui.INT),
        },
        ctx,
        key="medlemmar_list",
    )
