"""How the meeting pack's tables share the page width: lagesbild.pack_layout, on hand-made cells."""

from __future__ import annotations

import pytest

from lagesbild import formatting
from lagesbild.pack_layout import CELL_ROOM, Pack, column_widths, least_widths, words


def two_mm_a_character(text: str) -> float:
    """A measure for hand-made cases: every character is 2 mm wide."""
    return 2.0 * len(text)


def test_columns_with_room_to_spare_fill_the_page_in_the_proportions_asked_for():
    assert column_widths([2, 1, 1], [0, 0, 0], 160) == [80, 40, 40]


def test_a_column_too_narrow_for_its_longest_word_is_widened_to_it():
    # asked 50 + 50; the first needs 70, so the second gives up the 20: 50 − 20 = 30
    assert column_widths([1, 1], [70, 10], 100) == pytest.approx([70, 30])


def test_a_widened_column_takes_its_room_from_the_others_in_proportion_to_their_room():
    # asked 50, 25, 25; the middle needs 45 (20 more); the others have 50 and 25 to spare,
    # so they give 20 × 50/75 = 13,33 and 20 × 25/75 = 6,67
    assert column_widths([2, 1, 1], [0, 45, 0], 100) == pytest.approx([36.667, 45, 18.333], abs=0.001)


def test_widened_columns_still_fit_the_page():
    assert sum(column_widths([1, 1, 1, 1], [60, 10, 40, 5], 150)) == pytest.approx(150)


def test_when_the_longest_words_need_more_than_the_page_the_widest_give_way():
    # least 90 + 90 + 10 = 190 > 150: the two wide columns are capped at c with 2c + 10 = 150, c = 70
    assert column_widths([1, 1, 1], [90, 90, 10], 150) == pytest.approx([70, 70, 10], abs=0.001)


def test_when_the_longest_words_need_more_than_the_page_the_table_still_fits_it():
    assert sum(column_widths([1, 1, 1], [90, 90, 10], 150)) == pytest.approx(150)


def test_a_long_word_claims_at_most_two_fifths_of_the_table_and_wraps():
    # 100 characters × 2 mm = 200 mm + padding, capped at 0,4 × 150 = 60 mm
    assert least_widths([["x" * 100]], two_mm_a_character, 150) == [60.0]


def test_a_cell_needs_its_longest_word_and_the_padding():
    # "projektledare" is 13 characters: 26 mm + 2 × 1,4 + 0,8 = 29,6 mm
    assert least_widths([["Lön april projektledare"]], two_mm_a_character, 150) == [pytest.approx(26 + CELL_ROOM)]


def test_a_cell_wraps_at_spaces_and_line_breaks():
    assert words("Lön april\nprojektledare") == ["Lön", "april", "projektledare"]


def test_an_amount_is_one_word_and_never_wraps_inside():
    assert words(formatting.kr(1800000)) == ["1\u00a0800\u00a0000\u00a0kr"]


def test_an_amount_column_is_as_wide_as_the_whole_amount():
    # "1 800 000 kr" is 12 characters with its no-break spaces: 24 mm + 3,6 mm
    assert least_widths([["Lön", formatting.kr(1800000)]], two_mm_a_character, 150)[1] == pytest.approx(27.6)


def test_an_amount_keeps_its_width_when_the_text_columns_need_more_than_the_page():
    # three 100-character words need 60 mm each (capped), the amount 27,6: 207,6 > 150, so the three
    # are capped at c with 3c + 27,6 = 150, c = 40,8, and the amount keeps its 27,6
    least = least_widths([["x" * 100, "y" * 100, "z" * 100, formatting.kr(1800000)]], two_mm_a_character, 150)
    assert column_widths([1, 1, 1, 1], least, 150) == pytest.approx([40.8, 40.8, 40.8, 27.6], abs=0.001)


def test_the_pack_fits_a_table_of_real_text_to_the_text_width():
    pdf = Pack("Test", "Mötesunderlag", "Data per 2026-11-30", lambda n, m: f"{n}/{m}", None)
    pdf.add_page()
    rows = [["Region Örebro län", "Regional", formatting.kr(1800000), formatting.pct(0.305)]]
    widths = pdf._fit(["Finansiär", "Typ", "Åtagande", "Andel"], rows, [70, 34, 36, 34], 9, pdf.epw)
    assert sum(widths) == pytest.approx(pdf.epw)


def test_the_pack_fits_a_table_without_a_header_row_to_its_width():
    pdf = Pack("Test", "Mötesunderlag", "Data per 2026-11-30", lambda n, m: f"{n}/{m}", None)
    pdf.add_page()
    assert sum(pdf._fit(None, [["Budget", formatting.kr(5910000)]], [45, 129], 9.5, 174)) == pytest.approx(174)
