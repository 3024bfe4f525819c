"""Ekonomisk rapport: a reporting period's costs, claim basis per financier, staff hours, and the claim to download."""

import streamlit as st

from lagesbild import access, claim_report, claims, formatting, staff, ui

ctx = ui.context()
# Every column this page shows, with its header and format; a table names the columns it shows.
COLUMNS = {
    "kostnadsslag": ("col.category", ui.TEXT),
    "budget_kr": ("col.budget", ui.KR),
    "period_kr": ("col.this_period", ui.KR),
    "ackumulerat_kr": ("col.cumulative", ui.KR),
    "kvar_kr": ("col.left", ui.KR),
    "ackumulerat_andel": ("col.share", ui.PCT),
    "finansiar": ("col.financier", ui.TEXT),
    "fordelat_kr": ("col.allocated", ui.KR),
    "fordelat_ackumulerat_kr": ("col.allocated_cum", ui.KR),
    "rekvirerat_kr": ("col.claimed", ui.KR),
    "inbetalt_kr": ("col.paid", ui.KR),
    "rekvirerat_ackumulerat_kr": ("col.claimed_cum", ui.KR),
    "maxandel_kr": ("col.max_share_kr", ui.KR),
    "tak_kr": ("col.cap", ui.KR),
    "underlag_kr": ("col.basis", ui.KR),
    "begransning": ("col.binding", ui.TEXT),
    "person": ("col.person", ui.TEXT),
    "roll": ("col.role", ui.TEXT),
    "sysselsattningsgrad_procent": ("col.planned_share", ui.SHARE_PCT),
    "manadslon_kr": ("col.salary", ui.KR),
    "lonebikostnader_procent": ("col.on_costs", ui.SHARE_PCT),
    "timkostnad_kr": ("col.hourly", ui.KR),
    "manad": ("col.month", ui.DATE),
    "planerade_timmar": ("col.planned_hours", ui.NUM),
    "rapporterade_timmar": ("col.hours", ui.NUM),
    "personalkostnad_kr": ("col.staff_cost", ui.KR),
    "bokfort_kr": ("claim.booked", ui.KR),
    "skillnad_kr": ("col.difference", ui.KR),
}


def _table(frame, names: str, key: str, total: str = "", **headers: str) -> None:
    """The named columns of frame (space-separated) as a table, total's columns added up in a last row;
    headers gives a column another header."""
    columns = {n: (headers.get(n, COLUMNS[n][0]), COLUMNS[n][1]) for n in names.split()}
    ui.table(frame, columns, ctx, key=key, total=tuple(total.split()))


if ui.page_header(ctx, "page.claim"):
    project, r, lang = ctx.project, ctx.rapportdatum, ctx.lang
    found = {p.nummer: p for p in claims.periods(project, r)}
    if not found:
        st.info(ctx.t("claim.no_periods"))
    else:
        number = st.selectbox(
            ctx.t("claim.period"),
            list(found),
            index=len(found) - 1,
            key="rapport_period",
            format_func=lambda n: ctx.t("claim.period_option", n=n, start=found[n].start, slut=found[n].slut),
        )
        chosen = found[number]
        st.text(ctx.t("claim.counted", start=chosen.start, till=chosen.till))

        st.subheader(ctx.t("claim.costs"))
        _table(
            ctx.frame("period_costs_by_category", **claims.params(chosen)),
            "kostnadsslag budget_kr period_kr ackumulerat_kr kvar_kr ackumulerat_andel",
            "rapport_costs",
            total="budget_kr period_kr ackumulerat_kr kvar_kr",
        )

        st.subheader(ctx.t("claim.financing"))
        financiers = claims.labelled(ctx.frame("financiers", **claims.params(chosen)), lang)
        # Two tables, so that each fits a laptop screen: what was allocated and claimed, then the basis.
        _table(
            financiers,
            "finansiar fordelat_kr fordelat_ackumulerat_kr rekvirerat_kr inbetalt_kr rekvirerat_ackumulerat_kr",
            "rapport_financiers",
            total="fordelat_kr fordelat_ackumulerat_kr rekvirerat_kr inbetalt_kr rekvirerat_ackumulerat_kr",
        )
        # as the claim document: caps and maximum shares are each financier's own, not to be added up
        _table(financiers, "finansiar maxandel_kr tak_kr underlag_kr begransning", "rapport_basis", total="underlag_kr")
        st.caption(ctx.t("claim.basis_note"))

        st.subheader(ctx.t("claim.staff"))
        may_see_staff = ctx.access.can(access.STAFF)
        if not may_see_staff:
            st.info(ctx.t("claim.staff_hidden"))
        elif not staff.listed(project):
            st.info(ctx.t("claim.no_staff"))
        else:
            people = ctx.frame("staff_costs", **staff.params(chosen))
            # Each person's rates, then the period's hours and cost: one table of nine columns does not fit.
            _table(
                people,
                "person roll sysselsattningsgrad_procent manadslon_kr lonebikostnader_procent timkostnad_kr",
                "rapport_staff",
            )
            _table(
                people,
                "person planerade_timmar rapporterade_timmar personalkostnad_kr",
                "rapport_staff_period",
                total="planerade_timmar rapporterade_timmar personalkostnad_kr",
            )
            st.text(ctx.t("claim.staff_note"))
            ledger = ctx.frame("staff_vs_ledger", **staff.params(chosen))
            compared = staff.compare(ledger)
            cols = st.columns(3)
            cols[0].metric(ctx.t("claim.from_hours"), formatting.kr(compared.from_hours_kr))
            cols[1].metric(ctx.t("claim.booked"), formatting.kr(compared.booked_kr))
            cols[2].metric(ctx.t("claim.difference"), formatting.kr(compared.difference_kr))
            st.subheader(ctx.t("claim.against_ledger"))
            _table(
                ledger,
                "manad personalkostnad_kr bokfort_kr skillnad_kr",
                "rapport_staff_ledger",
                personalkostnad_kr="claim.from_hours",
            )
            st.subheader(ctx.t("claim.hours"))
            _table(
                ctx.frame("staff_hours", **staff.params(chosen)),
                "person manad planerade_timmar rapporterade_timmar personalkostnad_kr",
                "rapport_staff_hours",
            )

        st.subheader(ctx.t("claim.title"))
        cols = st.columns(2)
        stem = f"{project.id}-ekonomisk-rapport-{chosen.start.isoformat()}-{chosen.slut.isoformat()}"
        cols[0].download_button(
            ctx.t("claim.pdf"),
            data=lambda: claim_report.claim_pdf(project, chosen, r, lang, may_see_staff),
            file_name=f"{stem}.pdf",
            mime="application/pdf",
            icon=":material/picture_as_pdf:",
            key="rapport_pdf",
        )
        cols[1].download_button(
            ctx.t("claim.excel"),
            data=lambda: claim_report.claim_excel(project, chosen, r, lang, may_see_staff),
            file_name=f"{stem}.xlsx",
            icon=":material/table:",
            key="rapport_excel",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
