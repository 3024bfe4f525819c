"""Every interface text exists in both languages, is used, and names a count in its right form."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from support import DASHBOARD, DATA, nodes

from lagesbild import i18n, navigation

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted([ROOT / "dashboard.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "lagesbild").glob("*.py")])
SOURCES = [p for p in SOURCES if p.name not in ("i18n.py", "problem_texts.py") or p.parent.name != "lagesbild"]
CHECKS = sorted((ROOT / "queries" / "checks").glob("*.sql"))
# Texts named by a code: "problem.<kod>" of a Problem, "refusal.<kod>" of a refused change or access,
# "mail.error.<kod>" of a pack that could not be e-mailed.
CODED = ("problem.", "refusal.", "mail.error.")


def _trees() -> list[tuple[str, ast.AST]]:
    return [(str(p.relative_to(ROOT)), ast.parse(p.read_text(encoding="utf-8"))) for p in SOURCES]


TREES = _trees()


def _is_t_call(node: ast.AST) -> bool:
    """i18n.t(…), ctx.t(…), c.t(…) or t(…) with a first argument."""
    if not isinstance(node, ast.Call) or not node.args:
        return False
    func = node.func
    return (isinstance(func, ast.Name) and func.id == "t") or (isinstance(func, ast.Attribute) and func.attr == "t")


def _pattern(node: ast.JoinedStr) -> re.Pattern[str]:
    """An f-string key as a pattern: each {expression} stands for one part of a dotted key."""
    parts = [re.escape(v.value) if isinstance(v, ast.Constant) else r"[a-z0-9_]+" for v in node.values]
    return re.compile("".join(parts))


def _literal_keys() -> list[tuple[str, int, str]]:
    """(file, line, key) of every t() call whose key is written out."""
    found = []
    for name, tree in TREES:
        for node in ast.walk(tree):
            if _is_t_call(node) and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found.append((name, node.lineno, node.args[0].value))
    return found


def _key_patterns() -> list[tuple[str, int, re.Pattern[str]]]:
    """(file, line, pattern) of every f-string in the code that starts like a key (word.…)."""
    found = []
    for name, tree in TREES:
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                head = str(node.values[0].value)
                if re.fullmatch(r"[a-z_]+\.([a-z_]+\.)*", head):
                    found.append((name, node.lineno, _pattern(node)))
    return found


def _constants() -> set[str]:
    """Every string constant in the code: keys are also named in tables (columns, pages) and passed on."""
    return {
        node.value
        for _, tree in TREES
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def _forms(entry: tuple[str, str] | i18n.Plural) -> list[tuple[str, str]]:
    return [entry.one, entry.other] if isinstance(entry, i18n.Plural) else [entry]


def _fields(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


@pytest.mark.parametrize(("name", "line", "key"), _literal_keys())
def test_every_key_written_in_a_t_call_is_a_text(name, line, key):
    assert key in i18n.TEXTS, f"{name}:{line}"


@pytest.mark.parametrize(("name", "line", "pattern"), _key_patterns())
def test_every_key_built_in_the_code_matches_a_text(name, line, pattern):
    # f"role.{…}" is a key only when some text has that shape; other dotted f-strings (file names) are not.
    if not any(pattern.fullmatch(k) for k in i18n.TEXTS) and pattern.pattern.split("\\.")[0] in {
        k.split(".")[0] for k in i18n.TEXTS
    }:
        pytest.fail(f"{name}:{line}: no text matches {pattern.pattern}")


def test_every_text_is_used_in_the_code():
    constants = _constants()
    patterns = [p for _, _, p in _key_patterns()]
    unused = [
        k
        for k in i18n.TEXTS
        if not k.startswith(CODED) and k not in constants and not any(p.fullmatch(k) for p in patterns)
    ]
    assert unused == []


# --------------------------------------------------------------------------- problems and refusals, by code

_KOD = re.compile(r"[a-z][a-z0-9_]*")
# Calls that take a problem's code as their last positional argument, and exceptions that take it first.
_PROBLEM_CALLS = {"error", "warning", "fail"}
_CODED_EXCEPTIONS = {
    "Unreadable": "problem.",
    "TooLarge": "problem.",
    "MemberError": "problem.",
    "MemberTooLarge": "problem.",
    "PublishError": "refusal.",
    "AccessDenied": "refusal.",
    "MailError": "mail.error.",
}


def _literals(node: ast.AST) -> list[str]:
    """The codes a code argument can be: a string, or either string of a conditional expression."""
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    return [node.value] if isinstance(node, ast.Constant) and isinstance(node.value, str) else []


def _python_codes() -> list[tuple[str, int, str, frozenset[str] | None]]:
    """(file, line, key, names of the parameters given, or None when some come from a dict) of every code
    written out in a call that makes a problem or a refusal."""
    found = []
    for name, tree in TREES:
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if func in _PROBLEM_CALLS:
                keys = ["problem." + k for k in _literals(node.args[-1]) if _KOD.fullmatch(k)]
            elif func in _CODED_EXCEPTIONS:
                keys = [_CODED_EXCEPTIONS[func] + k for k in _literals(node.args[0])]
            else:
                continue
            given = [k.arg for k in node.keywords]
            names = None if None in given else frozenset(k for k in given if k is not None)
            found += [(name, node.lineno, key, names) for key in keys]
    return found


def _parameters(sql: str) -> tuple[str, set[str]]:
    """A check's text without its json_object(…) calls, and the names of the parameters those calls give."""
    names: set[str] = set()
    while (start := sql.find("json_object(")) != -1:
        depth, end = 0, start + len("json_object")
        while end < len(sql):
            depth += {"(": 1, ")": -1}.get(sql[end], 0)
            if depth == 0:
                break
            end += 1
        names |= set(re.findall(r"'([a-z_]+)'", sql[start : end + 1]))
        sql = sql[:start] + sql[end + 1 :]
    return sql, names


