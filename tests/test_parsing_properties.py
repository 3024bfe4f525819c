"""Properties of the SQL parsers of amounts, numbers, whole numbers and dates (queries/macros), as the reader uses them.

Values are written the Swedish way by lagesbild.formatting (kr, number) and in the other
styles of data contract §3, then read back by the macros on a new connection. Each example
is a list of values parsed in one query.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lagesbild import formatting
from lagesbild.database import new_connection

# Binding the macros costs a few milliseconds per query, so each example is a list of up to
# 25 values parsed in one query, and 50 examples per property (≈ 600 values) keep the file fast.
PROPERTY = settings(max_examples=50, deadline=None)

CON = new_connection()
# Each kind's conversion as reading.py builds it: an amount or a number is read from the cell's numeral.
PARSERS = {
    "sv_amount": "sv_amount_of(sv_numeral(s))",
    "sv_number": "sv_number_of(sv_numeral(s))",
    "sv_whole": "sv_whole(s)",
    "sv_date": "sv_date(s)",
}

# Whole öre up to ±100 000 000 000 kr, so that formatting's float stays exact to the öre.
AMOUNTS = st.integers(min_value=-(10**13), max_value=10**13).map(lambda ore: Decimal(ore) / 100)
DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))
NUMBERISH = st.text(alphabet="0123456789 .,-−\u00a0\u202fkrKR%", max_size=16)


def parse(macro: str, texts: list[str | None]) -> list:
    """macro(text) for each text, in order, in one query; macro is one of PARSERS."""
    assert macro in PARSERS
    return CON.execute(f"select list_transform($texts, lambda s: {PARSERS[macro]})", {"texts": texts}).fetchone()[0]


def grouped(value: Decimal, thousands: str, mark: str = ",", minus: str = "-", suffix: str = "") -> str:
    """value with two decimals, e.g. 1 800 000,50, in a given style."""
    whole, ore = f"{abs(value):.2f}".split(".")
    return (minus if value < 0 else "") + f"{int(whole):,}".replace(",", thousands) + mark + ore + suffix


STYLES = {
    "1800000,50": lambda v: grouped(v, ""),
    "1800000.50": lambda v: grouped(v, "", mark="."),
    "1 800 000,50": lambda v: grouped(v, " "),
    "no-break space": lambda v: grouped(v, "\u00a0"),
    "narrow no-break space": lambda v: grouped(v, "\u202f"),
    "1.800.000,50": lambda v: grouped(v, "."),
    "unicode minus": lambda v: grouped(v, " ", minus="\u2212"),
    "kr": lambda v: grouped(v, " ", suffix=" kr"),
}


@PROPERTY
@given(st.lists(AMOUNTS, min_size=1, max_size=25))
def test_an_amount_written_by_kr_with_ore_reads_back_exactly(values):
    assert parse("sv_amount", [formatting.kr(v, 2) for v in values]) == values


@PROPERTY
@given(st.lists(st.integers(min_value=-(10**11), max_value=10**11), min_size=1, max_size=25))
def test_a_whole_amount_written_by_kr_reads_back_exactly(values):
    assert parse("sv_amount", [formatting.kr(v, 0) for v in values]) == values


@PROPERTY
@given(st.lists(AMOUNTS, min_size=1, max_size=25))
def test_an_amount_written_by_number_reads_back_exactly(values):
    assert parse("sv_amount", [formatting.number(v, 2) for v in values]) == values


@PROPERTY
@given(st.lists(st.tuples(AMOUNTS, st.sampled_from(sorted(STYLES))), min_size=1, max_size=25))
def test_an_amount_in_any_style_of_the_contract_reads_back_exactly(pairs):
    assert parse("sv_amount", [STYLES[style](v) for v, style in pairs]) == [v for v, _ in pairs]


@PROPERTY
@given(st.integers(min_value=0, max_value=999_999), st.integers(min_value=0, max_value=999))
def test_a_single_group_of_three_decimals_is_an_ambiguous_amount(whole, three):
    # 12.500 or 1,005 could be thousands or decimals: neither is guessed
    texts = [f"{whole}.{three:03d}", f"{whole},{three:03d}"]
    assert parse("sv_amount", texts) == [None, None]


@PROPERTY
@given(st.lists(st.decimals(min_value=-(10**9), max_value=10**9, places=4, allow_nan=False), min_size=1, max_size=25))
def test_a_number_written_by_number_reads_back(values):
    read = parse("sv_number", [formatting.number(v, 4) for v in values])
    assert read == [pytest.approx(float(v), rel=1e-12, abs=1e-9) for v in values]


@PROPERTY
@given(st.lists(st.integers(min_value=-(10**12), max_value=10**12), min_size=1, max_size=25))
def test_a_whole_number_written_by_number_reads_back_as_that_integer(values):
    assert parse("sv_whole", [formatting.number(v, 0) for v in values]) == values


@PROPERTY
@given(st.lists(DATES, min_size=1, max_size=25))
def test_an_iso_date_reads_back(dates):
    assert parse("sv_date", [d.isoformat() for d in dates]) == dates


@PROPERTY
@given(st.lists(DATES, min_size=1, max_size=25))
def test_a_compact_date_reads_back(dates):
    assert parse("sv_date", [d.strftime("%Y%m%d") for d in dates]) == dates


@PROPERTY
@given(st.lists(st.tuples(DATES, st.times()), min_size=1, max_size=25))
def test_a_date_with_a_time_of_day_reads_back_as_that_date(moments):
    texts = [f"{d.isoformat()} {t.strftime('%H:%M:%S')}" for d, t in moments]
    assert parse("sv_date", texts) == [d for d, _ in moments]


@pytest.mark.parametrize("text", ["2025-04-01 25:00:00", "2025-04-01 12:60", "2025-04-01 00:00:61"])
def test_a_date_with_a_time_that_is_no_time_is_unreadable(text):
    assert parse("sv_date", [text]) == [None]


@PROPERTY
@given(st.lists(st.tuples(st.integers(1900, 2200), st.integers(1, 12), st.integers(1, 31)), min_size=1, max_size=25))
def test_a_date_reads_only_when_it_is_in_the_calendar(parts):
    def real(y: int, m: int, d: int) -> dt.date | None:
        try:
            return dt.date(y, m, d)
        except ValueError:  # 2025-02-30, 2025-04-31
            return None

    assert parse("sv_date", [f"{y:04d}-{m:02d}-{d:02d}" for y, m, d in parts]) == [real(*p) for p in parts]


@pytest.mark.parametrize("macro", PARSERS)
@PROPERTY
@given(texts=st.lists(st.one_of(st.text(max_size=30), NUMBERISH, st.none()), min_size=1, max_size=25))
def test_random_text_gives_a_value_or_null_and_never_an_error(macro, texts):
    assert len(parse(macro, texts)) == len(texts)


@PROPERTY
@given(st.lists(NUMBERISH, min_size=1, max_size=25))
def test_a_readable_amount_is_the_same_number_for_sv_number(texts):
    amounts, numbers = parse("sv_amount", texts), parse("sv_number", texts)
    assert [(a, n) for a, n in zip(amounts, numbers, strict=True) if a is not None and float(a) != n] == []


def test_a_whole_number_too_large_to_read_exactly_is_unreadable_not_an_error():
    assert parse("sv_whole", ["9223372036854775296", "9007199254740993", "9007199254740991"]) == [
        None,
        None,
        9007199254740991,
    ]
