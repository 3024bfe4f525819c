"""Datakvalitet: every error and warning of the loaded project, located by file, row and column."""

import pandas as pd
import streamlit as st

from lagesbild import ui

ctx = ui.context()
st.title(ctx.t("page.quality"))
project = ctx.project
if not project.problems:
    st.success(ctx.t("quality.ok"))
else:
    message = ctx.t("quality.summary", errors=len(project.errors), warnings=len(project.warnings))
    (st.error if project.errors else st.warning)(message)
    columns = {"fil": ("col.file", ui.TEXT), "rad": ("col.row", ui.INT), "kolumn": ("col.column", ui.TEXT),
               "varde": ("col.value", ui.TEXT), "forvantat": ("col.expected_value", ui.TEXT)}
    for title, problems in (("quality.errors", project.errors), ("quality.warnings", project.warnings)):
        if problems:
            st.subheader(ctx.t(title))
            ui.table(pd.DataFrame([p.as_dict() for p in problems]), columns, ctx, key=f"datakvalitet_{title}")
