"""A table with no rows says so in the reader's language, and a total row adds up only the columns its spec marks."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest


def _script(lang: str, rows: int) -> None:
    import pandas as pd

    from lagesbild import columns, ui

    ctx = ui.Context("unused", "unused", None, lang)
    df = pd.DataFrame({"namn": ["A", "B", "C"][:rows], "belopp": [1000.0, 2500.5, 40.0][:rows], "andel": [0.1] * rows})
    spec = (
        columns.Column("namn", "col.name", columns.TEXT),
        columns.Column("belopp", "col.amount", columns.KR, total=True),
        columns.Column("andel", "col.share", columns.PCT),
    )
    ui.table(df, spec, ctx)


def _run(lang: str, rows: int) -> AppTest:
    at = AppTest.from_function(_script, args=(lang, rows))
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize(("lang", "said"), [("sv", "Inga rader."), ("en", "No rows.")])
def test_a_table_with_no_rows_says_so_in_the_readers_language(lang, said):
    at = _run(lang, 0)
    assert ([c.value for c in at.caption], len(at.dataframe)) == ([said], 0)


def test_a_total_row_adds_up_the_amounts_and_leaves_the_shares_empty():
    shown = _run("sv", 3).dataframe[0].value
    # 1 000 + 2 500,50 + 40 = 3 540,50, written whole as every amount of the table
    assert shown.iloc[-1].tolist() == ["Totalt", "3\u00a0541\u00a0kr", ""]


def test_a_table_of_one_row_has_no_total_row():
    assert len(_run("sv", 1).dataframe[0].value) == 1
