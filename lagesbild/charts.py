"""Plotly figures with Swedish axes: numbers and months are written in Python, not by Plotly."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import plotly.graph_objects as go

from lagesbild import formatting

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
BLUE, ORANGE, GREEN, VERMILLION = "#0072B2", "#E69F00", "#009E73", "#D55E00"
SKY, PURPLE, YELLOW, GREY = "#56B4E9", "#CC79A7", "#F0E442", "#999999"
STATUS_COLOURS = {
    "Uppnått": GREEN,
    "I fas": BLUE,
    "Risk": ORANGE,
    "Efter": VERMILLION,
    "Ingen mätning": GREY,
    "Klar": GREEN,
    "Pågår": BLUE,
    "Försenad": VERMILLION,
    "Ej påbörjad": GREY,
    "Pausad": YELLOW,
    "Struken": "#555555",
    "Idé": GREY,
    "Planerad": SKY,
    "Genomförd": GREEN,
    "Avslutad": "#555555",
    "Öppen": ORANGE,
    "Stängd": GREY,
}
SERIES = (BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, YELLOW, GREY)
INK = "#333333"
# Women and men have the same colours on every page and in the meeting pack.
WOMEN, MEN = PURPLE, BLUE
# Further colours for series that outnumber SERIES, from Paul Tol's muted scheme (told apart in colour blindness).
MORE_SERIES = ("#882255", "#44AA99", "#999933", "#332288", "#DDCC77", "#117733")
FONT = {"size": 16}


def safe(text) -> str:
    """Data shown in a chart as plain text: Plotly reads a few HTML tags in labels."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _nice_ticks(top: float, count: int = 5, whole: bool = False) -> list[float]:
    if top <= 0 or math.isnan(top):
        return [0.0]
    raw = top / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if whole:  # counts of meetings or activities have no halves
        step = max(1.0, math.ceil(step))
    return [i * step for i in range(int(top // step) + 2)]


def _layout(fig: go.Figure, title: str, height: int = 420) -> go.Figure:
    fig.update_layout(
        title={"text": title, "font": {"size": 20}},
        font=FONT,
        height=height,
        margin={"l": 10, "r": 20, "t": 70, "b": 40},
        separators=formatting.separators(),
        # Below the plot: above it, a long legend runs into the title. At the foot of the whole chart,
        # not a fixed share of the plot below it: a legend of two or three rows then covered the axis labels.
        legend={"orientation": "h", "yref": "container", "yanchor": "bottom", "y": 0, "xanchor": "left", "x": 0},
        plot_bgcolor="white",
    )
    fig.update_xaxes(showgrid=False, automargin=True)
    fig.update_yaxes(gridcolor="#e5e5e5", automargin=True)
    return fig


def _value_axis(fig: go.Figure, values, unit: str = "kr", axis: str = "y") -> None:
    """Ticks written in Python; unit is "kr", "%", "antal" (whole numbers) or "" (any number)."""
    top = max((float(v) for v in values if v is not None and not pd.isna(v)), default=0.0)
    ticks = _nice_ticks(top, whole=unit == "antal")
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    decimals = max(0, -math.floor(math.log10(step)))
    if not float(round(step * 10**decimals, 6)).is_integer():  # 0,25 needs two decimals, not one
        decimals += 1
    if unit == "kr":
        labels = [formatting.kr(v) for v in ticks]
    elif unit == "%":
        labels = [formatting.pct(v, 0) for v in ticks]
    else:
        labels = [formatting.number(v, decimals) for v in ticks]
    update = fig.update_yaxes if axis == "y" else fig.update_xaxes
    update(tickvals=ticks, ticktext=labels, range=[0, ticks[-1]])


def _month_axis(fig: go.Figure, months: list[dt.date]) -> None:
    """At most eight month ticks, level, the year written where it changes: rotated ticks ran into the legend."""
    if not months:
        return
    step = max(1, math.ceil(len(months) / 8))
    shown = months[::step]
    text = [
        formatting.month(m) if i == 0 or m.year != shown[i - 1].year else formatting.month_name(m)
        for i, m in enumerate(shown)
    ]
    # Apart from the value axis' "0 kr", which ends where the first month begins.
    fig.update_xaxes(tickvals=shown, ticktext=text, tickangle=0, ticklabelstandoff=10)


def _months(series: pd.Series) -> list[dt.date]:
    return [pd.Timestamp(v).date() for v in series]


def report_date_line(fig: go.Figure, rapportdatum: dt.date | None, label: str, first=None, last=None) -> None:
    """A vertical line at the report date across the plot, labelled just above it on the side with room."""
    if rapportdatum is None:
        return
    late = (
        first is not None
        and last is not None
        and (pd.Timestamp(rapportdatum) - pd.Timestamp(first)) > (pd.Timestamp(last) - pd.Timestamp(rapportdatum))
    )
    fig.add_shape(
        type="line",
        xref="x",
        yref="paper",
        x0=rapportdatum,
        x1=rapportdatum,
        y0=0,
        y1=1,
        line={"color": INK, "width": 2, "dash": "dot"},
    )
    fig.add_annotation(
        x=rapportdatum,
        y=1,
        xref="x",
        yref="paper",
        yanchor="bottom",
        xanchor="right" if late else "left",
        showarrow=False,
        text=safe(f"{label} {formatting.date(rapportdatum)}"),
        font={"size": 14, "color": INK},
        bgcolor="rgba(255,255,255,0.85)",
    )


def cumulative_costs(
    curve: pd.DataFrame, labels: dict[str, str], title: str, rapportdatum: dt.date | None = None
) -> go.Figure:
    """Cumulative plan, actual and forecast per month, with the report date marked."""
    months = _months(curve.manad)
    fig = go.Figure()
    for column, key, colour, dash in (
        ("plan_ackumulerat_kr", "plan", GREY, "dash"),
        ("upparbetat_ackumulerat_kr", "actual", BLUE, "solid"),
        ("prognos_ackumulerat_kr", "forecast", ORANGE, "dot"),
    ):
        values = curve[column].tolist()
        fig.add_trace(
            go.Scatter(
                x=months,
                y=values,
                name=labels[key],
                mode="lines",
                line={"color": colour, "dash": dash, "width": 3},
                text=[formatting.kr(v) for v in values],
                hovertemplate="%{text}<extra>" + labels[key] + "</extra>",
            )
        )
    _layout(fig, title)
    _month_axis(fig, months)
    _value_axis(
        fig, curve[["plan_ackumulerat_kr", "upparbetat_ackumulerat_kr", "prognos_ackumulerat_kr"]].max(axis=1).tolist()
    )
    report_date_line(
        fig, rapportdatum, labels.get("report_date", ""), months[0] if months else None, months[-1] if months else None
    )
    return fig


def grouped_bars(
    df: pd.DataFrame,
    category: str,
    series: dict[str, str],
    title: str,
    unit: str = "kr",
    horizontal: bool = False,
    height: int = 420,
    colours: tuple[str, ...] = SERIES,
) -> go.Figure:
    """Bars per category, one colour per series (column → legend label)."""
    fig = go.Figure()
    for colour, (column, label) in zip(colours, series.items(), strict=False):
        values = df[column].tolist()
        text = [formatting.kr(v) if unit == "kr" else formatting.number(v) for v in values]
        # With more than two series the bars are too thin to carry readable values; the table has them.
        bar = go.Bar(
            name=safe(label),
            marker_color=colour,
            text=text,
            textposition="auto" if len(series) <= 2 else "none",
            hovertemplate="%{text}<extra>" + label + "</extra>",
        )
        if horizontal:
            # Two lines rather than a name cut off at the left edge of a narrow chart.
            bar.update(x=values, y=[wrap(str(c), 22) for c in df[category]], orientation="h")
        else:
            bar.update(x=[safe(c) for c in df[category]], y=values)
        fig.add_trace(bar)
    _layout(fig, title, height)
    fig.update_layout(barmode="group")
    _value_axis(fig, df[list(series)].max(axis=1).tolist(), unit, "x" if horizontal else "y")
    if horizontal:
        fig.update_yaxes(autorange="reversed")
    return fig


def bars_by_series(long: pd.DataFrame, category: str, series: str, value: str, title: str) -> go.Figure:
    """Grouped bars from long data: one bar group per category, one colour per series value."""
    wide = long.pivot_table(index=category, columns=series, values=value, fill_value=0).reset_index()
    names = [c for c in wide.columns if c != category]
    return grouped_bars(wide, category, {n: n for n in names}, title, unit="antal")


def status_bars(counts: pd.DataFrame, label_of, title: str, height: int = 320) -> go.Figure:
    """One bar per status, coloured by status, with its count written on it."""
    fig = go.Figure(
        go.Bar(
            x=[label_of(s) for s in counts.status],
            y=counts.antal.tolist(),
            marker_color=[STATUS_COLOURS.get(s, GREY) for s in counts.status],
            text=[formatting.number(v) for v in counts.antal],
            textposition="auto",
            hovertemplate="%{x}: %{text}<extra></extra>",
        )
    )
    _layout(fig, title, height)
    _value_axis(fig, counts.antal.tolist(), unit="antal")
    return fig


def stacked_status(
    counts: pd.DataFrame, group: str, status_col: str, label_of, title: str, height: int = 380
) -> go.Figure:
    """Counts (column antal) per group stacked by status, e.g. activities per area."""
    fig = go.Figure()
    for status in [s for s in STATUS_COLOURS if s in set(counts[status_col])]:
        part = counts[counts[status_col] == status]
        fig.add_trace(
            go.Bar(
                # Long area names on two lines: Plotly's margin cannot grow enough for them on a laptop.
                y=[wrap(str(g), 22) for g in part[group]],
                x=part.antal.tolist(),
                orientation="h",
                name=label_of(status),
                marker_color=STATUS_COLOURS[status],
                text=[formatting.number(v) for v in part.antal],
                textposition="inside",
                hovertemplate="%{y}: %{text}<extra>" + label_of(status) + "</extra>",
            )
        )
    _layout(fig, title, height)
    fig.update_layout(barmode="stack")
    fig.update_yaxes(autorange="reversed")
    totals = counts.groupby(group).antal.sum().tolist()
    _value_axis(fig, totals, unit="antal", axis="x")
    return fig


def _date_axis(fig: go.Figure, first: dt.date, last: dt.date) -> None:
    """Few enough ticks for a chart in half a laptop screen: each new year, or each quarter within a year."""
    if (last - first).days > 550:
        shown = [dt.date(y, 1, 1) for y in range(first.year + 1, last.year + 1)]
        text = [str(d.year) for d in shown]
    else:
        shown = [d.date() for d in pd.date_range(first.replace(day=1), last, freq="QS")]
        text = [
            formatting.month(d) if i == 0 or d.month == 1 else formatting.month_name(d) for i, d in enumerate(shown)
        ]
    fig.update_xaxes(
        type="date",
        tickvals=shown,
        ticktext=text,
        tickangle=0,
        ticklabelstandoff=10,  # apart from the value axis' 0, which ends where the first date begins
        range=[first - dt.timedelta(days=15), last + dt.timedelta(days=20)],
    )


def indicator(
    values: pd.DataFrame,
    target: float,
    labels: dict[str, str],
    title: str,
    baseline: float | None = None,
    start: dt.date | None = None,
    target_date: dt.date | None = None,
    rapportdatum: dt.date | None = None,
) -> go.Figure:
    """An indicator from project start to its target date: values, women and men, target and expected path."""
    dates = [pd.Timestamp(d).date() for d in values.datum]
    fig = go.Figure()
    if values.kvinnor.notna().any() or values.man.notna().any():
        for column, key, colour in (("kvinnor", "women", WOMEN), ("man", "men", MEN)):
            numbers = values[column].tolist()
            # A fixed width: on an axis of several years Plotly would draw a lone bar one pixel wide.
            fig.add_trace(
                go.Bar(
                    x=dates,
                    y=numbers,
                    name=labels[key],
                    marker_color=colour,
                    width=[20 * 86_400_000] * len(dates),
                    text=[formatting.number(v) for v in numbers],
                    hovertemplate="%{text}<extra>" + labels[key] + "</extra>",
                )
            )
        fig.update_layout(barmode="stack")
    if baseline is not None and start is not None and target_date is not None and not formatting.missing(baseline):
        fig.add_trace(
            go.Scatter(
                x=[start, target_date],
                y=[baseline, target],
                name=labels["expected"],
                mode="lines",
                line={"color": GREY, "dash": "dash", "width": 2},
                hoverinfo="skip",
            )
        )
    numbers = values.varde.tolist()
    fig.add_trace(
        go.Scatter(
            x=dates,
            y=numbers,
            name=labels["value"],
            mode="lines+markers",
            line={"color": INK, "width": 3},
            marker={"size": 10},
            text=[formatting.number(v, 0 if float(v).is_integer() else 1) for v in numbers],
            hovertemplate="%{text}<extra>" + labels["value"] + "</extra>",
        )
    )
    if target_date is not None:
        fig.add_trace(
            go.Scatter(
                x=[target_date],
                y=[target],
                name=labels["target"],
                mode="markers+text",
                marker={"color": VERMILLION, "size": 14, "symbol": "diamond"},
                text=[formatting.number(target)],
                textposition="top left",
                hovertemplate=f"{labels['target']} {formatting.number(target)}<extra></extra>",
            )
        )
    fig.add_hline(y=target, line={"color": VERMILLION, "dash": "dot", "width": 1})
    _layout(fig, title, 400)
    # Counted indicators (meetings, members) get whole ticks: 0,25 of a meeting means nothing.
    counted = all(float(v).is_integer() for v in [*numbers, target] if not formatting.missing(v))
    _value_axis(fig, [*numbers, target * 1.15], unit="antal" if counted else "")
    if start is not None and target_date is not None:
        end = max(target_date, *dates) if dates else target_date
        _date_axis(fig, start, end)
        report_date_line(fig, rapportdatum, labels.get("report_date", ""), start, end)
    else:
        shown = dates[:: max(1, math.ceil(len(dates) / 5))]
        fig.update_xaxes(tickvals=shown, ticktext=[formatting.date(d) for d in shown])
    return fig


def wrap(title: str, width: int = 48) -> str:
    """A chart title on several lines, so that a long indicator name is not cut off."""
    lines, line = [], ""
    for word in safe(title).split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join([*lines, line])


# A timeline stays readable up to this many bars; beyond, it shows the first this many (and says so).
GANTT_BARS = 200
# The plot area of a timeline on a 1280-pixel screen, and the width of a character at 14 px.
GANTT_PIXELS, CHAR_PIXELS = 560, 8


def _bar_label(
    name: str, start: pd.Timestamp, end: pd.Timestamp, first: pd.Timestamp, last: pd.Timestamp, span: float
) -> tuple[str, str]:
    """Where an activity's name goes (inside, left, right) and the name, shortened to the room there."""

    def pixels(a: pd.Timestamp, b: pd.Timestamp) -> float:
        return (b - a).total_seconds() / span * GANTT_PIXELS

    inside = int((pixels(start, end) - 16) / CHAR_PIXELS)
    if len(name) <= inside:
        return "inside", name
    left, right = pixels(first, start), pixels(end, last)
    beside = int((max(left, right) - 12) / CHAR_PIXELS)
    if beside >= min(len(name), 16) and beside >= inside:
        return ("right" if right >= left else "left"), formatting.shorten(name, beside)
    return ("inside", formatting.shorten(name, inside)) if inside >= 6 else ("none", "")


def timeline(
    activities: pd.DataFrame, label_of, title: str, rapportdatum: dt.date | None = None, report_label: str = ""
) -> go.Figure:
    """Gantt chart of activities per area, coloured by shown status, the report date marked.

    A name that fits its bar is written inside it; a short bar gets its name beside it, on the
    side with more room, so that no name is hidden or shrunk unreadable.
    """
    fig = go.Figure()
    rows = activities.dropna(subset=["start", "slut"])
    beside: list[dict] = []  # the names written beside their bars
    if len(rows):
        first = pd.Timestamp(rows.start.min())
        last = pd.Timestamp(rows.slut.max()) + pd.Timedelta(days=1)
        span = max((last - first).total_seconds(), 1.0)
    for status in [s for s in STATUS_COLOURS if s in set(rows.visad_status)]:
        part = rows[rows.visad_status == status]
        starts = [pd.Timestamp(v) for v in part.start]
        ends = [pd.Timestamp(v) + pd.Timedelta(days=1) for v in part.slut]
        names = [str(a) for a in part.aktivitet]
        placed = [_bar_label(n, s, e, first, last, span) for s, e, n in zip(starts, ends, names, strict=True)]
        # Whole, never shortened: a cut name would show part of what the file says.
        labels_y = [safe(f"{a} · {i}") for a, i in zip(part.omrade, part.id, strict=True)]
        fig.add_trace(
            go.Bar(
                # Dates as the text Plotly writes for them: a Timestamp is written through a slow
                # fallback, for every bar on every rerun.
                base=[v.isoformat() for v in starts],
                x=[(e - s).total_seconds() * 1000 for s, e in zip(starts, ends, strict=True)],
                y=labels_y,
                orientation="h",
                name=label_of(status),
                marker_color=STATUS_COLOURS[status],
                text=[safe(text) if side == "inside" else "" for side, text in placed],
                textposition="inside",
                insidetextanchor="start",
                textfont={"size": 14},
                customdata=[
                    [safe(n), f"{formatting.date(s)} – {formatting.date(e)}"]
                    for n, s, e in zip(names, part.start, part.slut, strict=True)
                ],
                hovertemplate="%{customdata[0]}<br>%{customdata[1]}<extra>" + label_of(status) + "</extra>",
            )
        )
        beside += [
            {
                "x": (e if side == "right" else s).isoformat(),
                "y": y,
                "text": safe(text),
                "showarrow": False,
                "xanchor": "left" if side == "right" else "right",
                "xshift": 6 if side == "right" else -6,
                "font": {"size": 14, "color": INK},
            }
            for s, e, y, (side, text) in zip(starts, ends, labels_y, placed, strict=True)
            if side in ("left", "right")
        ]
    # All at once: one add_annotation per bar validates every earlier one again (seconds at 200 bars).
    fig.update_layout(annotations=beside)
    _layout(fig, title, max(360, 34 * len(rows) + 140))
    fig.update_layout(barmode="overlay")
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(type="date")
    if len(rows):
        months = [d.date() for d in pd.date_range(first.date().replace(day=1), last.date(), freq="MS")]
        step = max(1, math.ceil(len(months) / 12))
        fig.update_xaxes(
            tickvals=months[::step],
            ticktext=[formatting.month(m) for m in months[::step]],
            range=[first - pd.Timedelta(days=10), last + pd.Timedelta(days=10)],
        )
    report_date_line(fig, rapportdatum, report_label, first if len(rows) else None, last if len(rows) else None)
    return fig


def share_of_women(by_type: pd.DataFrame, labels: dict[str, str], title: str) -> go.Figure:
    """Share of women per meeting type against the 40–60 % band."""
    shares = by_type.andel_kvinnor.tolist()
    colours = [GREEN if s is not None and not pd.isna(s) and 0.4 <= s <= 0.6 else ORANGE for s in shares]
    fig = go.Figure(
        go.Bar(
            y=[safe(t) for t in by_type.typ],
            x=shares,
            orientation="h",
            marker_color=colours,
            text=[formatting.pct(s) for s in shares],
            textposition="auto",
            name=labels["share"],
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    # The band's label above the plot: below it, it ran into the percentages of the axis.
    fig.add_vrect(x0=0.4, x1=0.6, fillcolor=GREEN, opacity=0.12, line_width=0)
    fig.add_annotation(
        x=0.4,
        y=1,
        xref="x",
        yref="paper",
        yanchor="bottom",
        xanchor="left",
        showarrow=False,
        text=safe(labels["band"]),
        font={"size": 14, "color": INK},
    )
    _layout(fig, title, max(300, 50 * len(by_type) + 120))
    fig.update_xaxes(
        range=[0, 1.02],
        tickvals=[0, 0.2, 0.4, 0.6, 0.8, 1],
        ticktext=[formatting.pct(v, 0) for v in (0, 0.2, 0.4, 0.6, 0.8, 1)],
    )
    fig.update_yaxes(autorange="reversed")
    return fig


def meetings_per_month(counts: pd.DataFrame, title: str) -> go.Figure:
    """Meeting places per month, stacked by type (queries/meetings_by_month.sql)."""
    counts = counts.assign(manad=[pd.Timestamp(d).date() for d in counts.manad])
    months = sorted(set(counts.manad))
    fig = go.Figure()
    # Not the colours of women and men, which the charts below it use; twelve types before a colour
    # comes round again.
    colours = (*(c for c in SERIES if c not in (WOMEN, MEN)), *MORE_SERIES)
    for number, typ in enumerate(sorted(set(counts.typ))):
        part = counts[counts.typ == typ]
        fig.add_trace(
            go.Bar(
                x=part.manad.tolist(),
                y=part.antal.tolist(),
                name=safe(typ),
                marker_color=colours[number % len(colours)],
                hovertemplate="%{y}<extra>" + safe(typ) + "</extra>",
            )
        )
    _layout(fig, title, 380)
    fig.update_layout(barmode="stack")
    _month_axis(fig, months)
    _value_axis(fig, counts.antal_manad.tolist(), unit="antal")
    return fig


def risk_matrix(risks: pd.DataFrame, labels: dict[str, str], title: str) -> go.Figure:
    """4×4 matrix: likelihood up, impact across; each cell lists its risks' Ids."""
    grid = [[0] * 4 for _ in range(4)]
    names: list[list[list[str]]] = [[[] for _ in range(4)] for _ in range(4)]
    for row in risks.itertuples():
        # An unreadable likelihood or impact is a data-quality problem, not a square in the matrix.
        if (
            pd.notna(row.sannolikhet)
            and pd.notna(row.konsekvens)
            and 1 <= row.sannolikhet <= 4
            and 1 <= row.konsekvens <= 4
        ):
            grid[int(row.sannolikhet) - 1][int(row.konsekvens) - 1] += 1
            names[int(row.sannolikhet) - 1][int(row.konsekvens) - 1].append(str(row.id))
    score = [[(s + 1) * (k + 1) for k in range(4)] for s in range(4)]
    fig = go.Figure(
        go.Heatmap(
            z=score,
            x=[1, 2, 3, 4],
            y=[1, 2, 3, 4],
            showscale=False,
            colorscale=[[0, "#f7f7f7"], [0.35, YELLOW], [0.65, ORANGE], [1, VERMILLION]],
            text=[[safe(", ".join(cell)) for cell in row] for row in names],
            texttemplate="%{text}",
            textfont={"size": 18},
            hovertemplate="%{text}<extra></extra>",
            xgap=3,
            ygap=3,
        )
    )
    _layout(fig, title, 440)
    fig.update_xaxes(title=labels["impact"], tickvals=[1, 2, 3, 4], ticktext=["1", "2", "3", "4"])
    fig.update_yaxes(title=labels["likelihood"], tickvals=[1, 2, 3, 4], ticktext=["1", "2", "3", "4"])
    return fig
