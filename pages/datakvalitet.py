"""Datakvalitet: every error and warning of the loaded project, located by file, row and column."""

import pandas as pd
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
    listing = (
        columns.Column("fil", "col.file", columns.TEXT),
        columns.Column("rad", "col.row", columns.INT),
        columns.Column("kolumn", "col.column", columns.TEXT),
        columns.Column("varde", "col.value", columns.TEXT),
        columns.Column("forvantat", "col.expected_value", columns.TEXT),
    )
    for title, listed in (("quality.errors", errors), ("quality.warnings", warnings)):
        if listed:
            st.subheader(ctx.t(title))
            ui.table(pd.DataFrame([p.as_dict(ctx.lang) for p in listed]), listing, ctx, key=f"datakvalitet_{title}")
if notes:
    st.subheader(ctx.t("quality.notes"))
    st.caption(ctx.t("quality.notes_help"))
    ui.table(
        pd.DataFrame([p.as_dict(ctx.lang) for p in notes]),
        (
            columns.Column("fil", "col.file", columns.TEXT),
            columns.Column("kolumn", "col.column", columns.TEXT),
            columns.Column("forvantat", "col.note", columns.TEXT),
        ),
        ctx,
        key="datakvalitet_notes",
    )
