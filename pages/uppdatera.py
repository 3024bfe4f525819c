"""Uppdatera data: upload new exports, review problems and changes, accept; freeze for a meeting."""

import pandas as pd
import streamlit as st

from lagesbild import columns, formatting, publishing, ui, uploads

ctx = ui.context()
st.title(ctx.t("page.upload"))
project = ctx.project
folder = ui.project_folder(project.id)
st.text(ctx.t("upload.project", name=project.meta.namn if project.meta else project.id))
st.text(ctx.t("upload.intro"))
if notice := st.session_state.pop("uppdatera_notice", None):
    st.success(notice)
if refusal := st.session_state.pop("uppdatera_refusal", None):
    st.error(refusal)
# A published upload must leave the uploader: the browser keeps its files (and would send them again with
# the next click) unless the widget is a new one, so every accepted upload moves the key on.
uploaded = st.session_state.get("uppdatera_uploaded", 0)
files = st.file_uploader(
    ctx.t("upload.files"),
    type=[e.lstrip(".") for e in uploads.EXTENSIONS],
    accept_multiple_files=True,
    key=f"uppdatera_files_{uploaded}" if uploaded else "uppdatera_files",
)
if files:
    upload_key = tuple((f.file_id, f.name, f.size) for f in files)
    shown = st.session_state.get("uppdatera_shown")
    # The accept click publishes the preview the user looked at, not one made again against whatever the
    # folder holds now: accept refuses it if another change came in between.
    if st.session_state.get("uppdatera_accept") and shown is not None and shown[0] == upload_key:
        checked = shown[1]
    else:
        checked = uploads.preview(folder, project, [(f.name, f.getvalue()) for f in files], ctx.access)
        st.session_state["uppdatera_shown"] = (upload_key, checked)
    st.session_state["uppdatera_late"] = (
        (checked.late_rows, checked.rapportdatum, checked.latest) if checked.late_rows else None
    )
    st.session_state["uppdatera_late_accepted"] = False
    if checked.recognised:
        st.subheader(ctx.t("upload.recognised"))
        st.dataframe(
            pd.DataFrame(
                {
                    ctx.t("upload.uploaded"): list(checked.recognised),
                    ctx.t("upload.replaces"): list(checked.recognised.values()),
                }
            ),
            hide_index=True,
            key="uppdatera_recognised",
        )
    if checked.problems:
        ui.problems_table(ctx, checked.problems, columns.PROBLEMS, key="uppdatera_problems")
    if checked.notes:
        st.subheader(ctx.t("quality.notes"))
        st.caption(ctx.t("quality.notes_help"))
        ui.problems_table(ctx, checked.notes, columns.NOTES, key="uppdatera_notes")
    if checked.changes:
        st.subheader(ctx.t("upload.changes"))
        ui.table(
            pd.DataFrame([{k: v for k, v in c.__dict__.items() if k != "rows"} for c in checked.changes]),
            (
                columns.Column("fil", "col.file", columns.TEXT),
                columns.Column("fore", "upload.rows_before", columns.INT),
                columns.Column("efter", "upload.rows_after", columns.INT),
                columns.Column("tillagda", "upload.added", columns.INT),
                columns.Column("borttagna", "upload.removed", columns.INT),
                columns.Column("andrade", "upload.changed", columns.INT),
            ),
            ctx,
            key="uppdatera_changes",
        )
        for change in checked.changes:
            if change.rows is None or not len(change.rows):
                continue
            title = ctx.t(
                "upload.file_changes",
                file=change.fil,
                added=formatting.number(change.tillagda),
                removed=formatting.number(change.borttagna),
                changed=formatting.number(change.andrade or 0),
            )
            with st.expander(title):
                if change.listed > len(change.rows):
                    st.text(
                        ctx.t(
                            "upload.shown_rows",
                            n=formatting.number(len(change.rows)),
                            m=formatting.number(change.listed),
                        )
                    )
                rows = change.rows.rename(columns={"andring": ctx.t("upload.row_change")})
                rows[ctx.t("upload.row_change")] = [ctx.t(f"upload.row.{how}") for how in change.rows["andring"]]
                st.dataframe(rows, hide_index=True, key=f"uppdatera_rows_{change.fil}")
    if checked.totals is not None and len(checked.totals):
        st.subheader(ctx.t("upload.totals"))
        ui.table(
            checked.totals,
            (
                columns.Column("matt", "upload.measure", columns.LABEL),
                columns.Column("fore_kr", "upload.before", columns.KR),
                columns.Column("efter_kr", "upload.after", columns.KR),
            ),
            ctx,
            key="uppdatera_totals",
        )
    if checked.errors:
        st.error(ctx.t("upload.has_errors", n=len(checked.errors)))
    elif checked.publishable:
        st.success(ctx.t("upload.ok"))
        if st.button(ctx.t("upload.accept"), type="primary", key="uppdatera_accept"):
            st.session_state.pop("uppdatera_shown", None)
            try:
                version = uploads.accept(folder, checked, ctx.access)
            except publishing.PublishError as exc:
                st.session_state["uppdatera_refusal"] = exc.text(ctx.lang)
            else:
                st.session_state["uppdatera_notice"] = ctx.t("upload.accepted", version=version.id)
                st.session_state["uppdatera_uploaded"] = uploaded + 1
                st.session_state["uppdatera_late_accepted"] = True
            st.rerun()
