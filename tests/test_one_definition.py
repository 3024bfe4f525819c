"""Each status word and each ratio of figures is defined in one place: pages and lagesbild only name them."""

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
