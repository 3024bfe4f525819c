"""Datakvalitet: every error and warning of the loaded project, located by file, row and column."""

import pandas as pd
import streamlit as st

from lagesbild import ui

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
    columns = {
        "fil": ("col.file", ui.TEXT),
        "rad": ("col.row", ui.INT),
        "kolumn": ("col.column", ui.TEXT),
        "varde": ("col.value", ui.TEXT),
        "forvantat": ("col.expected_value", ui.TEXT),
    }
    for title, listed in (("quality.errors", errors), ("quality.warnings", warnings)):
        if listed:
            st.subheader(ctx.t(title))
            ui.table(pd.DataFrame([p.as_dict(ctx.lang) for p in listed]), columns, ctx, key=f"datakvalitet_{title}")
if notes:
    st.subheader(ctx.t("quality.notes"))
    st.caption(ctx.t("quality.notes_help"))
    ui.table(
        pd.DataFrame([p.as_dict(ctx.lang) for p in notes]),
        {"fil": ("col.file", ui.TEXT), "kolumn": ("col.column", ui.TEXT), "forvantat": ("col.note", ui.TEXT)},
        ctx,
        key="datakvalitet_notes",
    )
