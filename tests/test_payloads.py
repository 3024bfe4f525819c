"""Hostile text in the data: shown as text everywhere, never run as Markdown, HTML, a formula or SQL.

`write_payload_data` copies the example data and puts one of four payloads in front of every value
of every text column (and of the project names in projekt.toml), the same payload for the same value
in every file so that references between files still hold. Every page is then rendered through
AppTest as the editor (who sees the most) and every string the pages send to the browser is
checked: a payload may only travel in a plain-text element (st.text, st.dataframe cells, widget
options) or HTML-escaped in a Plotly chart, and there it must be verbatim. The downloads
(lagesbild.exports) keep it as text and never as a formula.

The second half checks that no query path reads files: `read_csv('/etc/passwd')`, other file
functions and `../` names fail on the locked DuckDB connection, through Project.frame and through
the dashboard's Context.frame.
"""

from __future__ import annotations

import csv
import html
import io
import json
import shutil
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from google.protobuf.json_format import MessageToDict
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Dataframe, Widget
from support import MINIMAL, nodes, write_project

from lagesbild import access, config, database, reading, schema
from lagesbild import project as projects
from lagesbild.access import AccessDenied
from lagesbild.exports import ALL_ACTIVITIES

REPO = Path(__file__).resolve().parent.parent
DASHBOARD = REPO / "dashboard.py"
CONTEXT_KEY = "lagesbild_context"

IMG = "<img src=x onerror=alert(1)>"
LINK = "[x](javascript:alert(1))"
# Swedish Excel separates arguments with ";" – and a payload without "," survives comma-separated lists.
FORMULA = '=HYPERLINK("https://evil.example/";"klicka")'
SQL = "'; DROP TABLE x;--"
PAYLOADS = (IMG, LINK, FORMULA, SQL)
# A fragment that shows a payload was there, mapped to the payload that must then appear whole.
FRAGMENTS = {"onerror": IMG, "javascript:": LINK, "HYPERLINK": FORMULA, "DROP TABLE": SQL}

# Text columns holding comma-separated names of other rows; each name gets its own payload.
LIST_COLUMNS = {("paverkan", "medundertecknare"), ("motesplatser", "deltagande_medlemmar")}
# Text columns read as numbers, which a payload would only turn into a data error.
NUMERIC_TEXT = {("utfall", "konto")}
TOML_TEXTS = ("namn", "kortnamn", "projektagare")


# --------------------------------------------------------------------------- the payload data


class Payloads:
    """The same payload for the same value (folded as the app folds it) in every file of a data folder."""

    def __init__(self) -> None:
        self.chosen: dict[str, str] = {}
        self.counters: dict[object, int] = {}
        self.placed: dict[tuple[str, str], set[str]] = {}  # (file, column) → the values written

    def __call__(self, value: str, where: tuple[str, str]) -> str:
        key = schema.fold(value)
        if key not in self.chosen:
            n = self.counters.get(where, 0)
            self.counters[where] = n + 1
            self.chosen[key] = PAYLOADS[n % len(PAYLOADS)]
        written = f"{self.chosen[key]} {value}"
        self.placed.setdefault(where, set()).add(written)
        return written


def _rewrite_csv(path: Path, spec: schema.FileSpec, payloads: Payloads) -> None:
    data = path.read_bytes()
    codec, text = reading.decode(data)
    text = (text if text is not None else data.decode(codec)).lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    header, body = rows[0], rows[1:]
    lookup = schema.header_lookup(spec)
    for i, name in enumerate(header):
        column = lookup.get(schema.header_key(name))
        if column is None or column.kind != schema.TEXT or (spec.stem, column.key) in NUMERIC_TEXT:
            continue
        where = (spec.stem, column.key)
        for row in body:
            if i < len(row) and row[i].strip():
                if where in LIST_COLUMNS:
                    row[i] = ", ".join(payloads(part.strip(), where) for part in row[i].split(","))
                else:
                    row[i] = payloads(row[i].strip(), where)
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows([header, *body])
    path.write_text(out.getvalue(), encoding="utf-8")


def _rewrite_toml(path: Path, payloads: Payloads) -> None:
    lines = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        key, sep, value = line.partition(" = ")
        if sep and key in (*TOML_TEXTS, "kostnadsslag") and value.startswith('"'):
            line = f"{key} = {json.dumps(payloads(json.loads(value), ('projekt', key)), ensure_ascii=False)}"
        elif sep and key == "bas" and value.startswith("["):
            names = [payloads(v, ("projekt", "bas")) for v in json.loads(value)]
            line = f"bas = {json.dumps(names, ensure_ascii=False)}"
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _rewrite_project(folder: Path, payloads: Payloads) -> None:
    for spec in schema.FILES:
        path = folder / spec.filename
        if path.exists():
            _rewrite_csv(path, spec, payloads)
    _rewrite_toml(folder / config.TOML, payloads)


