"""Uppdatera data: upload new exports, review problems and changes, accept; freeze for a meeting."""

import pandas as pd
import streamlit as st

from lagesbild import formatting, publishing, ui, uploads

ctx = ui.context()
st.title(ctx.t("page.upload"))
project = ctx.project
folder = ui.project_folder(project.id)
st.text(ctx.t("upload.intro"))
if notice := st.session_state.pop("uppdatera_notice", None):
    st.success(notice)
# A published upload must leave the uploader: the browser keeps its files (and would send them again with
# the next click) unless the widget is a new one, so every accepted upload moves the key on.
uploaded = st.session_state.get("uppdatera_uploaded", 0)
files = st.file_uploader(ctx.t("upload.files"), type=[e.lstrip(".") for e in uploads.EXTENSIONS],
                         accept_multiple_files=True,
                         key=f"uppdatera_files_{uploaded}" if uploaded else "uppdatera_files")
if files:
    checked = uploads.preview(folder, project, [(f.name, f.getvalue()) for f in files], ctx.access)
    if checked.recognised:
        st.subheader(ctx.t("upload.recognised"))
        st.dataframe(pd.DataFrame({ctx.t("upload.uploaded"): list(checked.recognised),
                                   ctx.t("upload.replaces"): list(checked.recognised.values())}),
                     hide_index=True, key="uppdatera_recognised")
    if checked.problems:
        ui.table(pd.DataFrame([p.as_dict() for p in checked.problems]),
                 {"niva": ("col.level_problem", ui.TEXT), "fil": ("col.file", ui.TEXT), "rad": ("col.row", ui.INT),
                  "kolumn": ("col.column", ui.TEXT), "varde": ("col.value", ui.TEXT),
                  "forvantat": ("col.expected_value", ui.TEXT)}, ctx, key="uppdatera_problems")
    if checked.changes:
        st.subheader(ctx.t("upload.changes"))
        ui.table(pd.DataFrame([c.__dict__ for c in checked.changes]),
                 {"fil": ("col.file", ui.TEXT), "fore": ("upload.rows_before", ui.INT),
                  "efter": ("upload.rows_after", ui.INT), "tillagda": ("upload.added", ui.INT),
                  "borttagna": ("upload.removed", ui.INT), "andrade": ("upload.changed", ui.INT)},
                 ctx, key="uppdatera_changes")
    if checked.totals is not None and len(checked.totals):
        st.subheader(ctx.t("upload.totals"))
        ui.table(checked.totals, {"matt": ("upload.measure", ui.LABEL), "fore_kr": ("upload.before", ui.KR),
                                  "efter_kr": ("upload.after", ui.KR)}, ctx, key="uppdatera_totals")
    if checked.errors:
        st.error(ctx.t("upload.has_errors", n=len(checked.errors)))
    elif checked.publishable:
        st.success(ctx.t("upload.ok"))
        if st.button(ctx.t("upload.accept"), type="primary", key="uppdatera_accept"):
            version = uploads.accept(folder, checked, ctx.access)
            st.session_state["uppdatera_notice"] = ctx.t("upload.accepted", version=version.id)
            st.session_state["uppdatera_uploaded"] = uploaded + 1
            st.rerun()

st.divider()
st.subheader(ctx.t("freeze.title"))
st.text(ctx.t("freeze.help"))
frozen = publishing.frozen_meetings(folder)
# A meeting before the report date cannot be frozen any more: today's data is not what it saw.
open_meetings = [m for m in (project.meta.styrgruppsmoten if project.meta else ())
                 if m not in frozen and (ctx.rapportdatum is None or m >= ctx.rapportdatum)]
if open_meetings:
    meeting = st.selectbox(ctx.t("freeze.meeting"), open_meetings, format_func=formatting.date,
                           key="uppdatera_meeting")
    if st.button(ctx.t("freeze.button", date=formatting.date(meeting)), key="uppdatera_freeze"):
        try:
            publishing.freeze(folder, meeting, ctx.access)
            st.session_state["uppdatera_notice"] = ctx.t("freeze.done", date=formatting.date(meeting))
        except publishing.PublishError as exc:
            st.session_state["uppdatera_notice"] = str(exc)
        st.rerun()
else:
    st.text(ctx.t("freeze.none_left"))
if frozen:
    st.text(ctx.t("freeze.frozen") + ": " + ", ".join(formatting.date(m) for m in frozen))