def _sql_codes() -> list[tuple[str, str, frozenset[str]]]:
    """(file, key, parameters of the file) of every code a check returns: each string in it that reads like
    one (words joined by _)."""
    found = []
    for path in CHECKS:
        sql, names = _parameters(path.read_text(encoding="utf-8"))
        found += [(path.name, "problem." + k, frozenset(names)) for k in re.findall(r"'([a-z]+(?:_[a-z0-9]+)+)'", sql)]
    return found


def _placeholders(key: str) -> set[str]:
    return {field for form in _forms(i18n.TEXTS[key]) for text in form for field in _fields(text)}


PYTHON_CODES = _python_codes()
SQL_CODES = _sql_codes()


@pytest.mark.parametrize(("name", "line", "key"), [c[:3] for c in PYTHON_CODES])
def test_every_code_written_where_a_problem_is_made_has_a_text(name, line, key):
    assert key in i18n.TEXTS, f"{name}:{line}"


@pytest.mark.parametrize(("name", "line", "key", "given"), [c for c in PYTHON_CODES if c[3] is not None])
def test_every_code_written_where_a_problem_is_made_is_given_the_parameters_its_text_names(name, line, key, given):
    assert _placeholders(key) <= given, f"{name}:{line}"


@pytest.mark.parametrize(("name", "key"), [c[:2] for c in SQL_CODES])
def test_every_code_a_check_returns_has_a_text(name, key):
    assert key in i18n.TEXTS, name


@pytest.mark.parametrize(("name", "key", "given"), SQL_CODES)
def test_every_code_a_check_returns_is_given_the_parameters_its_text_names(name, key, given):
    assert _placeholders(key) <= given, name


def test_every_check_returns_a_code():
    assert sorted({name for name, _, _ in SQL_CODES}) == sorted(p.name for p in CHECKS)


def test_every_text_of_a_code_is_made_somewhere():
    made = {c[2] for c in PYTHON_CODES} | {c[1] for c in SQL_CODES}
    # Codes passed on from a table (schema.EXPECTED, sie's syntax codes) are written as plain strings.
    constants = {prefix + c for c in _constants() for prefix in CODED}
    assert [k for k in i18n.TEXTS if k.startswith(CODED) and k not in made | constants] == []


@pytest.mark.parametrize("key", sorted(i18n.TEXTS))
def test_every_text_has_a_swedish_and_an_english_form(key):
    for sv, en in _forms(i18n.TEXTS[key]):
        assert isinstance(sv, str) and sv.strip() and isinstance(en, str) and en.strip()


@pytest.mark.parametrize("key", sorted(i18n.TEXTS))
def test_every_text_has_the_same_placeholders_in_both_languages(key):
    forms = _forms(i18n.TEXTS[key])
    assert len({frozenset(_fields(text)) for form in forms for text in form}) == 1


@pytest.mark.parametrize("key", sorted(k for k, v in i18n.TEXTS.items() if isinstance(v, i18n.Plural)))
def test_every_text_that_names_a_count_shows_the_count(key):
    assert "n" in _fields(i18n.TEXTS[key].other[0])