def write_payload_data(target: Path) -> Payloads:
    """A copy of data/ with a payload in every text value, frozen meetings included; a bad cell for
    Datakvalitet to quote. Returns where each payload went."""
    shutil.copytree(
        REPO / "data", target, ignore=shutil.ignore_patterns("historik", "lock", "publicering.json", "portfolj.json")
    )
    payloads = Payloads()
    # The cost category that projekt.toml names as the base of indirect costs gets the Markdown link.
    payloads.chosen[schema.fold("Egen personal")] = LINK
    for folder in sorted(p.parent for p in target.glob("*/projekt.toml")):
        _rewrite_project(folder, payloads)
        for frozen in sorted((folder / ".lagesbild" / "moten").glob("*")):
            paths = [frozen, *frozen.iterdir()]
            modes = {p: p.stat().st_mode for p in paths}
            for p in paths:
                p.chmod(modes[p] | stat.S_IWUSR)
            _rewrite_project(frozen, payloads)
            for p in reversed(paths):
                p.chmod(modes[p])
    # One cell that is no number, so that the validation report quotes a payload (attendance may be empty,
    # so the meeting still counts).
    with (target / "stracket" / "motesplatser.csv").open("a", encoding="utf-8") as handle:
        handle.write(f'2026-10-01;Påhittat möte;Seminarium;Alla;Fysiskt;"{IMG}";3;0;1;\r\n')
    return payloads


@pytest.fixture(scope="module")
def payload_data(tmp_path_factory) -> tuple[Path, Payloads]:
    folder = tmp_path_factory.mktemp("payloads") / "data"
    return folder, write_payload_data(folder)


def test_every_text_column_of_the_example_data_carries_payloads(payload_data):
    _, payloads = payload_data
    filled = set()
    for folder in sorted(p.parent for p in (REPO / "data").glob("*/projekt.toml")):
        project = projects.load(folder)
        for spec in schema.FILES:
            if (folder / spec.filename).exists():
                rows = project.rows(spec.stem)
                filled |= {
                    (spec.stem, c.key)
                    for c in spec.columns
                    if c.kind == schema.TEXT and c.key in rows and rows[c.key].notna().any()
                }
    assert filled - NUMERIC_TEXT - set(payloads.placed) == set()
    used = {p for values in payloads.placed.values() for v in values for p in PAYLOADS if v.startswith(p)}
    assert used == set(PAYLOADS)


def test_the_payload_data_is_valid_apart_from_the_one_bad_cell(payload_data):
    folder, _ = payload_data
    stracket, bergslaget = projects.load(folder / "stracket"), projects.load(folder / "bergslaget-2023")
    assert [(p.fil, p.varde) for p in stracket.errors] == [("motesplatser.csv", IMG)]
    assert bergslaget.errors == [] and stracket.usable and bergslaget.usable


def test_sql_in_the_data_is_only_data(payload_data):
    folder, _ = payload_data
    original, hostile = projects.load(REPO / "data" / "stracket"), projects.load(folder / "stracket")
    for spec in schema.FILES:
        if original.con.execute(
            f"select count(*) from information_schema.tables where table_name = '{spec.stem}'"
        ).fetchone()[0]:
            expected = len(original.rows(spec.stem)) + (1 if spec.stem == "motesplatser" else 0)
            assert len(hostile.rows(spec.stem)) in (expected, expected - 1), spec.stem
    tables = {r[0] for r in hostile.con.execute("select table_name from information_schema.tables").fetchall()}
    assert "x" not in tables and {"utfall", "bokforing"} <= tables


# --------------------------------------------------------------------------- every page


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


# Fields of a widget's message whose strings the browser shows as plain text (choices and values).
_PLAIN_WIDGET_FIELDS = {"options", "default", "value", "rawValue", "rawValues", "defaultValues", "formattedOptions"}
# A page link's address is percent-encoded into the URL, never rendered; its label is Markdown.
_LINK_ADDRESS_FIELDS = {"page", "queryString", "pageScriptHash"}


