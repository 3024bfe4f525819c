"""Datakvalitet: every error and warning of the loaded project, located by file, row and column."""

import streamlit as st

from lagesbild import columns, ui

ctx = ui.context()
st.title(ctx.t("page.quality"))
problems = ctx.problems()
notes = ctx.notes()
errors = [p for p in problems if p.is_error]
warnings = [p for p in problems if not p.is_error]
if not problems:
    st.success(ctx.t("quality.ok"))
else:
    counts = {"errors": ctx.t("count.errors", n=len(errors)), "warnings": ctx.t("count.warnings", n=len(warnings))}
    message = ctx.t("quality.summary", **counts)
    (st.error if errors else st.warning)(message)
    # Errors and warnings are listed apart: the level would say the same on every row.
    listing = columns.pick(columns.PROBLEMS, "fil rad kolumn varde forvantat")
    for title, listed in (("quality.errors", errors), ("quality.warnings", warnings)):
        if listed:
            st.subheader(ctx.t(title))
            ui.problems_table(ctx, listed, listing, key=f"datakvalitet_{title}")
if notes:
    st.subheader(ctx.t("quality.notes"))
    st.caption(ctx.t("quality.notes_help"))
    ui.problems_table(ctx, notes, columns.NOTES, key="datakvalitet_notes")
