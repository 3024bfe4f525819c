"""Each status word and each ratio of figures is defined in one place: pages and lagesbild only name them.

Tables show what the queries return: no page, export or pack divides frame columns or adds one up
(a total row is lagesbild/columns.py's, a share the query's window total).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from lagesbild import statuses

ROOT = Path(__file__).resolve().parent.parent
CONSTANTS = "lagesbild/statuses.py"
# Files that write a status word as text of their own, not to compare with the data.
KNOWN: dict[str, str] = {
    "lagesbild/charts.py": "the colour of each status word, a table keyed by the words as the data holds them",
    "lagesbild/i18n.py": "interface texts that are the same words (Risk, Efter, Försenad) in the Swedish column",
    "lagesbild/schema.py": "the contract's accepted value sets and their English aliases, keyed by the Swedish words",
}


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of the docstring nodes of a module, its classes and functions."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _figure_name(node: ast.AST) -> str | None:
    """The name of an amount operand (x.budget_kr, row["budget_kr"], budget_kr, float(…) of one)."""
    if isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords:
        return _figure_name(node.args[0])
    if isinstance(node, ast.Attribute):
        name = node.attr
    elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        name = str(node.slice.value)
    elif isinstance(node, ast.Name):
        name = node.id
    else:
        return None
    return name if name.endswith("_kr") else None


def findings(source: str) -> list[str]:
    """Each status literal and each division of two amounts in the code, with its line."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value in statuses.ALL
            and id(node) not in skip
        ):
            found.append(f"{node.lineno}: status {node.value!r}")
        if (
            isinstance(node, ast.BinOp)
            and isinstance(node.op, ast.Div)
            and _figure_name(node.left)
            and _figure_name(node.right)
        ):
            found.append(f"{node.lineno}: {_figure_name(node.left)} / {_figure_name(node.right)}")
    return found


# What shows tables to readers: its total rows and shares come from lagesbild/columns.py and the queries.
SHOWING = ("lagesbild/exports.py", "lagesbild/report.py", "lagesbild/claim_report.py")


def _frame_value(node: ast.AST) -> str | None:
    """A frame column or its sum as an operand: x.budget_kr, df["antal"], df.antal.sum(), float(…) of one."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and len(node.args) == 1 and not node.keywords:
        return _frame_value(node.args[0])
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "sum":
        inner = _frame_value(node.func.value)
        return None if inner is None else f"{inner}.sum()"
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
        return node.slice.value
    return None


def computed(source: str) -> list[str]:
    """Each ratio of frame columns (or their sums) and each sum of a frame column in the code, with its line."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            left, right = _frame_value(node.left), _frame_value(node.right)
            if left and right:
                found.append((node.lineno, node.col_offset, f"{node.lineno}: ratio {left} / {right}"))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "sum":
            found.append((node.lineno, node.col_offset, f"{node.lineno}: sum {ast.unparse(node.func.value)}"))
    return [text for _, _, text in sorted(found)]


def _showing() -> list[str]:
    return sorted([*(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py")), *SHOWING])


def _files() -> list[str]:
    return sorted(
        str(p.relative_to(ROOT))
        for folder in ("pages", "lagesbild")
        for p in (ROOT / folder).glob("*.py")
        if str(p.relative_to(ROOT)) != CONSTANTS
    )


@pytest.mark.parametrize("name", [n for n in _files() if n not in KNOWN])
def test_no_page_or_module_writes_a_status_word_or_divides_two_amounts(name):
    assert findings((ROOT / name).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("name", sorted(KNOWN))
def test_every_known_exception_still_has_what_it_is_listed_for(name):
    assert findings((ROOT / name).read_text(encoding="utf-8")) != []


@pytest.mark.parametrize("name", _showing())
def test_no_page_export_or_pack_divides_frame_columns_or_adds_one_up(name):
    assert computed((ROOT / name).read_text(encoding="utf-8")) == []


def test_a_ratio_of_two_frame_columns_is_found():
    assert computed("share = row.atagande_kr / fin['atagande_kr']\n") == ["1: ratio atagande_kr / atagande_kr"]


def test_a_ratio_of_a_column_to_the_sum_of_another_is_found():
    assert computed("share = float(cat.upparbetat_kr.sum()) / cat.budget_kr.sum()\n") == [
        "1: ratio upparbetat_kr.sum() / budget_kr.sum()",
        "1: sum cat.upparbetat_kr",
        "1: sum cat.budget_kr",
    ]


def test_a_sum_of_a_frame_column_is_found():
    assert computed("late = int(counts.forsenade.sum())\n") == ["1: sum counts.forsenade"]


def test_a_share_written_from_a_percentage_is_not_a_ratio_of_columns():
    assert computed("pct = formatting.pct(indirect.procent / 100, 0)\n") == []


def test_the_module_of_total_rows_adds_up_columns():
    assert computed((ROOT / "lagesbild/columns.py").read_text(encoding="utf-8")) != []


def test_a_status_word_compared_in_code_is_found():
    assert findings('if row.status == "Pågår":\n    pass\n') == ["1: status 'Pågår'"]


def test_a_status_word_in_a_docstring_is_not_found():
    assert findings('def f():\n    """Counts what is Pågår."""\n') == []


def test_a_division_of_two_amounts_is_found():
    assert findings("share = totals.upparbetat_kr / float(totals['budget_kr'])\n") == ["1: upparbetat_kr / budget_kr"]


def test_a_division_of_an_amount_by_a_count_is_not_found():
    assert findings("per_month = totals.upparbetat_kr / months\n") == []


def test_the_constants_module_names_every_status_of_the_contract():
    assert {
        "Ej påbörjad",
        "Pågår",
        "Klar",
        "Pausad",
        "Struken",
        "Försenad",
        "Idé",
        "Planerad",
        "Genomförd",
        "Avslutad",
        "Öppen",
        "Stängd",
        "Förslag",
        "Uppnått",
        "I fas",
        "Risk",
        "Efter",
        "Ingen mätning",
    } == statuses.ALL
