"""Historik: every accepted change with who and when, and undoing one."""

import pandas as pd
import streamlit as st

from lagesbild import columns, publishing, ui

ctx = ui.context()
st.title(ctx.t("page.history"))
project = ctx.project
folder = ui.project_folder(project.id)
st.text(ctx.t("upload.project", name=project.meta.namn if project.meta else project.id))
if notice := st.session_state.pop("historik_notice", None):
    st.success(notice)
if refusal := st.session_state.pop("historik_refusal", None):
    st.error(refusal)
versions = publishing.history(folder, ctx.access)
if not versions:
    st.text(ctx.t("history.none"))
else:
    st.subheader(ctx.t("history.versions"))
    listing = pd.DataFrame(
        {
            "id": [v.id for v in versions],
            "tid": [v.local_time for v in versions],
            "vem": [v.manifest.get("vem", "") for v in versions],
            "orsak": [v.manifest.get("orsak", "") for v in versions],
            "filer": [", ".join(v.files) for v in versions],
        }
    )
    ui.table(
        listing,
        (
            columns.Column("tid", "history.time", columns.TEXT),
            columns.Column("vem", "history.who", columns.TEXT),
            columns.Column("orsak", "history.why", columns.TEXT),
            columns.Column("filer", "history.files", columns.TEXT),
        ),
        ctx,
        key="historik_versions",
    )
    by_id = {v.id: v for v in versions}
    labels = {
        v.id: ctx.t("history.label", time=v.local_time, files=", ".join(v.files), who=v.manifest.get("vem", ""))
        for v in versions
    }
    chosen = st.selectbox(
        ctx.t("history.restore_choice"), list(by_id), key="historik_choice", format_func=labels.__getitem__
    )
    # Restoring replaces today's files: the button works only once the user has said yes to this change.
    confirmed = st.checkbox(ctx.t("history.confirm", version=labels[chosen]), key=f"historik_confirm_{chosen}")
    if st.button(ctx.t("history.restore"), key="historik_restore", disabled=not confirmed) and confirmed:
        try:
            publishing.restore(folder, by_id[chosen], ctx.access)
            st.session_state["historik_notice"] = ctx.t("history.restored")
        except publishing.PublishError as exc:
            st.session_state["historik_refusal"] = exc.text(ctx.lang)
        st.rerun()
