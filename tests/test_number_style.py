"""Numbers are written as the reader's language writes them: Swedish by default, English in English mode."""

from __future__ import annotations

import datetime as dt

import pytest

from lagesbild import formatting, i18n

NBSP = "\u00a0"


@pytest.fixture
def english():
    with formatting.language("en"):
        yield


def test_a_swedish_amount_has_spaces_between_thousands_and_kr_after():
    assert formatting.kr(1_800_000) == f"1{NBSP}800{NBSP}000{NBSP}kr"


def test_an_english_amount_has_commas_between_thousands_and_sek_before(english):
    assert formatting.kr(1_800_000) == f"SEK{NBSP}1,800,000"


def test_an_english_amount_with_decimals_has_a_decimal_point(english):
    assert formatting.kr(-1250.5, 2) == f"SEK{NBSP}\u22121,250.50"


def test_a_swedish_share_has_a_decimal_comma_and_a_space_before_the_percent_sign():
    assert formatting.pct(0.305) == f"30,5{NBSP}%"


def test_an_english_share_has_a_decimal_point_and_no_space_before_the_percent_sign(english):
    assert formatting.pct(0.305) == "30.5%"


def test_an_english_month_is_written_with_its_english_name(english):
    assert formatting.month(dt.date(2026, 10, 1)) == "Oct 2026"


def test_a_swedish_month_is_written_with_its_swedish_name():
    assert formatting.month(dt.date(2026, 10, 1)) == "okt 2026"


def test_a_count_in_an_english_text_has_english_thousands():
    assert "has 1,200 errors" in i18n.t("data_errors_banner", "en", n=1200)


def test_the_language_is_swedish_again_after_an_english_block():
    with formatting.language("en"):
        pass
    assert formatting.number(1234.5, 1) == f"1{NBSP}234,5"


def test_plotly_separators_follow_the_language(english):
    assert formatting.separators() == ".,"


def test_an_amount_is_rounded_half_away_from_zero_as_a_reader_rounds():
    assert (formatting.kr(3540.5), formatting.kr(-0.5), formatting.number(2.675, 2)) == (
        f"3{NBSP}541{NBSP}kr",
        f"\u22121{NBSP}kr",
        "2,68",
    )


def test_an_infinite_number_is_written_as_missing():
    assert formatting.number(float("inf")) == "–"