elif not st.session_state.get("uppdatera_late_accepted"):
    st.session_state.pop("uppdatera_late", None)  # the files were taken away without being accepted

# Ledger rows after the report date do not count: say so, and offer to move the date (also after accepting).
if late := st.session_state.get("uppdatera_late"):
    count, rapportdatum, latest = late
    st.warning(
        ctx.t(
            "upload.late",
            n=count,
            date=formatting.date(rapportdatum),
            latest=formatting.date(latest),
        )
    )
    if st.button(ctx.t("upload.move_date", date=formatting.date(latest)), key="uppdatera_move_date"):
        st.session_state.pop("uppdatera_late", None)
        try:
            version = uploads.move_report_date(folder, latest, ctx.access)
        except publishing.PublishError as exc:
            st.session_state["uppdatera_refusal"] = exc.text(ctx.lang)
        else:
            st.session_state["uppdatera_notice"] = ctx.t(
                "upload.date_moved", date=formatting.date(latest), version=version.id
            )
        st.rerun()

st.divider()
st.subheader(ctx.t("freeze.title"))
st.text(ctx.t("freeze.help"))
frozen = publishing.frozen_meetings(folder)
# A meeting before the report date cannot be frozen any more: today's data is not what it saw.
open_meetings = [
    m
    for m in (project.meta.styrgruppsmoten if project.meta else ())
    if m not in frozen and (ctx.rapportdatum is None or m >= ctx.rapportdatum)
]
if open_meetings:
    meeting = st.selectbox(ctx.t("freeze.meeting"), open_meetings, format_func=formatting.date, key="uppdatera_meeting")
    # A frozen meeting can never be changed: the button works only once the user has said yes.
    confirmed = st.checkbox(
        ctx.t("freeze.confirm", date=formatting.date(meeting)), key=f"uppdatera_freeze_confirm_{meeting.isoformat()}"
    )
    if (
        st.button(ctx.t("freeze.button", date=formatting.date(meeting)), key="uppdatera_freeze", disabled=not confirmed)
        and confirmed
    ):
        try:
            publishing.freeze(folder, meeting, ctx.access)
            st.session_state["uppdatera_notice"] = ctx.t("freeze.done", date=formatting.date(meeting))
        except publishing.PublishError as exc:
            st.session_state["uppdatera_refusal"] = exc.text(ctx.lang)
        st.rerun()
else:
    st.text(ctx.t("freeze.none_left"))
if frozen:
    st.text(ctx.t("freeze.frozen") + ": " + ", ".join(formatting.date(m) for m in frozen))
