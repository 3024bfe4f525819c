"""Sedan förra mötet: what changed since the picture frozen for the last steering meeting."""

import streamlit as st

from lagesbild import formatting, overview, ui

ctx = ui.context()
if ui.page_header(ctx, "page.since"):
    project = ctx.project
    meeting = overview.last_meeting(project.meta.styrgruppsmoten, ctx.rapportdatum)
    if meeting is None:
        st.info(ctx.t("overview.no_meeting"))
    else:
        since = ui.since_last_meeting(ctx)
        if since is None:
            st.info(ctx.t("since.by_date", date=formatting.date(meeting)))
            ui.since_metrics(ctx, meeting, None)
        else:
            st.text(ctx.t("since.frozen", date=formatting.date(meeting)))
            ui.since_metrics(ctx, meeting, since)
            cols = st.columns(4)
            cols[0].metric(ctx.t("since.claimed"), formatting.kr(since.claimed_kr))
            cols[1].metric(ctx.t("since.paid"), formatting.kr(since.paid_kr))
            change_columns = {
                "id": ("col.id", ui.TEXT),
                "kolumn": ("col.column", ui.TEXT),
                "fore": ("upload.before", ui.STATUS),
                "efter": ("upload.after", ui.STATUS),
            }
            sections = (
                (
                    "since.activities_added",
                    since.activities_added,
                    {
                        "id": ("col.id", ui.TEXT),
                        "omrade": ("col.area", ui.TEXT),
                        "aktivitet": ("col.activity", ui.TEXT),
                        "status": ("col.status", ui.STATUS),
                    },
                ),
                ("since.activity_changes", since.activity_status_changes, change_columns),
                (
                    "since.values",
                    since.indicator_values_added,
                    {
                        "indikator": ("goals.indicator", ui.TEXT),
                        "datum": ("col.date", ui.DATE),
                        "varde": ("col.value", ui.NUM),
                        "kvinnor": ("col.women", ui.NUM),
                        "man": ("col.men", ui.NUM),
                    },
                ),
                (
                    "since.efforts_added",
                    since.efforts_added,
                    {
                        "id": ("col.id", ui.TEXT),
                        "fraga": ("col.issue", ui.TEXT),
                        "status": ("col.status", ui.STATUS),
                        "datum": ("col.date", ui.DATE),
                    },
                ),
                ("since.effort_changes", since.effort_changes, change_columns),
                (
                    "since.decisions_opened",
                    since.decisions_opened,
                    {
                        "id": ("col.id", ui.TEXT),
                        "beslut": ("col.decision", ui.TEXT),
                        "status": ("col.status", ui.STATUS),
                        "deadline": ("col.decision_deadline", ui.DATE),
                    },
                ),
                (
                    "since.decisions_closed",
                    since.decisions_closed,
                    {
                        "id": ("col.id", ui.TEXT),
                        "beslut": ("col.decision", ui.TEXT),
                        "status": ("col.status", ui.STATUS),
                    },
                ),
            )
            for title, rows, columns in sections:
                st.subheader(ctx.t(title))
                if rows.empty:
                    st.text(ctx.t("since.nothing"))
                else:
                    ui.table(rows, columns, ctx, key=f"sedan_{title}")
