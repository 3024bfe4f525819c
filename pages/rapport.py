"""Ekonomisk rapport: a reporting period's costs, claim basis per financier, staff hours, and the claim to download."""

import streamlit as st

from lagesbild import access, claim_report, claims, columns, formatting, staff, ui

ctx = ui.context()


def _table(frame, spec: columns.Spec, names: str, key: str) -> None:
    """The named columns of frame's spec (space-separated) as a table, with the spec's total row."""
    ui.table(frame, columns.pick(spec, names), ctx, key=key)


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
            columns.PERIOD_COSTS,
            "kostnadsslag budget_kr period_kr ackumulerat_kr kvar_kr ackumulerat_andel",
            "rapport_costs",
        )

        st.subheader(ctx.t("claim.financing"))
        financiers = ctx.frame("financiers", **claims.params(chosen))
        # Two tables, so that each fits a laptop screen: what was allocated and claimed, then the basis.
        _table(
            financiers,
            columns.FINANCIERS,
            "finansiar fordelat_kr fordelat_ackumulerat_kr rekvirerat_kr inbetalt_kr rekvirerat_ackumulerat_kr",
            "rapport_financiers",
        )
        # as the claim document: caps and maximum shares are each financier's own, not to be added up
        _table(financiers, columns.FINANCIERS, "finansiar maxandel_kr tak_kr underlag_kr begransning", "rapport_basis")
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
                columns.STAFF,
                "person roll sysselsattningsgrad_procent manadslon_kr lonebikostnader_procent timkostnad_kr",
                "rapport_staff",
            )
            _table(
                people,
                columns.STAFF,
                "person planerade_timmar rapporterade_timmar personalkostnad_kr",
                "rapport_staff_period",
            )
            st.text(ctx.t("claim.staff_note"))
            ledger = ctx.frame("staff_vs_ledger", **staff.params(chosen))
            compared = staff.compare(ledger)
            cols = st.columns(3)
            cols[0].metric(ctx.t("claim.from_hours"), formatting.kr(compared.from_hours_kr))
            cols[1].metric(ctx.t("claim.booked"), formatting.kr(compared.booked_kr))
            cols[2].metric(ctx.t("claim.difference"), formatting.kr(compared.difference_kr))
            st.subheader(ctx.t("claim.against_ledger"))
            ui.table(ledger, columns.STAFF_VS_LEDGER, ctx, key="rapport_staff_ledger")
            st.subheader(ctx.t("claim.hours"))
            ui.table(
                ctx.frame("staff_hours", **staff.params(chosen)), columns.STAFF_HOURS, ctx, key="rapport_staff_hours"
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
