"""Historik: every accepted change with who and when, and undoing one."""

import pandas as pd
import streamlit as st

from lagesbild import publishing, ui

ctx = ui.context()
st.title(ctx.t("page.history"))
folder = ui.project_folder(ctx.project.id)
if notice := st.session_state.pop("historik_notice", None):
    st.success(notice)
versions = publishing.history(folder, ctx.access)
if not versions:
    st.text(ctx.t("history.none"))
else:
    st.subheader(ctx.t("history.versions"))
    listing = pd.DataFrame({
        "id": [v.id for v in versions], "tid": [v.time.replace("T", " ")[:19] for v in versions],
        "vem": [v.manifest.get("vem", "") for v in versions], "orsak": [v.manifest.get("orsak", "") for v in versions],
        "filer": [", ".join(f["fil"] for f in v.manifest.get("filer", [])) for v in versions],
    })
    ui.table(listing, {"tid": ("history.time", ui.TEXT), "vem": ("history.who", ui.TEXT),
                       "orsak": ("history.why", ui.TEXT), "filer": ("history.files", ui.TEXT)},
             ctx, key="historik_versions")
    by_id = {v.id: v for v in versions}
    chosen = st.selectbox(ctx.t("history.restore_choice"), list(by_id), key="historik_choice",
                          format_func=lambda i: f"{by_id[i].time.replace('T', ' ')[:19]} · {by_id[i].id}")
    if st.button(ctx.t("history.restore"), key="historik_restore"):
        publishing.restore(folder, by_id[chosen], ctx.access)
        st.session_state["historik_notice"] = ctx.t("history.restored")
        st.rerun()
