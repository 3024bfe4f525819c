"""Streamlit's own English texts on its widgets, written in the session's language where Streamlit has no setting."""

from __future__ import annotations

from lagesbild import i18n, uploads

# The file uploader's button, its size line and the text shown while files are dragged over it. The
# selectors follow the uploader's element ids; the texts are drawn over Streamlit's hidden own.
_UPLOADER = """
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {{ font-size: 0; }}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {{
    content: {button}; font-size: 1rem;
}}
[data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{ content: {limit}; font-size: 0.875rem; }}
[data-testid="stFileUploaderDropzone"] > div:not([data-testid]) > span {{ font-size: 0; }}
[data-testid="stFileUploaderDropzone"] > div:not([data-testid]) > span::after {{
    content: {drop}; font-size: 0.875rem;
}}
"""


def _css_string(text: str) -> str:
    """text as a CSS string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ") + '"'


def style(lang: str) -> str | None:
    """A <style> block that writes Streamlit's widget texts in lang; None where Streamlit's own are right (English)."""
    if lang == "en":
        return None
    kinds = ", ".join(e.lstrip(".").upper() for e in uploads.EXTENSIONS)
    css = _UPLOADER.format(
        button=_css_string(i18n.t("uploader.button", lang)),
        limit=_css_string(i18n.t("uploader.limit", lang, mb=uploads.MAX_FILE_BYTES // (1024 * 1024), kinds=kinds)),
        drop=_css_string(i18n.t("uploader.drop", lang)),
    )
    return f"<style>{css}</style>"
