"""The meeting pack's page: A4 measures, colours and font, plain text, and how a table's columns share the width.

fpdf2 writes the PDF – pure Python with no system dependency, Unicode TrueType fonts, tables that wrap
long text and repeat their header row after a page break, and PDF outline entries (start_section) for
every section. Every data value goes through fpdf2 as plain text: table cells are not read as markdown,
and the page-count alias is switched off (the pack is laid out twice, the second time with the page
total known), so no text from the data is ever rewritten.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

import matplotlib
import pandas as pd
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from lagesbild import formatting

FONT = "DejaVu"
FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
MARGIN = 18.0
TOP = 20.0
BOTTOM = 18.0
INK = (33, 37, 41)
MUTED = (95, 99, 104)
RULE = (190, 196, 204)
HEAD_FILL = (226, 234, 242)
ZEBRA = (246, 247, 249)
GROUP_FILL = (236, 240, 245)
PAD_X = 1.4
# The room a cell needs beside its longest word: the padding on both sides and a little for rounding.
CELL_ROOM = 2 * PAD_X + 0.8
# No one word may claim more than this share of a table's width; a longer one (a link, an id) wraps.
WORD_SHARE = 0.4

# A chart: PNG bytes and its height / width.
Chart = tuple[bytes, float]


def plain(value) -> str:
    """A data value as plain text: '–' when missing, control characters replaced by spaces."""
    if formatting.missing(value):
        return "–"
    if isinstance(value, pd.Timestamp | dt.date):
        return formatting.date(value)
    return "".join(" " if unicodedata.category(c) == "Cc" and c != "\n" else c for c in str(value))


def words(text: str) -> list[str]:
    """The pieces a cell may wrap between: split at spaces and line breaks, never at a no-break space.

    A figure is written with no-break spaces (1 800 000 kr), so it is one piece and keeps its line.
    """
    return [w for w in text.replace("\n", " ").split(" ") if w]


def least_widths(rows: Sequence[Sequence[str]], measure: Callable[[str], float], width: float) -> list[float]:
    """Per column, the width its longest unbreakable piece needs (measure gives a text's width), at most
    WORD_SHARE of the table's width."""
    count = max((len(r) for r in rows), default=0)
    least = [0.0] * count
    for values in rows:
        for i, value in enumerate(values):
            longest = max((measure(w) for w in words(value)), default=0.0)
            least[i] = max(least[i], min(longest + CELL_ROOM, width * WORD_SHARE))
    return least


def column_widths(relative: Sequence[float], least: Sequence[float], width: float) -> list[float]:
    """Column widths that fill width: the relative widths asked for, each widened to its least width.

    What a column is widened by is taken from the columns that have room beyond their own least width,
    in proportion to that room. When the least widths together exceed the table, the widest of them are
    capped until they fit (their words wrap) – the narrow columns, figures among them, keep theirs.
    """
    count = len(relative)
    wanted = [width * w / sum(relative) for w in relative]
    least = list(least)
    if sum(least) > width:
        low, high = 0.0, max(least)
        for _ in range(40):
            cap = (low + high) / 2
            low, high = (cap, high) if sum(min(m, cap) for m in least) <= width else (low, cap)
        least = [min(m, low) for m in least]
    fitted = wanted[:]
    for _ in range(count):
        short = [i for i in range(count) if fitted[i] < least[i] - 1e-6]
        if not short:
            break
        need = sum(least[i] - fitted[i] for i in short)
        for i in short:
            fitted[i] = least[i]
        slack = {j: fitted[j] - least[j] for j in range(count) if fitted[j] > least[j] + 1e-6}
        total = sum(slack.values())
        if total <= 0:
            break
        for j, spare in slack.items():
            fitted[j] -= need * spare / total
    return fitted


class Pack(FPDF):
    """A4 with the project's short name in the header and the data date and page N of M in the footer."""

    def __init__(self, header_left: str, header_right: str, data_line: str, page_text, total: int | None):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.add_font(FONT, "", FONT_DIR / "DejaVuSans.ttf")
        self.add_font(FONT, "B", FONT_DIR / "DejaVuSans-Bold.ttf")
        self.alias_nb_pages("")  # never rewrite "{nb}" in data; the total is known on the second pass
        self.set_margins(MARGIN, TOP, MARGIN)
        self.set_auto_page_break(True, BOTTOM)
        self.header_left, self.header_right, self.data_line = header_left, header_right, data_line
        self.page_text, self.total = page_text, total
        self.set_text_color(*INK)
        self.set_font(FONT, "", 10)

    def header(self):
        self.set_font(FONT, "", 8)
        self.set_text_color(*MUTED)
        self.set_xy(MARGIN, 9)
        self.cell(self.epw / 2, 5, self.shorten(self.header_left, self.epw / 2 - 2))
        self.cell(self.epw / 2, 5, self.shorten(self.header_right, self.epw / 2 - 2), align="R")
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.line(MARGIN, 14.5, self.w - MARGIN, 14.5)
        self.set_text_color(*INK)
        self.set_font(FONT, "", 10)
        self.set_y(TOP)

    def footer(self):
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.line(MARGIN, self.h - 13, self.w - MARGIN, self.h - 13)
        self.set_font(FONT, "", 8)
        self.set_text_color(*MUTED)
        self.set_xy(MARGIN, self.h - 12)
        self.cell(self.epw / 2, 5, self.data_line)
        self.cell(self.epw / 2, 5, self.page_text(self.page_no(), self.total or 0), align="R")
        self.set_text_color(*INK)

    def shorten(self, line: str, width: float) -> str:
        """The line cut with … so that it fits width in the current font (a header never wraps)."""
        if self.get_string_width(line) <= width:
            return line
        while line and self.get_string_width(line + "…") > width:
            line = line[:-1]
        return line.rstrip() + "…"

    # building blocks

    def section(self, title: str, new_page: bool = True) -> None:
        """A numbered or named section: an outline entry and a heading."""
        if new_page or self.will_page_break(45):
            self.add_page()
        else:
            self.ln(4)
        self.start_section(title)
        self.set_font(FONT, "B", 15)
        self.multi_cell(0, 8, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        self.ln(2)
        self.set_font(FONT, "", 10)

    def subheading(self, title: str, keep: float = 30) -> None:
        if self.will_page_break(keep):
            self.add_page()
        else:
            self.ln(2)
        self.set_font(FONT, "B", 11)
        self.multi_cell(0, 6, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        self.ln(1)
        self.set_font(FONT, "", 10)

    def paragraph(self, body: str, size: float = 10) -> None:
        self.set_font(FONT, "", size)
        self.multi_cell(0, size * 0.5, body, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        self.ln(1.5)

    def bullets(self, lines: list[str]) -> None:
        self.set_font(FONT, "", 10)
        for line in lines:
            if self.will_page_break(5):
                self.add_page()
            self.set_x(MARGIN + 1)
            self.cell(4, 5, "•")
            self.multi_cell(self.epw - 5, 5, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        self.ln(1.5)

    def picture(self, chart: Chart, width: float | None = None) -> None:
        png, aspect = chart
        width = width or self.epw
        height = width * aspect
        if self.will_page_break(height):
            self.add_page()
        self.image(io.BytesIO(png), x=MARGIN + (self.epw - width) / 2, y=self.get_y(), w=width, h=height)
        self.set_y(self.get_y() + height + 3)

    def _fit(
        self, headers: list[str] | None, rows: list, widths: list[float], size: float, width: float
    ) -> list[float]:
        """Column widths in mm for these cells in this font size (see column_widths)."""
        least = [0.0] * len(widths)
        for style, lines in (
            ("B", [headers] if headers else []),
            ("", [r for r in rows if not (isinstance(r, tuple) and r and r[0] == "group")]),
        ):
            self.set_font(FONT, style, size)
            found = least_widths([[str(v) for v in values] for values in lines], self.get_string_width, width)
            # a table without a header row, or with no rows, has found nothing for its columns
            least = [max(m, found[i] if i < len(found) else 0.0) for i, m in enumerate(least)]
        return column_widths(widths, least, width)

    def data_table(
        self,
        headers: list[str] | None,
        rows: list,
        widths: list[float],
        align: str,
        size: float = 8,
        bold_last: bool = False,
        width: float | None = None,
    ) -> None:
        """Rows of plain text; a row given as ("group", text) spans every column as a group heading.

        align holds one letter per column (L or R); widths are relative and widened where a word would
        not fit; width is the table's (default: the full text width).
        """
        widths = self._fit(headers, rows, widths, size, width or self.epw)
        self.set_font(FONT, "", size)
        line = size * 0.45
        if self.will_page_break(line * 4 + 6):
            self.add_page()
        with FPDF.table(
            self,
            width=width or self.epw,
            col_widths=widths,
            align="LEFT",
            text_align=tuple(align),
            line_height=line,
            first_row_as_headings=headers is not None,
            headings_style=FontFace(emphasis="BOLD", fill_color=HEAD_FILL),
            borders_layout="HORIZONTAL_LINES",
            cell_fill_color=ZEBRA,
            cell_fill_mode="ROWS",
            padding=(1.1, PAD_X),
            v_align="TOP",
            repeat_headings=1,
            gutter_height=0,
        ) as table:
            if headers is not None:
                heading = table.row()
                for header in headers:
                    heading.cell(header)
            for index, values in enumerate(rows):
                row = table.row()
                if isinstance(values, tuple) and values and values[0] == "group":
                    row.cell(
                        values[1],
                        colspan=len(widths),
                        align="L",
                        style=FontFace(emphasis="BOLD", fill_color=GROUP_FILL),
                    )
                    continue
                style = FontFace(emphasis="BOLD") if bold_last and index == len(rows) - 1 else None
                for value in values:
                    row.cell(value, style=style)
        self.set_draw_color(*RULE)
        self.ln(3)
        self.set_font(FONT, "", 10)
