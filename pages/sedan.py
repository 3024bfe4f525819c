"""Sedan förra mötet: what changed since the picture frozen for the last steering meeting."""

import streamlit as st

from lagesbild import columns, formatting, overview, ui

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
            change_columns = (
                columns.Column("id", "col.id", columns.TEXT),
                columns.Column("kolumn", "col.column", columns.TEXT),
                columns.Column("fore", "upload.before", columns.STATUS),
                columns.Column("efter", "upload.after", columns.STATUS),
            )
            sections = (
                (
                    "since.activities_added",
                    since.activities_added,
                    (
                        columns.Column("id", "col.id", columns.TEXT),
                        columns.Column("omrade", "col.area", columns.TEXT),
                        columns.Column("aktivitet", "col.activity", columns.TEXT),
                        columns.Column("status", "col.status", columns.STATUS),
                    ),
                ),
                ("since.activity_changes", since.activity_status_changes, change_columns),
                (
                    "since.values",
                    since.indicator_values_added,
                    (
                        columns.Column("indikator", "goals.indicator", columns.TEXT),
                        columns.Column("datum", "col.date", columns.DATE),
                        columns.Column("varde", "col.value", columns.NUM),
                        columns.Column("kvinnor", "col.women", columns.NUM),
                        columns.Column("man", "col.men", columns.NUM),
                    ),
                ),
                (
                    "since.efforts_added",
                    since.efforts_added,
                    (
                        columns.Column("id", "col.id", columns.TEXT),
                        columns.Column("fraga", "col.issue", columns.TEXT),
                        columns.Column("status", "col.status", columns.STATUS),
                        columns.Column("datum", "col.date", columns.DATE),
                    ),
                ),
                ("since.effort_changes", since.effort_changes, change_columns),
                (
                    "since.decisions_opened",
                    since.decisions_opened,
                    (
                        columns.Column("id", "col.id", columns.TEXT),
                        columns.Column("beslut", "col.decision", columns.TEXT),
                        columns.Column("status", "col.status", columns.STATUS),
                        columns.Column("deadline", "col.decision_deadline", columns.DATE),
                    ),
                ),
                (
                    "since.decisions_closed",
                    since.decisions_closed,
                    (
                        columns.Column("id", "col.id", columns.TEXT),
                        columns.Column("beslut", "col.decision", columns.TEXT),
                        columns.Column("status", "col.status", columns.STATUS),
                    ),
                ),
            )
            for title, rows, spec in sections:
                st.subheader(ctx.t(title))
                if rows.empty:
                    st.text(ctx.t("since.nothing"))
                else:
                    ui.table(rows, spec, ctx, key=f"sedan_{title}")