def test_one_warning_is_written_in_the_singular_in_swedish():
    assert i18n.t("count.warnings", "sv", n=1) == "1 varning"


def test_two_warnings_are_written_in_the_plural_in_swedish():
    assert i18n.t("count.warnings", "sv", n=2) == "2 varningar"


def test_one_error_is_written_in_the_singular_in_english():
    assert i18n.t("count.errors", "en", n=1) == "1 error"


def test_two_errors_are_written_in_the_plural_in_english():
    assert i18n.t("count.errors", "en", n=2) == "2 errors"


def test_no_warnings_are_written_in_the_plural():
    assert i18n.t("count.warnings", "en", n=0) == "0 warnings"


def test_a_count_is_written_with_swedish_thousands():
    assert i18n.t("count.warnings", "sv", n=1800) == "1\u00a0800 varningar"


def test_a_text_that_names_a_count_asked_for_without_one_is_refused():
    with pytest.raises(TypeError):
        i18n.t("count.errors", "sv")


def test_a_late_activity_verdict_for_one_activity_is_in_the_singular():
    assert i18n.t("verdict.aktiviteter", "en", n=1, items="A1") == "1 activity late: A1"


# --------------------------------------------------------------------------- English mode, page by page

# Interface words that are Swedish only (Budget, Status, Risk, Plan are the same in both languages).
SWEDISH = (
    "och",
    "inte",
    "eller",
    "för",
    "med",
    "till",
    "från",
    "av",
    "visa",
    "sidan",
    "saknas",
    "inga",
    "ingen",
    "välj",
    "efter",
    "sedan",
    "senaste",
    "totalt",
    "summa",
    "antal",
    "andel",
    "kvinnor",
    "män",
    "mål",
    "beslut",
    "risker",
    "ekonomi",
    "aktiviteter",
    "påverkan",
    "påverkansarbete",
    "mötesplatser",
    "datakvalitet",
    "upparbetat",
    "prognos",
    "avvikelse",
    "fel",
    "varning",
    "varningar",
    "år",
    "månad",
    "dagar",
    "ladda",
    "finansiär",
    "kostnadsslag",
    "rapportdatum",
    "sida",
    "projektet",
    "medlemmar",
    "område",
    "ansvarig",
)
SWEDISH_WORD = re.compile(r"\b(" + "|".join(SWEDISH) + r")\b", re.IGNORECASE)
# Elements whose text is the interface's own (headings, notices); st.text and tables carry data and are not read.
HEADINGS = {"Title", "Header", "Subheader", "Caption", "Markdown", "Info", "Success", "Warning", "Error"}
ENGLISH_PAGES = [
    (project, url)
    for project in ("stracket", "bergslaget-2023")
    for _, _, url, _ in navigation.PAGES
    # Medlemmar is shown only for a project with members (medlemmar.csv); Sträcket has none.
    if not (project == "stracket" and url == "medlemmar")
]


def _interface_texts(at: AppTest) -> list[str]:
    """Headings, captions and Markdown, and the label of every metric, button, expander, tab, link and input."""
    found = []
    for node in nodes(at._tree):
        kind = type(node).__name__
        if kind in HEADINGS and isinstance(getattr(node, "value", None), str):
            found.append(f"{kind}: {node.value}")
        elif isinstance(getattr(node, "label", None), str) and kind != "Text":
            found.append(f"{kind}: {node.label}")
    return found


@pytest.fixture(scope="module")
def english_page() -> Callable[[str, str], AppTest]:
    runs: dict[tuple[str, str], AppTest] = {}

    def get(project: str, url: str) -> AppTest:
        if (project, url) not in runs:
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("LAGESBILD_DATA", str(DATA))
                at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
                at.query_params.update({"lang": "en", "projekt": project})
                at.run()
                if url != "oversikt":
                    at.switch_page(f"pages/{url}.py")
                    at.run()
            runs[project, url] = at
        return runs[project, url]

    return get


@pytest.mark.parametrize(("project", "url"), ENGLISH_PAGES)
def test_english_mode_shows_no_swedish_interface_word(english_page, project, url):
    at = english_page(project, url)
    assert not at.exception
    assert [text for text in _interface_texts(at) if SWEDISH_WORD.search(text)] == []


def test_the_swedish_word_list_finds_a_swedish_caption():
    assert SWEDISH_WORD.search("Caption: Visa alla rader och kolumner")


def test_the_swedish_word_list_passes_words_shared_with_english():
    assert not SWEDISH_WORD.search("Metric: Budget, Status, Risk, Plan to date")