def classify(at: AppTest) -> tuple[list[str], list[str], list[str]]:
    """Every string of the last run as (plain text, chart text as Plotly reads it, Markdown/HTML-capable)."""
    plain, chart, rich = [], [], []
    for node in nodes(at._tree):
        proto = getattr(node, "proto", None)
        if isinstance(node, Dataframe):
            frame: pd.DataFrame = node.value
            plain += [str(c) for c in frame.columns] + [str(v) for v in frame.to_numpy().ravel()]
        elif proto is None:
            continue
        elif node.type == "text":
            plain.append(node.value)
        elif node.type == "plotly_chart":
            message = MessageToDict(proto)
            chart += list(_strings(json.loads(message.pop("spec", "{}"))))
            rich += list(_strings(message))
        elif node.type == "page_link":
            for field, value in MessageToDict(proto).items():
                if field not in _LINK_ADDRESS_FIELDS:  # the address is percent-encoded and never shown
                    rich.extend(_strings(value))
        elif isinstance(node, Widget) or node.type in ("button_group", "multiselect", "selectbox"):
            message = MessageToDict(proto)
            for field, value in message.items():
                (plain if field in _PLAIN_WIDGET_FIELDS else rich).extend(_strings(value))
        else:
            rich += list(_strings(MessageToDict(proto)))
    return plain, chart, rich


@pytest.fixture(scope="module")
def pages(payload_data) -> dict[tuple[str, str], AppTest]:
    """Every page the editor sees, of both projects, rendered once on the payload data."""
    folder, _ = payload_data
    rendered: dict[tuple[str, str], AppTest] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LAGESBILD_DATA", str(folder))
        for project_id in ("stracket", "bergslaget-2023"):
            at = AppTest.from_file(str(DASHBOARD), default_timeout=120)
            at.query_params["projekt"] = project_id
            at.run()
            assert at.session_state[CONTEXT_KEY].project.id == project_id
            urls = [info for info in at._registered_pages.values() if info.get("script_path")]
            for info in urls:
                page = Path(str(info["script_path"])).stem
                at = AppTest.from_file(str(DASHBOARD), default_timeout=120)
                at.query_params["projekt"] = project_id
                at.run()
                if page != "oversikt":
                    at.switch_page(f"pages/{page}.py").run()
                if page == "ekonomi":
                    at.toggle(key="ekonomi_ledger_open").set_value(True).run()
                if page == "uppdatera":
                    bad = io.StringIO()
                    csv.writer(bad, delimiter=";").writerows(
                        [
                            ["Id", "Risk", "Sannolikhet", "Konsekvens", "Åtgärd", "Ansvarig", "Status"],
                            ["R1", LINK, FORMULA, "2", IMG, SQL, "Öppen"],
                        ]
                    )
                    at.file_uploader(key="uppdatera_files").upload(
                        f"{SQL}risker.csv", bad.getvalue().encode(), "text/csv"
                    )
                    at.run()
                rendered[project_id, page] = at
    return rendered


def test_every_page_of_both_projects_was_rendered_without_error(pages):
    assert {page for _, page in pages} >= {
        "oversikt",
        "mal",
        "ekonomi",
        "aktiviteter",
        "paverkan",
        "motesplatser",
        "risker",
        "sedan",
        "datakvalitet",
        "uppdatera",
        "historik",
    }
    failed = {key: [e.value for e in at.exception] for key, at in pages.items() if at.exception}
    assert not failed


def markdown_hits(at: AppTest) -> list[str]:
    _, _, rich = classify(at)
    return [s for s in rich if any(fragment in s for fragment in FRAGMENTS) or "<img" in s]


def test_no_payload_reaches_an_element_that_renders_markdown_or_html(pages):
    found = {}
    for (project_id, page), at in pages.items():
        hits = markdown_hits(at)
        if hits:
            found[project_id, page] = hits[:3]
    assert not found


def test_the_indirect_cost_note_shows_the_cost_categories_as_text(pages):
    assert not markdown_hits(pages["stracket", "ekonomi"])


def test_charts_carry_payloads_escaped_once_so_plotly_shows_them_as_text(pages):
    escaped = html.escape(IMG, quote=False)
    seen = False
    for key, at in pages.items():
        _, chart, _ = classify(at)
        for text in chart:
            assert "<img" not in text and "<a " not in text.lower(), (key, text)
            assert "&amp;lt;" not in text, (key, text)  # escaped twice would show "&lt;" on screen
            seen |= escaped in text
    assert seen


