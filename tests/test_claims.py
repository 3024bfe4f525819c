"""Figures of Stråket's reporting periods 2025-04-01 – 2025-12-31 and 2026-01-01 – 2026-06-30 (contract §5b).

The periods are set in a copy's projekt.toml. Every expected figure is summed here from the
example's CSV files with the csv module, and the arithmetic is written out next to it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

import pytest
from support import STRACKET, csv_rows, kronor, write_project

from lagesbild import claims
from lagesbild import project as projects
from lagesbild.summary import summary

R = dt.date(2026, 10, 31)
KR = 0.01
A = (dt.date(2025, 4, 1), dt.date(2025, 12, 31))
B = (dt.date(2026, 1, 1), dt.date(2026, 6, 30))
ROL = "Region Örebro län 1:1-medel"
PERIODS = "rapportperioder = [[2025-04-01, 2025-12-31], [2026-01-01, 2026-06-30], [2026-07-01, 2026-12-31]]\n"

# Booked per cost category (utfall.csv, accounts by konton.csv):
# 2025-04-01 – 2025-12-31: Egen personal 705 526,25; Externa tjänster 343 130; Resor och logi 29 382
# 2026-01-01 – 2026-06-30: Egen personal 492 996,81; Externa tjänster 438 550; Resor och logi 24 731
U_A = 705_526.25 * 1.2 + 343_130 + 29_382  # indirect 20 % of Egen personal = 1 219 143,50
U_B = 492_996.81 * 1.2 + 438_550 + 24_731  # = 591 596,172 + 463 281 = 1 054 877,172
ROL_A = U_A * 450_000 / 1_478_000  # 2025 share of 1:1-medel = 371 187,13
ROL_B = U_B * 600_000 / 1_970_000  # 2026 share = 321 282,39


def _toml(extra: str) -> str:
    text = (STRACKET / "projekt.toml").read_text(encoding="utf-8")
    head, _, tail = text.partition("[indirekta_kostnader]")
    return head + extra + "\n[indirekta_kostnader]" + tail


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return write_project(tmp_path_factory.mktemp("claims"), STRACKET, "stracket", projekt=_toml(PERIODS))


@pytest.fixture(scope="module")
def project(folder):
    return projects.load(folder)


@pytest.fixture(scope="module")
def period_a(project):
    return claims.figures(project, claims.period(project, 1))


@pytest.fixture(scope="module")
def period_b(project):
    return claims.figures(project, claims.period(project, 2))


@pytest.fixture(scope="module")
def ledger() -> dict[tuple[str, str], Decimal]:
    """utfall.csv summed per cost category and date range A or B."""
    ranges = [(tuple(map(int, r["Konto"].split("-"))), r["Kostnadsslag"]) for r in csv_rows(STRACKET / "konton.csv")]
    sums: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for row in csv_rows(STRACKET / "utfall.csv", encoding="cp1252"):
        slag = next(s for (low, high), s in ranges if low <= int(row["Konto"]) <= high)
        for name, (start, end) in (("A", A), ("B", B)):
            if start.isoformat() <= row["Datum"] <= end.isoformat():
                sums[slag, name] += kronor(row["Belopp"])
    return sums


def _payments(typ: str, start: dt.date, end: dt.date, financier: str = ROL) -> Decimal:
    return sum(
        (
            kronor(r["Belopp"])
            for r in csv_rows(STRACKET / "inbetalningar.csv")
            if r["Typ"] == typ and r["Finansiär"] == financier and start.isoformat() <= r["Datum"] <= end.isoformat()
        ),
        Decimal(0),
    )


def _row(frame, column: str, value: str):
    return frame[frame[column] == value].iloc[0]


def test_the_periods_listed_in_projekt_toml_are_reported_when_they_start_before_r(project):
    assert [(p.start, p.slut, p.till) for p in claims.periods(project)] == [
        (*A, A[1]),
        (*B, B[1]),
        (dt.date(2026, 7, 1), dt.date(2026, 12, 31), R),
    ]


def test_a_period_number_that_does_not_exist_is_a_swedish_error(project):
    with pytest.raises(ValueError, match="ingen rapportperiod 9"):
        claims.period(project, 9)


def test_the_hand_sums_of_the_ledger_are_those_written_above(ledger):
    assert ledger == {
        ("Egen personal", "A"): Decimal("705526.25"),
        ("Externa tjänster", "A"): 343_130,
        ("Resor och logi", "A"): 29_382,
        ("Egen personal", "B"): Decimal("492996.81"),
        ("Externa tjänster", "B"): 438_550,
        ("Resor och logi", "B"): 24_731,
    }


def test_first_period_spending_is_the_ledger_of_apr_dec_2025_with_indirect_costs(period_a, ledger):
    by_hand = sum(float(v) for (_, p), v in ledger.items() if p == "A") + 0.2 * float(ledger["Egen personal", "A"])
    assert (period_a.upparbetat_kr, by_hand) == (pytest.approx(U_A, abs=KR), pytest.approx(U_A, abs=KR))


def test_second_period_spending_is_the_ledger_of_jan_jun_2026_with_indirect_costs(period_b):
    assert period_b.upparbetat_kr == pytest.approx(U_B, abs=KR)  # 1 054 877,172


def test_second_period_indirect_costs_are_a_fifth_of_its_own_staff_costs(period_b):
    assert _row(period_b.categories, "kostnadsslag", "Indirekta kostnader").period_kr == pytest.approx(
        0.2 * 492_996.81, abs=KR
    )  # 98 599,362


def test_second_period_costs_per_category_are_those_of_the_ledger(period_b, ledger):
    booked = {k: float(v) for (k, p), v in ledger.items() if p == "B"}
    shown = dict(zip(period_b.categories.kostnadsslag, period_b.categories.period_kr, strict=True))
    assert {k: shown[k] for k in booked} == {k: pytest.approx(v, abs=KR) for k, v in booked.items()}


def test_cumulative_spending_at_the_second_periods_end_is_both_periods(period_b):
    assert period_b.upparbetat_ackumulerat_kr == pytest.approx(U_A + U_B, abs=KR)  # 2 274 020,672


def test_cumulative_staff_costs_are_counted_against_their_budget(period_b):
    row = _row(period_b.categories, "kostnadsslag", "Egen personal")
    # budget 774 464 + 1 058 434 + 1 084 895 + 278 004 = 3 195 797; booked 705 526,25 + 492 996,81
    assert (row.budget_kr, row.ackumulerat_kr, row.kvar_kr) == (
        3_195_797,
        pytest.approx(1_198_523.06, abs=KR),
        pytest.approx(3_195_797 - 1_198_523.06, abs=KR),
    )


def test_first_period_allocation_to_the_1_1_funds_is_the_2025_share_of_its_costs(period_a):
    assert _row(period_a.financiers, "finansiar", ROL).fordelat_kr == pytest.approx(ROL_A, abs=KR)


def test_second_period_allocation_to_the_1_1_funds_is_the_2026_share_of_its_costs(period_b):
    assert _row(period_b.financiers, "finansiar", ROL).fordelat_kr == pytest.approx(ROL_B, abs=KR)


def test_allocations_of_a_period_sum_to_its_spending(period_b):
    assert float(period_b.financiers.fordelat_kr.sum()) == pytest.approx(U_B, abs=KR)


def test_claims_of_a_period_are_the_claims_dated_in_it(period_b):
    # 2026-02-28: 200 169 (for Sep–Dec 2025); the claim of 2026-08-31 is dated after the period
    row = _row(period_b.financiers, "finansiar", ROL)
    assert row.rekvirerat_kr == float(_payments("Rekvirerat", *B)) == 200_169


def test_payments_of_a_period_are_the_payments_dated_in_it(period_a):
    row = _row(period_a.financiers, "finansiar", ROL)
    assert row.inbetalt_kr == float(_payments("Inbetalt", *A)) == 171_018  # paid 2025-11-14


def test_first_period_claim_basis_is_its_allocation_less_the_claims_made_by_its_end(period_a):
    # 371 187,13 − 171 018 (claimed 2025-09-30) = 200 169,13, the 200 169 claimed on 2026-02-28
    assert _row(period_a.financiers, "finansiar", ROL).underlag_kr == pytest.approx(ROL_A - 171_018, abs=KR)


def test_second_period_claim_basis_is_the_allocation_to_its_end_less_the_claims_made_by_then(period_b):
    # 371 187,13 + 321 282,39 − (171 018 + 200 169) = 321 282,52, the 321 282 claimed on 2026-08-31
    assert _row(period_b.financiers, "finansiar", ROL).underlag_kr == pytest.approx(ROL_A + ROL_B - 371_187, abs=KR)


def test_the_maximum_share_of_the_1_1_funds_is_31_percent_of_spending_to_the_periods_end(period_b):
    assert _row(period_b.financiers, "finansiar", ROL).maxandel_kr == pytest.approx(0.31 * (U_A + U_B), abs=KR)


def test_no_cap_binds_the_example_in_the_second_period(period_b):
    # 692 469,52 allocated < 31 % of 2 274 020,67 = 704 946,41 and < the cap 1 800 000
    assert period_b.financiers.begransning.isna().all()


def _with_financing(tmp_path, maxandel: str, tak: str):
    text = (STRACKET / "finansiering.csv").read_text(encoding="utf-8-sig")
    text = text.replace("1:1-medel;31;1800000", f"1:1-medel;{maxandel};{tak}")
    folder = write_project(tmp_path, STRACKET, "stracket", projekt=_toml(PERIODS), finansiering=text)
    project = projects.load(folder)
    return _row(claims.figures(project, claims.period(project, 2)).financiers, "finansiar", ROL)


def test_a_cap_below_the_allocation_binds_and_is_named(tmp_path):
    row = _with_financing(tmp_path, "31", "500000")
    # min(692 469,52; 704 946,41; 500 000) − 371 187 claimed = 128 813
    assert (row.begransning, row.underlag_kr) == ("tak", pytest.approx(500_000 - 371_187, abs=KR))


def test_a_maximum_share_below_the_allocation_binds_and_is_named(tmp_path):
    row = _with_financing(tmp_path, "29", "1800000")
    # 29 % × 2 274 020,672 = 659 465,99 < 692 469,52 allocated; less 371 187 claimed = 288 278,99
    assert (row.begransning, row.underlag_kr) == ("maxandel", pytest.approx(0.29 * (U_A + U_B) - 371_187, abs=KR))


def test_a_period_running_past_r_counts_rows_up_to_r(project):
    last = claims.figures(project, claims.period(project, 3))
    full = project.frame("project_totals").iloc[0].upparbetat_kr
    assert last.upparbetat_ackumulerat_kr == pytest.approx(full, abs=KR)  # everything up to 2026-10-31


@pytest.fixture(scope="module")
def perioder(project):
    return summary(project)["perioder"]


def test_summary_lists_each_reported_period_with_the_contract_keys(perioder):
    assert [set(p) for p in perioder] == [{"start", "slut", "upparbetat", "kostnadsslag", "finansiarer"}] * 3


def test_summary_periods_carry_their_dates_and_spending(perioder):
    assert [(p["start"], p["slut"], p["upparbetat"]) for p in perioder[:2]] == [
        ("2025-04-01", "2025-12-31", pytest.approx(U_A, abs=KR)),
        ("2026-01-01", "2026-06-30", pytest.approx(U_B, abs=KR)),
    ]


def test_summary_period_financiers_have_allocated_claimed_and_paid(perioder):
    rol = next(f for f in perioder[1]["finansiarer"] if f["finansiar"] == ROL)
    assert rol == {
        "finansiar": ROL,
        "fordelat": pytest.approx(ROL_B, abs=KR),
        "rekvirerat": 200_169.0,
        "inbetalt": 200_169.0,
    }


def test_summary_period_cost_categories_have_the_contract_keys(perioder):
    assert all(set(c) == {"kostnadsslag", "upparbetat"} for p in perioder for c in p["kostnadsslag"])


def test_by_default_the_periods_are_calendar_half_years_within_the_project(stracket_project):
    assert [(p.start, p.slut) for p in claims.periods(stracket_project)] == [
        (dt.date(2025, 4, 1), dt.date(2025, 6, 30)),
        (dt.date(2025, 7, 1), dt.date(2025, 12, 31)),
        (dt.date(2026, 1, 1), dt.date(2026, 6, 30)),
        (dt.date(2026, 7, 1), dt.date(2026, 12, 31)),
    ]
