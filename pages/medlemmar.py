"""Medlemmar: an association's members per county, their fees and their participation."""

import streamlit as st

from lagesbild import charts, columns, formatting, ui

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
        (
            columns.Column("lan", "col.county", columns.TEXT),
            columns.Column("antal", "col.count", columns.INT),
            columns.Column("nya", "col.new", columns.INT),
            columns.Column("avgift_kr", "col.fee", columns.KR),
            columns.Column("inbetalt_kr", "col.paid", columns.KR),
        ),
        ctx,
        key="medlemmar_counties",
    )
    st.subheader(ctx.t("members.list"))
    # The members who still owe their fee first, the largest amount first (queries/members.sql): the ones to contact.
    ui.table(
        members,
        (
            columns.Column("medlem", "col.member", columns.TEXT),
            columns.Column("lan", "col.county", columns.TEXT),
            columns.Column("typ", "col.type", columns.TEXT),
            columns.Column("ny_medlem", "col.new", columns.FLAG),
            columns.Column("avgift_kr", "col.fee", columns.KR),
            columns.Column("fakturerat_kr", "col.invoiced", columns.KR),
            columns.Column("inbetalt_kr", "col.paid", columns.KR),
            columns.Column("obetalt_kr", "col.unpaid", columns.KR),
            columns.Column("moten", "col.meetings", columns.INT),
        ),
        ctx,
        key="medlemmar_list",
    )