def test_every_payload_that_is_shown_is_shown_whole(pages):
    broken = {}
    for key, at in pages.items():
        plain, chart, _ = classify(at)
        chart = [html.unescape(t).replace("<br>", " ") for t in chart]  # a wrapped label is shown whole
        for text in plain + chart:
            for fragment, payload in FRAGMENTS.items():
                # A name written beside a timeline bar is cut to the room there ("…"); the chart must then
                # carry it whole too, in the bar's hover text.
                abridged = text in chart and text.endswith("…") and any(payload in t for t in chart)
                if fragment in text and payload not in text and not abridged:
                    broken.setdefault(key, []).append(text)
    assert not broken


# Columns a page shows (as a table cell, st.text or chart label) whose values must appear verbatim.
SHOWN_COLUMNS = [
    ("budget", "kostnadsslag"),
    ("finansiering", "finansiar"),
    ("utfall", "text"),
    ("utfall", "verifikation"),
    ("mal", "text"),
    ("indikatorer", "namn"),
    ("indikatorer", "enhet"),
    ("indikatorvarden", "kommentar"),
    ("aktiviteter", "id"),
    ("aktiviteter", "omrade"),
    ("aktiviteter", "aktivitet"),
    ("aktiviteter", "ansvarig"),
    ("aktiviteter", "kommentar"),
    ("paverkan", "fraga"),
    ("paverkan", "mottagare"),
    ("paverkan", "ansvarig"),
    ("paverkan", "nasta_steg"),
    ("paverkan", "medundertecknare"),
    ("motesplatser", "rubrik"),
    ("motesplatser", "typ"),
    ("risker", "risk"),
    ("risker", "atgard"),
    ("risker", "ansvarig"),
    ("beslut", "beslut"),
    ("medlemmar", "medlem"),
    ("medlemmar", "lan"),
    ("projekt", "namn"),
]


def test_payloads_in_every_shown_text_column_appear_verbatim(pages, payload_data):
    _, payloads = payload_data
    texts = []
    for at in pages.values():
        plain, chart, _ = classify(at)
        texts += plain + [html.unescape(t) for t in chart]
    everything = "\n".join(texts)
    missing = {
        where: sorted(payloads.placed[where])[:2]
        for where in SHOWN_COLUMNS
        if not any(v in everything for v in payloads.placed.get(where, ()))
    }
    assert not missing


def test_the_validation_report_quotes_the_bad_cell_as_text(pages):
    plain, _, _ = classify(pages["stracket", "datakvalitet"])
    assert IMG in plain


def test_an_uploaded_file_with_payloads_is_previewed_as_text(pages):
    plain, _, rich = classify(pages["stracket", "uppdatera"])
    assert any(FORMULA in s for s in plain)
    assert not any(SQL in s for s in rich)


def test_a_payload_in_a_number_column_is_reported_and_the_page_still_renders(tmp_path, monkeypatch):

    risks = MINIMAL["risker.csv"] + f'R2;Ännu en risk;"{IMG}";3;Åtgärd;Projektledare;Öppen\n'
    write_project(tmp_path / "data", risker=risks)
    monkeypatch.setenv("LAGESBILD_DATA", str(tmp_path / "data"))
    at = AppTest.from_file(str(DASHBOARD), default_timeout=120).run()
    at.switch_page("pages/risker.py").run()
    assert not at.exception
    at.switch_page("pages/datakvalitet.py").run()
    assert IMG in classify(at)[0]


def test_the_project_name_is_shown_verbatim_in_the_page_header(pages, payload_data):
    _, payloads = payload_data
    header = pages["stracket", "oversikt"].text[0].value
    assert any(name in header for name in payloads.placed["projekt", "namn"])


# --------------------------------------------------------------------------- downloads


@pytest.fixture(scope="module")
def hostile_project(payload_data) -> projects.Project:
    folder, _ = payload_data
    return projects.load(folder / "stracket")


@pytest.fixture(scope="module")
def exports():
    return pytest.importorskip("lagesbild.exports")


def test_excel_downloads_keep_payloads_as_text_and_never_as_a_formula(hostile_project, exports):
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(exports.excel_bytes(exports.meeting_tables(hostile_project))))
    seen = set()
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith("="), (sheet.title, cell.value)
                    seen |= {p for p in PAYLOADS if p in cell.value}
    assert seen == set(PAYLOADS)


def test_the_meeting_pack_pdf_prints_payloads_as_text(hostile_project, tmp_path):
    report = pytest.importorskip("lagesbild.report")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is missing")
    meeting = hostile_project.meta.styrgruppsmoten[-1]
    pdf = tmp_path / "pack.pdf"
    pdf.write_bytes(report.meeting_pack(hostile_project, None, meeting))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "<img src=x" in text and "javascript:alert(1)" in text


# --------------------------------------------------------------------------- no query reads a file


