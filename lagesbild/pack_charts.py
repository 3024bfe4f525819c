"""The meeting pack's charts: matplotlib's Agg renderer draws each into a PNG in memory.

Offline, no browser, a fraction of a second each (kaleido would have to start Chromium); text uses
DejaVu Sans, shipped with matplotlib, so å ä ö, – and − render.
"""

from __future__ import annotations

import datetime as dt
import io
import textwrap

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator

from lagesbild import charts, formatting, i18n
from lagesbild.pack_layout import Chart, plain

DPI = 150
STATUS_CHART_WIDTH = 120.0


def _figure(height_mm: float, width_mm: float = 174.0) -> Figure:
    fig = Figure(figsize=(width_mm / 25.4, height_mm / 25.4), dpi=DPI, layout="constrained")
    fig.set_facecolor("white")
    return fig


def _png(fig: Figure) -> Chart:
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=DPI, facecolor="white")
    width, height = fig.get_size_inches()
    return out.getvalue(), float(height / width)


def _style(ax, title: str) -> None:
    ax.set_title(title, loc="left", fontsize=10, fontweight="bold", color="#212529")
    ax.tick_params(labelsize=8, colors="#343a40")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.spines["left"].set_color("#adb5bd")
    ax.spines["bottom"].set_color("#adb5bd")


def _text_colour(hex_colour: str) -> str:
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return "black" if 0.299 * red + 0.587 * green + 0.114 * blue > 150 else "white"


def cumulative_chart(curve: pd.DataFrame, rapportdatum: dt.date, lang: str) -> Chart:
    """Cumulative plan, actual and forecast per project month, with the report date marked."""
    months = [pd.Timestamp(m).date() for m in curve.manad]
    x = list(range(len(months)))
    fig = _figure(80)
    ax = fig.add_subplot()
    for column, key, colour, style in (
        ("plan_ackumulerat_kr", "economy.curve_plan", charts.GREY, "--"),
        ("upparbetat_ackumulerat_kr", "economy.curve_actual", charts.BLUE, "-"),
        ("prognos_ackumulerat_kr", "economy.curve_forecast", charts.ORANGE, ":"),
    ):
        ax.plot(
            x,
            curve[column].astype("float64").tolist(),
            color=colour,
            linestyle=style,
            linewidth=2.2,
            label=i18n.t(key, lang),
        )
    current = [i for i, m in enumerate(months) if (m.year, m.month) == (rapportdatum.year, rapportdatum.month)]
    if current:
        ax.axvline(current[0], color="#6c757d", linewidth=0.8)
        late = current[0] > 0.7 * max(len(x) - 1, 1)
        ax.annotate(
            f"{i18n.t('report_date_line', lang)} {formatting.date(rapportdatum)}",
            (current[0], 0),
            xycoords=("data", "axes fraction"),
            xytext=(-4 if late else 4, 4),
            textcoords="offset points",
            ha="right" if late else "left",
            fontsize=7.5,
            color="#495057",
        )
    step = max(1, -(-len(months) // 10))
    ax.xaxis.set_major_locator(FixedLocator(x[::step]))
    ax.set_xticklabels([formatting.month(m) for m in months[::step]])
    ax.yaxis.set_major_locator(MaxNLocator(6))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: formatting.kr(v)))
    ax.set_ylim(bottom=0)
    ax.grid(axis="y", color="#e5e5e5")
    ax.legend(fontsize=8, frameon=False, loc="upper left")
    _style(ax, i18n.t("economy.curve", lang))
    return _png(fig)


