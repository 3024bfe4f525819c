"""portfolj: many small projects: cold indexing, the Portfölj page, switching projects."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from apptest import apptest_mode, baseline, minus, new_app, page_title, quiet_streamlit, run_app, timed_run
from common import Bench, Row, link_folder, section, timed
from generate import SOURCE

TARGET_PORTFOLIO_VIEW_S = 2.0  # the Portfölj page of 300 projects, lines cached on disk
TARGET_PROJECT_SWITCH_S = 1.0  # another project in the sidebar picker
PORTFOLIO_PROJECTS = 300
PORTFOLIO_VARIANTS = 10  # distinct ledgers/budgets, each written once and hard-linked

# --- 300 projects ---------------------------------------------------------------------------------

PORTFOLIO_NAMES = (
    "Stråket",
    "Bergslagen",
    "Vänerbygden",
    "Mälardalen",
    "Klarälvdalen",
    "Tiveden",
    "Kilsbergen",
    "Fryksdalen",
    "Hjälmarstranden",
    "Götakanalbygden",
    "Siljansringen",
    "Roxen",
)


def _scaled_ledger(text: str, factor: float) -> str:
    """utfall.csv (decoded) with every amount times factor, in the same format."""
    lines = text.split("\r\n")
    out = [lines[0]]
    for line in lines[1:]:
        if not line:
            out.append(line)
            continue
        head, amount = line.rsplit(";", 1)
        ore = round(float(amount.replace(",", ".")) * 100 * factor)
        sign = "-" if ore < 0 else ""
        out.append(f"{head};{sign}{abs(ore) // 100},{abs(ore) % 100:02d}")
    return "\r\n".join(out)


def _with_amount(text: str, starts: str, delta: int, newline: str) -> str:
    """The CSV text with delta added to the last field of the one line starting with `starts`."""
    lines = text.split(newline)
    for n, line in enumerate(lines):
        if line.startswith(starts):
            fields = line.split(";")
            # budget.csv: "1 058 434" (a thousands separator); finansiering.csv: plain digits
            column = 2
            raw = fields[column]
            separator = next((c for c in raw if not c.isdigit()), "")
            value = int("".join(c for c in raw if c.isdigit())) + delta
            fields[column] = f"{value:,}".replace(",", separator) if separator else str(value)
            lines[n] = ";".join(fields)
            return newline.join(lines)
    raise SystemExit(f"no line starting with {starts!r}")


def portfolio_data(bench: Bench, count: int) -> Path:
    """A data folder of `count` small projects p001…: data/stracket with varied names and figures.

    PORTFOLIO_VARIANTS ledgers (amounts scaled by 0.91…1.09) and budgets (Externa tjänster 2026
    raised, with Karlstad kommun's 2026 financing raised by as much so that they still agree) are
    written once; each project hard-links its variant's files and gets its own projekt.toml.
    """
    name = f"portfolj-{count}"
    if name in bench._folders:
        return bench._folders[name]
    variants = bench.out / "portfolj-varianter"
    data = bench.out / name
    for folder in (variants, data):
        if folder.exists():
            shutil.rmtree(folder)
    ledger = (SOURCE / "utfall.csv").read_bytes().decode("cp1252")
    budget = (SOURCE / "budget.csv").read_bytes().decode("utf-8-sig")
    financing = (SOURCE / "finansiering.csv").read_bytes().decode("utf-8")
    budget_newline = "\r\n" if "\r\n" in budget else "\n"
    financing_newline = "\r\n" if "\r\n" in financing else "\n"
    for k in range(PORTFOLIO_VARIANTS):
        folder = variants / f"v{k}"
        folder.mkdir(parents=True)
        for path in SOURCE.iterdir():
            if path.is_file() and path.suffix.lower() == ".csv":
                shutil.copy2(path, folder / path.name)
        (folder / "utfall.csv").write_bytes(_scaled_ledger(ledger, 1 + (k - 4.5) * 0.02).encode("cp1252"))
        delta = 5_000 * k
        (folder / "budget.csv").write_bytes(
            _with_amount(budget, "Externa tjänster;2026;", delta, budget_newline).encode("utf-8-sig")
        )
        (folder / "finansiering.csv").write_bytes(
            _with_amount(financing, "Karlstad kommun;2026;", delta, financing_newline).encode("utf-8")
        )
    toml = (SOURCE / "projekt.toml").read_text(encoding="utf-8")
    for n in range(1, count + 1):
        project = link_folder(variants / f"v{n % PORTFOLIO_VARIANTS}", data / f"p{n:03d}")
        short = f"{PORTFOLIO_NAMES[n % len(PORTFOLIO_NAMES)]} {n}"
        text = "\n".join(
            f'kortnamn = "{short}"'
            if line.startswith("kortnamn")
            else f'namn = "Utvecklingsprojekt {short} (genererat för benchmark)"'
            if line.startswith("namn")
            else line
            for line in toml.splitlines()
        )
        (project / "projekt.toml").write_text(text + "\n", encoding="utf-8")
    bench._folders[name] = data
    return data


@section(
    "portfolj",
    f"many small projects ({PORTFOLIO_PROJECTS} unless --portfolj-projekt): cold indexing, "
    "the Portfölj page, switching projects",
)
def bench_portfolio(bench: Bench) -> list[Row]:
    quiet_streamlit()
    from lagesbild import catalog, portfolio, ui

    base = baseline(bench)
    start = time.perf_counter()
    count = bench.portfolio_projects
    data = portfolio_data(bench, count)
    made = time.perf_counter() - start
    ids = catalog.project_ids(data)
    assert len(ids) == count, f"{data} holds {len(ids)} projects"

    # (a) cold: no portfolj.json anywhere yet, every line is a full load + summary
    cold, lines = [], []
    for project_id in ids:
        start = time.perf_counter()
        lines.append(portfolio.line(data / project_id))
        cold.append(time.perf_counter() - start)
    broken = [line["id"] for line in lines if line.get("fel")]
    if broken:
        raise SystemExit(f"generated portfolio projects with errors: {', '.join(broken[:10])}")
    distinct = len({(line["namn"], line["budget_kr"], round(line["upparbetat_kr"])) for line in lines})
    figures = len({(line["budget_kr"], round(line["upparbetat_kr"])) for line in lines})
    warm_lines = timed(lambda: [portfolio.line(data / i) for i in ids], bench.runs)

    title = page_title("portfolj")
    with apptest_mode(data):
        # (b) the Portfölj page straight from its address in a new session, lines on disk
        def first_portfolio_view() -> float:
            at = new_app()
            at.switch_page("pages/portfolj.py")
            start = time.perf_counter()
            run_app(at, title)
            seconds = time.perf_counter() - start
            if len(at.dataframe) != 1 or len(at.dataframe[0].value) != count:
                raise SystemExit("the Portfölj page did not list every project")
            return seconds

        disk_only = []
        for _ in range(bench.runs + 1):
            # as a newly started server: only the disk cache (portfolj.json) is left
            ui._portfolio_line.clear()
            ui.FRAMES.clear()
            ui.cached_project.clear()
            disk_only.append(first_portfolio_view())
        in_memory = [first_portfolio_view() for _ in range(bench.runs + 1)]

        # (c) another project in the sidebar picker, one not yet loaded by the app in this process
        at = run_app(new_app(), page_title("oversikt"))
        step = max(len(ids) // (bench.runs + 2), 1)
        fresh_ids = [i for i in ids[1::step] if i != at.session_state["projekt"]][: bench.runs + 1]
        switches = []
        for project_id in fresh_ids:
            at.selectbox(key="projekt").set_value(project_id)
            switches.append(timed_run(at))
            if at.session_state["projekt"] != project_id or len(at.metric) < 5:
                raise SystemExit(f"the picker did not open {project_id}'s Översikt")
        back = []
        for project_id in [*fresh_ids[2:], fresh_ids[0]]:  # each loaded a moment ago: warm
            at.selectbox(key="projekt").set_value(project_id)
            back.append(timed_run(at))
    return [
        Row("portfolj", f"{count} projekt", f"generering ({PORTFOLIO_VARIANTS} varianter, hårdlänkade)", [made]),
        Row(
            "portfolj",
            "(a) KALL indexering",
            f"portfolio.line per projekt, ingen cache-fil ({distinct} olika rader, {figures} olika nyckeltal)",
            cold,
        ),
        Row("portfolj", "(a) KALL indexering", f"totalt {count} projekt (en gång)", [sum(cold)]),
        Row("portfolj", "(a) VARM (portfolj.json på disk)", f"portfolio.line för alla {count}", warm_lines),
        Row(
            "portfolj",
            "(b) första vy Portfölj",
            "ny AppTest, rader på disk, minnescacher tömda: rå",
            disk_only[1:],
            target=TARGET_PORTFOLIO_VIEW_S,
        ),
        Row(
            "portfolj", "(b) första vy Portfölj", "  netto (− baslinje ny AppTest)", minus(disk_only[1:], base["fresh"])
        ),
        Row("portfolj", "(b) första vy Portfölj", "ny AppTest, VARM process (minnescacher fyllda): rå", in_memory[1:]),
        Row(
            "portfolj",
            "(c) projektbyte i väljaren",
            "till projekt som appen inte laddat (KALL): rå at.run()",
            switches[1:],
            target=TARGET_PROJECT_SWITCH_S,
        ),
        Row(
            "portfolj",
            "(c) projektbyte i väljaren",
            "  netto (− baslinje språkbyte)",
            minus(switches[1:], base["lang"]),
        ),
        Row("portfolj", "(c) projektbyte i väljaren", "tillbaka till redan laddat projekt (VARM): rå at.run()", back),
    ]