PASSWD = "/etc/passwd"
FILE_READS = [
    f"select * from read_csv('{PASSWD}')",
    f"select * from read_csv_auto('{PASSWD}')",
    f"select * from '{PASSWD}'",
    f"select * from read_text('{PASSWD}')",
    f"select * from read_blob('{PASSWD}')",
    "select * from glob('/etc/*')",
    f"select * from read_json('{PASSWD}')",
    f"select * from read_parquet('{PASSWD}')",
    "select * from read_csv('../../../../../../etc/passwd')",
    "select * from read_csv('data/stracket/utfall.csv')",
    "copy (select 1) to '/tmp/lagesbild-injektion.csv'",
    "attach '/tmp/lagesbild-injektion.duckdb' as x",
    "install httpfs",
    "load httpfs",
    "set enable_external_access = true",
    "set allowed_directories = ['/']",
    "set lock_configuration = false",
]


@pytest.mark.parametrize("statement", FILE_READS)
def test_the_locked_connection_refuses_every_file_access(stracket_project, statement):
    with pytest.raises(duckdb.Error):
        stracket_project.con.cursor().execute(statement).fetchall()
    assert not Path("/tmp/lagesbild-injektion.csv").exists()


def test_read_csv_as_text_on_a_loaded_project_cannot_read_etc_passwd(stracket_project):
    with pytest.raises(duckdb.Error):
        stracket_project.frame(
            "read_csv_as_text",
            path=PASSWD,
            delim=":",
            skip=0,
            encoding="utf-8",
            names=["a", "b", "c", "d", "e", "f", "g"],
        )


@pytest.mark.parametrize("name", ["../../../../etc/passwd", "/etc/passwd"])
def test_a_path_as_query_name_reads_no_file_outside_queries(stracket_project, name):
    # Project.frame trusts its caller (pages go through Context.frame, which refuses such names);
    # at worst it reads a .sql file, and /etc/passwd.sql does not exist.
    with pytest.raises((FileNotFoundError, OSError, duckdb.Error)):
        stracket_project.frame(name)


@pytest.fixture(scope="module")
def editor_context(payload_data):
    folder, _ = payload_data
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LAGESBILD_DATA", str(folder))
        at = AppTest.from_file(str(DASHBOARD), default_timeout=120).run()
    ctx = at.session_state[CONTEXT_KEY]
    assert ctx.access.role == access.EDITOR
    return ctx


@pytest.mark.parametrize(
    "name",
    [
        "../../../../etc/passwd",
        "/etc/passwd",
        "../queries/ledger_rows",
        "checks/../ledger_rows",
        "read_csv_as_text",
        "models/bokforing",
    ],
)
def test_context_refuses_paths_and_loader_queries_even_for_the_editor(editor_context, name):
    with pytest.raises(AccessDenied):
        editor_context.frame(name, path=PASSWD, delim=":", skip=0, encoding="utf-8", names=["a"])


@pytest.mark.parametrize("value", [*PAYLOADS, f"x') union select * from read_csv('{PASSWD}') --"])
def test_filter_values_from_the_page_are_bound_never_spliced(editor_context, value):
    chosen = {**ALL_ACTIVITIES, "omraden": (value,), "statusar": (value,), "ansvariga": (value,), "id": value}
    assert editor_context.frame("activities_page", **chosen).empty
    assert len(editor_context.frame("activities_page", **ALL_ACTIVITIES)) > 5


@pytest.mark.parametrize(
    ("param", "value"),
    [
        ("projekt", "../../../../etc"),
        ("projekt", "../stracket"),
        ("projekt", "/etc/passwd"),
        ("rapportdatum", f"2026-01-01{SQL}"),
        ("rapportdatum", f"read_csv('{PASSWD}')"),
        ("lang", IMG),
    ],
)
def test_hostile_url_parameters_fall_back_to_the_defaults(payload_data, param, value):
    folder, _ = payload_data
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LAGESBILD_DATA", str(folder))
        at = AppTest.from_file(str(DASHBOARD), default_timeout=120)
        at.query_params[param] = value
        at.run()
    assert not at.exception
    ctx = at.session_state[CONTEXT_KEY]
    assert ctx.project.id in ("stracket", "bergslaget-2023")
    assert Path(ctx.folder).parent == folder.resolve()
    assert ctx.lang in ("sv", "en")
    assert at.metric


def test_no_query_file_lies_outside_queries():
    for path in database.QUERIES.rglob("*.sql"):
        assert path.resolve().is_relative_to(database.QUERIES.resolve())
