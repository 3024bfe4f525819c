"""The steering group's verdict per area: its inputs, and each verdict written as a line with links."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from lagesbild import formatting, i18n, statuses

GREEN, AMBER, RED = "gron", "gul", "rod"
AREAS = ("ekonomi", "mal", "aktiviteter", "paverkan", "risker")
# area → the page its items open on, and the query parameter that page filters by
PAGE_OF = {
    "ekonomi": "pages/ekonomi.py",
    "mal": "pages/mal.py",
    "aktiviteter": "pages/aktiviteter.py",
    "paverkan": "pages/paverkan.py",
    "risker": "pages/risker.py",
}
FILTER_OF = {"mal": "mal_id", "aktiviteter": "aktiviteter_id", "paverkan": "paverkan_id", "risker": "risker_id"}
# A link label is Markdown: only an Id of plain letters, digits, dots and dashes may be one.
_PLAIN_ID = re.compile(r"[A-Za-z0-9ÅÄÖåäö._-]{1,24}")
NAME_LENGTH = 34
# Items named, and linked, per area: a meeting reads five; the rest are counted and one click away.
NAMED = 5


@dataclass(frozen=True)
class Item:
    """One named item of a verdict: what it is, and where it opens."""

    id: str
    text: str
    page: str
    query: dict[str, str]
    label: str | None  # a safe link label, None when the Id cannot be one


@dataclass(frozen=True)
class Verdict:
    """One area's verdict: its level, the level's words and a one-line reason naming the items."""

    area: str
    level: str
    title: str
    badge: str
    reason: str
    page: str
    items: tuple[Item, ...]


def params(totals: pd.Series, financiers: pd.DataFrame, indicators: pd.DataFrame) -> dict:
    """The figures queries/verdicts.sql judges, taken from the queries that compute them."""
    broken = [(row.finansiar, flag) for row in financiers.itertuples() for flag in row.flaggor]
    return {
        "upparbetat_kr": float(totals.upparbetat_kr),
        "plan_till_datum_kr": float(totals.plan_till_datum_kr),
        "regelbrott_finansiar": tuple(str(name) for name, _ in broken),
        "regelbrott_flagga": tuple(str(flag) for _, flag in broken),
        "indikator_id": tuple(str(v) for v in indicators.id),
        "indikator_namn": tuple(str(v) for v in indicators.namn),
        "indikator_status": tuple(str(v) for v in indicators.status),
    }


def short(text: str, length: int = NAME_LENGTH) -> str:
    """A name short enough for a one-line reason."""
    return formatting.shorten(text, length)


def _named(posts: list[dict], lang: str, figure: str | None = None) -> str:
    """The first NAMED items by name (the query orders them most pressing first), then how many more."""
    parts = []
    for post in posts[:NAMED]:
        part = f"{post['id']} {post['namn']}"  # whole: a reason quotes the file, it does not abridge it
        if figure is not None and not formatting.missing(post["varde"]):
            part += f" ({i18n.t(figure, lang, n=post['varde'])})"
        parts.append(part)
    more = len(posts) - NAMED
    return ", ".join(parts) + (" " + i18n.t("verdict.more", lang, n=more) if more > 0 else "")


def _reason(area: str, row, posts: list[dict], lang: str) -> str:
    if area == "ekonomi":
        share = row.avvikelse_andel
        if formatting.missing(share):
            text = i18n.t("verdict.ekonomi.no_plan", lang)
        else:
            direction = "under" if share < 0 else "over"
            text = i18n.t(
                f"verdict.ekonomi.{direction}",
                lang,
                share=formatting.pct(abs(share)),
                amount=formatting.kr(row.avvikelse_kr),
            )
        if posts:
            rules = ", ".join(f"{p['id']} ({i18n.t('flag_short.' + str(p['namn']), lang)})" for p in posts)
            text += " " + i18n.t("verdict.ekonomi.rules", lang, rules=rules)
        return text
    if not posts:
        return i18n.t(f"verdict.{area}.none", lang)
    if area == "mal":
        behind = [p for p in posts if p["grupp"] == statuses.BEHIND]
        risk = [p for p in posts if p["grupp"] != statuses.BEHIND]
        parts = [
            i18n.t("verdict.mal.behind", lang, n=len(group), items=_named(group, lang)) for group in (behind,) if group
        ]
        parts += [
            i18n.t("verdict.mal.risk", lang, n=len(group), items=_named(group, lang)) for group in (risk,) if group
        ]
        return "; ".join(parts)
    figure = {"aktiviteter": "verdict.days_late", "paverkan": "verdict.days_late", "risker": "verdict.score"}[area]
    return i18n.t(f"verdict.{area}", lang, n=len(posts), items=_named(posts, lang, figure))


def lines(frame: pd.DataFrame, lang: str = "sv") -> list[Verdict]:
    """Each area of queries/verdicts.sql as a verdict with its reason and its items' links."""
    out = []
    for row in frame.itertuples():
        area = str(row.omrade)
        posts = [dict(p) for p in (row.poster if row.poster is not None else [])]
        page = PAGE_OF[area]
        items = []
        for post in posts[:NAMED]:
            if area == "ekonomi":
                continue  # a financier's rule is read on the Ekonomi page as a whole
            ident = str(post["id"])
            items.append(
                Item(
                    ident,
                    f"{ident} {short(post['namn'])}",
                    page,
                    {FILTER_OF[area]: ident},
                    ident if _PLAIN_ID.fullmatch(ident) else None,
                )
            )
        out.append(
            Verdict(
                area,
                str(row.bedomning),
                i18n.t(f"verdict.area.{area}", lang),
                i18n.t(f"verdict.level.{row.bedomning}", lang),
                _reason(area, row, posts, lang),
                page,
                tuple(items),
            )
        )
    return out