def status_chart(counts: pd.DataFrame, lang: str) -> Chart:
    """One bar per indicator status, coloured by status, its count written above it."""
    fig = _figure(48, STATUS_CHART_WIDTH)
    ax = fig.add_subplot()
    bars = ax.bar(
        [i18n.status(s, lang) for s in counts.status],
        counts.antal.tolist(),
        color=[charts.STATUS_COLOURS.get(s, charts.GREY) for s in counts.status],
        width=0.6,
    )
    ax.bar_label(bars, labels=[formatting.number(v) for v in counts.antal], fontsize=8, padding=2)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: formatting.number(v)))
    ax.set_ylabel(i18n.t("col.count", lang), fontsize=8)
    ax.set_ylim(0, max([1, *counts.antal.tolist()]) * 1.2)
    ax.grid(axis="y", color="#e5e5e5")
    ax.set_axisbelow(True)
    _style(ax, i18n.t("indicator_chart", lang))
    return _png(fig)


def activities_chart(by_area: pd.DataFrame, lang: str) -> Chart:
    """Activities per area stacked by the status shown, each segment with its count."""
    areas = sorted(set(by_area.omrade.dropna()))
    fig = _figure(max(50, 8.5 * len(areas) + 28))
    ax = fig.add_subplot()
    y = list(range(len(areas)))
    left = [0] * len(areas)
    for status in [s for s in charts.STATUS_COLOURS if s in set(by_area.visad_status)]:
        part = by_area[by_area.visad_status == status].set_index("omrade").antal
        widths = [int(part.get(a, 0)) for a in areas]
        colour = charts.STATUS_COLOURS[status]
        bars = ax.barh(y, widths, left=left, color=colour, label=i18n.status(status, lang), height=0.6)
        ax.bar_label(
            bars,
            labels=[formatting.number(w) if w else "" for w in widths],
            label_type="center",
            fontsize=7.5,
            color=_text_colour(colour),
        )
        left = [a + b for a, b in zip(left, widths, strict=True)]
    ax.set_yticks(y, ["\n".join(textwrap.wrap(plain(a), 30)) for a in areas])
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: formatting.number(v)))
    ax.set_xlabel(i18n.t("col.count", lang), fontsize=8)
    ax.grid(axis="x", color="#e5e5e5")
    ax.set_axisbelow(True)
    ax.legend(
        fontsize=7.5,
        frameon=False,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.18 if len(areas) > 3 else -0.3),
        ncols=6,
    )
    _style(ax, i18n.t("activities_chart", lang))
    return _png(fig)


def women_share_chart(by_type: pd.DataFrame, lang: str) -> Chart:
    """Share of women per meeting type against the 40–60 % band."""
    types = [plain(t) for t in by_type.typ]
    shares = [None if formatting.missing(s) else float(s) for s in by_type.andel_kvinnor]
    fig = _figure(max(42, 6.5 * len(types) + 26))
    ax = fig.add_subplot()
    ax.axvspan(0.4, 0.6, color=charts.GREEN, alpha=0.12, linewidth=0)
    colours = [charts.GREEN if s is not None and 0.4 <= s <= 0.6 else charts.ORANGE for s in shares]
    bars = ax.barh(range(len(types)), [s or 0 for s in shares], color=colours, height=0.6)
    ax.bar_label(bars, labels=[formatting.pct(s) for s in shares], fontsize=7.5, padding=3)
    ax.set_yticks(range(len(types)), ["\n".join(textwrap.wrap(t, 26)) for t in types])
    ax.invert_yaxis()
    ticks = [0, 0.2, 0.4, 0.6, 0.8, 1]
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_locator(FixedLocator(ticks))
    ax.set_xticklabels([formatting.pct(v, 0) for v in ticks])
    ax.set_xlabel(i18n.t("meetings.share", lang), fontsize=8)
    ax.legend(
        handles=[
            Patch(color=charts.GREEN, alpha=0.25, label=i18n.t("meetings.band", lang)),
            Patch(color=charts.GREEN, label=i18n.t("inside_band", lang)),
            Patch(color=charts.ORANGE, label=i18n.t("outside_band", lang)),
        ],
        fontsize=7.5,
        frameon=False,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.25),
        ncols=3,
    )
    _style(ax, i18n.t("share_chart", lang))
    return _png(fig)
