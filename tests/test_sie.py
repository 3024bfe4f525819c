"""The SIE 4 reader: the real Avendo export, the record syntax, broken records, and generated files read back."""

from __future__ import annotations

import datetime
import random
import re
import shutil
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import FIXTURES, STRACKET

from lagesbild import project, sie
from lagesbild.problems import Problem

REAL = FIXTURES / "sie" / "transaktioner_ovnbolag.se"
PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HEAD = '#FLAGGA 0\n#FORMAT PC8\n#SIETYP 4\n#FNAMN "Testbolaget AB"\n'


def read_text(text: str, filename: str = "utfall.se") -> sie.Ledger:
    return sie.read(text.encode("cp437"), filename)


def one_voucher(*rows: str, ver: str = '#VER A 1 20250430 "Verifikationstext"') -> str:
    """A file with one #VER around the given rows; the rows start on line 7."""
    return HEAD + ver + "\n{\n" + "".join(f"\t{r}\n" for r in rows) + "}\n"


def errors(ledger: sie.Ledger) -> list[Problem]:
    return [p for p in ledger.problems if p.is_error]


# ---------------------------------------------------------------------------------------------
# The real export, figures derived from its text by plain line filtering, not by the reader.

_ROW = re.compile(r"^\s*#(TRANS|RTRANS|BTRANS)\s+(\d+)\s+\{([^}]*)\}\s+(\S+)")


def real_rows() -> list[tuple[int, str, str, Decimal]]:
    """(line, account, object list, amount) of every counted row: a #TRANS right after a #RTRANS is
    that row's copy for older readers, and a #BTRANS is a removed row."""
    text = REAL.read_bytes().decode("cp437")
    rows = []
    after_rtrans = False
    for number, line in enumerate(text.split("\n"), 1):
        m = _ROW.match(line)
        if m is None:
            continue
        label = m.group(1)
        if label == "TRANS" and after_rtrans:
            after_rtrans = False
            continue
        after_rtrans = label == "RTRANS"
        if label != "BTRANS":
            rows.append((number, m.group(2), m.group(3), Decimal(m.group(4))))
    return rows


@pytest.fixture(scope="module")
def real() -> sie.Ledger:
    return sie.read(REAL.read_bytes(), "utfall.se")


def test_the_real_export_is_recognised_as_sie():
    assert sie.looks_like_sie(REAL.read_bytes())


def test_the_real_export_reads_without_problems(real):
    assert real.problems == []


def test_the_real_export_counts_every_trans_row(real):
    expected = real_rows()
    assert len(expected) == 671  # 671 lines start with #TRANS; the file has no #RTRANS or #BTRANS
    assert len(real.rad) == 671


def test_the_real_export_rows_carry_the_files_line_numbers(real):
    assert real.rad == [number for number, _, _, _ in real_rows()]


def test_the_real_export_amounts_sum_to_zero_as_a_balanced_ledger_does(real):
    expected = sum(amount for _, _, _, amount in real_rows())
    assert expected == Decimal("0.00")
    assert sum(Decimal(b) for b in real.belopp) == expected


def test_the_real_export_cost_accounts_4000_to_7999_sum_to_1686546_38(real):
    expected = sum(amount for _, account, _, amount in real_rows() if 4000 <= int(account) <= 7999)
    assert expected == Decimal("1686546.38")  # 144 rows on accounts 4010 … 7690
    costs = [Decimal(b) for b, k in zip(real.belopp, real.konto, strict=True) if 4000 <= int(k) <= 7999]
    assert len(costs) == 144
    assert sum(costs) == expected


def test_the_real_export_declares_dimension_6_as_projekt(real):
    assert real.dimensioner[6] == "Projekt"


def test_the_real_export_names_its_project_objects(real):
    assert real.objektnamn[(6, "0001")] == "Utbildning av användare"
    assert real.objektnamn[(6, "0009")] == "Utbildning projektledning"


def test_the_real_export_names_an_account_in_quotes_with_a_cp437_letter(real):
    assert real.konton["7690"] == "Övr personalkostnader"


def test_the_real_export_names_an_account_without_quotes(real):
    assert real.konton["5800"] == "Resekostnader"


def test_the_real_export_names_the_company(real):
    assert real.foretag == "Övningsbolaget AB (Ekonomi 60)"


def test_the_real_export_has_seven_rows_on_project_0001(real):
    expected = [number for number, _, objects, _ in real_rows() if re.search(r'"6"\s+"0001"', objects)]
    assert len(expected) == 7
    assert [r for r, o in zip(real.rad, real.objekt, strict=True) if o.get(6) == "0001"] == expected


def test_the_real_export_takes_the_voucher_date_when_a_row_has_none(real):
    # line 3907: "#VER B 1 20110107 …" then "#TRANS  1910 {} -128.00"
    i = real.rad.index(3907)
    assert (real.datum[i], real.belopp[i], real.konto[i], real.verifikation[i], real.text[i]) == (
        "2011-01-07",
        "-128.00",
        "1910",
        "B1",
        "Övriga personalkostnader",
    )


# ---------------------------------------------------------------------------------------------
# Recognising SIE.


def test_a_file_starting_with_flagga_is_sie():
    assert sie.looks_like_sie(b"#FLAGGA 0\r\n#SIETYP 4\r\n")


def test_a_file_with_a_bom_and_blank_lines_before_sietyp_is_sie():
    assert sie.looks_like_sie(b"\xef\xbb\xbf\n\n  \r\n#SIETYP 4\n")


def test_program_format_and_gen_may_come_before_sietyp():
    assert sie.looks_like_sie(b'#PROGRAM "Fortnox" 3.0\n#FORMAT PC8\n#GEN 20250101\n#SIETYP 4\n')


def test_a_csv_export_is_not_sie():
    assert not sie.looks_like_sie("Datum;Belopp;Text\n2025-01-01;100;Årsmöte\n".encode())


def test_a_file_that_only_mentions_sietyp_later_is_not_sie():
    assert not sie.looks_like_sie(b"Rapport\n#SIETYP 4\n")


def test_only_the_first_4_kb_are_looked_at():
    assert not sie.looks_like_sie(b"#PROGRAM x\n" * 500 + b"#SIETYP 4\n")


# ---------------------------------------------------------------------------------------------
# Record syntax.


def test_a_quoted_text_keeps_its_spaces():
    ledger = read_text(one_voucher('#TRANS 5410 {} 100.00 20250430 "  två  mellanslag "'))
    assert ledger.text == ["  två  mellanslag "]


def test_a_backslash_quote_inside_quotes_is_a_quote():
    ledger = read_text(one_voucher(r'#TRANS 5410 {} 100.00 20250430 "Kafé \"Hörnet\" AB"'))
    assert ledger.text == ['Kafé "Hörnet" AB']


def test_a_doubled_backslash_inside_quotes_is_one_backslash():
    ledger = read_text(one_voucher(r'#TRANS 5410 {} 100.00 20250430 "C:\\mapp\\fil"'))
    assert ledger.text == [r"C:\mapp\fil"]


def test_braces_inside_quotes_are_text():
    ledger = read_text(one_voucher('#TRANS 5410 {} 100.00 20250430 "rad {1} av }2{"'))
    assert ledger.text == ["rad {1} av }2{"]


def test_an_empty_quoted_transdat_takes_the_voucher_date():
    ledger = read_text(one_voucher('#TRANS 5410 {} 100.00 "" "Radtext"'))
    assert ledger.datum == ["2025-04-30"]


def test_an_empty_quoted_transtext_takes_the_voucher_text():
    ledger = read_text(one_voucher('#TRANS 5410 {} 100.00 20250415 ""'))
    assert ledger.text == ["Verifikationstext"]


def test_a_row_without_transdat_and_transtext_takes_both_from_the_voucher():
    ledger = read_text(one_voucher("#TRANS 5410 {} 100.00"))
    assert (ledger.datum, ledger.text) == (["2025-04-30"], ["Verifikationstext"])


def test_a_row_with_its_own_date_keeps_it():
    ledger = read_text(one_voucher("#TRANS 5410 {} 100.00 20250415"))
    assert ledger.datum == ["2025-04-15"]


def test_a_row_with_its_own_text_keeps_it():
    ledger = read_text(one_voucher('#TRANS 5410 {} 100.00 20250415 "Radtext"'))
    assert ledger.text == ["Radtext"]


def test_an_object_list_with_several_pairs_gives_each_dimension_its_object():
    ledger = read_text(one_voucher('#TRANS 5410 {1 "Syd" 6 "115" "7" "Anna Berg"} 100.00'))
    assert ledger.objekt == [{1: "Syd", 6: "115", 7: "Anna Berg"}]


def test_an_empty_object_list_gives_no_objects():
    ledger = read_text(one_voucher("#TRANS 5410 {} 100.00"))
    assert ledger.objekt == [{}]


def test_an_object_code_may_hold_a_closing_brace_inside_quotes():
    ledger = read_text(one_voucher('#TRANS 5410 {6 "a}b"} 100.00'))
    assert ledger.objekt == [{6: "a}b"}]


def test_a_row_without_an_object_list_is_read_as_older_programs_write_it():
    ledger = read_text(one_voucher("#TRANS 5410 100.00 20250415"))
    assert (ledger.belopp, ledger.datum, ledger.objekt) == (["100.00"], ["2025-04-15"], [{}])


def test_kvantitet_and_sign_after_the_text_are_passed_over():
    ledger = read_text(one_voucher('#TRANS 5410 {} 100.00 20250415 "Text" 2 "anna"'))
    assert (ledger.belopp, ledger.text) == (["100.00"], ["Text"])


def test_fields_may_be_separated_by_tabs_and_several_spaces():
    ledger = read_text(one_voucher("#TRANS\t5410 \t {}   100.00\t20250415"))
    assert (ledger.konto, ledger.datum) == (["5410"], ["2025-04-15"])


def test_the_voucher_is_serie_and_number():
    ledger = read_text(one_voucher("#TRANS 5410 {} 1.00", ver="#VER B 123 20250430"))
    assert ledger.verifikation == ["B123"]


def test_a_voucher_with_an_empty_serie_is_its_number():
    ledger = read_text(one_voucher("#TRANS 5410 {} 1.00", ver='#VER "" 123 20250430'))
    assert ledger.verifikation == ["123"]


def test_amounts_are_written_with_two_decimals():
    ledger = read_text(one_voucher("#TRANS 5410 {} 1250.5", "#TRANS 5410 {} +7", "#TRANS 5410 {} -0.25"))
    assert ledger.belopp == ["1250.50", "7.00", "-0.25"]


def test_a_negative_zero_amount_is_zero():
    assert read_text(one_voucher("#TRANS 5410 {} -0.00")).belopp == ["0.00"]


def test_zeros_beyond_two_decimals_lose_nothing_and_are_accepted():
    assert read_text(one_voucher("#TRANS 5410 {} 12.500")).belopp == ["12.50"]


def test_rows_are_numbered_by_the_files_lines():
    ledger = read_text(one_voucher("#TRANS 5410 {} 1.00", "", "#TRANS 5410 {} 2.00"))
    assert ledger.rad == [7, 9]


def test_a_lone_cr_ends_a_line():
    ledger = sie.read(one_voucher("#TRANS 5410 {} 1.00", "#TRANS 5410 {} 2.00").replace("\n", "\r").encode(), "x.se")
    assert ledger.rad == [7, 8]


def test_cr_lf_ends_a_line_once():
    ledger = sie.read(one_voucher("#TRANS 5410 {} 1.00", "#TRANS 5410 {} 2.00").replace("\n", "\r\n").encode(), "x.se")
    assert ledger.rad == [7, 8]


def test_unknown_records_are_passed_over_without_problems():
    text = (
        HEAD
        + "#IB 0 1930 100.00\n#PSALDO 0 202501 4010 {} 5.00\n#NYPOST x y\n"
        + one_voucher("#TRANS 5410 {} 1.00").removeprefix(HEAD)
    )
    ledger = read_text(text)
    assert (ledger.belopp, ledger.problems) == (["1.00"], [])


# ---------------------------------------------------------------------------------------------
# #RTRANS and #BTRANS.


def test_an_rtrans_and_its_trans_copy_count_once():
    ledger = read_text(one_voucher("#RTRANS 5410 {} 100.00 20250415", "#TRANS 5410 {} 100.00 20250415"))
    assert (ledger.rad, ledger.belopp) == ([7], ["100.00"])


def test_an_rtrans_without_a_copy_counts():
    ledger = read_text(one_voucher("#RTRANS 5410 {} 100.00", "#TRANS 6110 {} 5.00"))
    assert ledger.konto == ["5410", "6110"]


def test_a_trans_after_an_rtrans_that_differs_from_it_counts_with_a_warning():
    ledger = read_text(one_voucher("#RTRANS 5410 {} 100.00", "#TRANS 5410 {} 90.00"))
    assert (ledger.belopp, [(p.niva, p.rad) for p in ledger.problems]) == (["100.00", "90.00"], [("varning", 8)])


def test_a_btrans_does_not_count():
    ledger = read_text(one_voucher("#TRANS 5410 {} 100.00", "#BTRANS 5410 {} 90.00"))
    assert ledger.belopp == ["100.00"]


# ---------------------------------------------------------------------------------------------
# Encodings.


def test_pc8_is_read_as_cp437():
    ledger = sie.read(one_voucher('#TRANS 5410 {} 1.00 "" "Årsmöte"').encode("cp437"), "x.se")
    assert ledger.text == ["Årsmöte"]


def test_a_file_without_format_is_read_as_cp437():
    text = one_voucher('#TRANS 5410 {} 1.00 "" "Årsmöte"').replace("#FORMAT PC8\n", "")
    assert sie.read(text.encode("cp437"), "x.se").text == ["Årsmöte"]


def test_utf8_with_a_bom_is_read_as_utf8():
    data = b"\xef\xbb\xbf" + one_voucher('#TRANS 5410 {} 1.00 "" "Årsmöte"').encode()
    assert sie.read(data, "x.se").text == ["Årsmöte"]


def test_a_format_naming_utf8_is_followed():
    text = one_voucher('#TRANS 5410 {} 1.00 "" "Årsmöte"').replace("#FORMAT PC8", "#FORMAT UTF-8")
    assert sie.read(text.encode(), "x.se").text == ["Årsmöte"]


def test_a_format_line_after_a_lone_cr_is_followed():
    text = one_voucher('#TRANS 5410 {} 1.00 "" "Årsmöte"').replace("#FORMAT PC8", "#FORMAT UTF-8")
    assert sie.read(text.replace("\n", "\r").encode(), "x.se").text == ["Årsmöte"]


def test_utf8_claiming_pc8_is_warned_about():
    ledger = sie.read(one_voucher('#TRANS 5410 {} 1.00 "" "Årsmöte"').encode(), "x.se")
    assert [p.kolumn for p in ledger.problems if not p.is_error] == ["#FORMAT"]


# ---------------------------------------------------------------------------------------------
# Broken records: a problem naming file, line, field and value; the row is left out.


def test_an_amount_with_a_decimal_comma_is_an_error_on_its_line():
    ledger = read_text(one_voucher("#TRANS 5410 {} 1.00", "#TRANS 5410 {} 12,50"), "utfall.se")
    assert [(p.niva, p.fil, p.rad, p.kolumn, p.varde, p.forvantat) for p in errors(ledger)] == [
        ("fel", "utfall.se", 8, "belopp", "12,50", "ett belopp med punkt som decimaltecken, t.ex. -1250.50")
    ]


def test_a_row_with_a_bad_amount_is_left_out_and_the_others_stay():
    ledger = read_text(one_voucher("#TRANS 5410 {} 1.00", "#TRANS 5410 {} 12,50", "#TRANS 5410 {} 3.00"))
    assert ledger.rad == [7, 9]


def test_an_amount_with_three_decimals_is_an_error():
    ledger = read_text(one_voucher("#TRANS 5410 {} 1.005"))
    assert [(p.rad, p.kolumn, p.varde) for p in errors(ledger)] == [(7, "belopp", "1.005")]


def test_an_impossible_transdat_is_an_error():
    ledger = read_text(one_voucher("#TRANS 5410 {} 1.00 20250230"))
    assert [(p.rad, p.kolumn, p.varde, p.forvantat) for p in errors(ledger)] == [
        (7, "transdat", "20250230", "ett datum ÅÅÅÅMMDD, t.ex. 20250430")
    ]


def test_an_account_that_is_not_a_number_is_an_error():
    ledger = read_text(one_voucher("#TRANS kassa {} 1.00"))
    assert [(p.rad, p.kolumn, p.varde) for p in errors(ledger)] == [(7, "konto", "kassa")]


def test_a_trans_outside_a_voucher_is_an_error():
    ledger = read_text(HEAD + '#VER A 1 20250430 "x"\n{\n}\n#TRANS 5410 {} 1.00\n')
    assert [(p.rad, p.forvantat) for p in errors(ledger)] == [(8, "en #TRANS-rad inom { } efter en #VER")]


def test_a_ledger_cut_off_before_its_first_voucher_is_one_error_in_the_project(tmp_path):
    folder = tmp_path / "projekt"
    shutil.copytree(STRACKET, folder)
    (folder / "utfall.csv").unlink()
    (folder / "utfall.se").write_bytes(REAL.read_bytes()[:3000])  # the real export's head, no #VER yet
    problems = [(p.fil, p.kod) for p in project.load(folder, keep=False).problems]
    assert problems == [("utfall.se", "sie_no_vouchers")]


def test_a_voucher_whose_brace_is_never_closed_is_an_error_on_its_ver_line():
    ledger = read_text(HEAD + '#VER A 1 20250430 "x"\n{\n#TRANS 5410 {} 1.00\n#VER A 2 20250430\n{\n}\n')
    assert [p.rad for p in errors(ledger)] == [5]


def test_a_quote_never_closed_is_an_error_and_its_row_is_left_out():
    ledger = read_text(one_voucher('#TRANS 5410 {} 1.00 20250430 "ingen slut', "#TRANS 5410 {} 2.00"))
    assert ([(p.rad, p.forvantat) for p in errors(ledger)], ledger.rad) == (
        [(7, 'ett " som avslutar texten på samma rad')],
        [8],
    )


def test_the_rows_of_a_voucher_without_a_date_are_errors_unless_they_have_their_own():
    ledger = read_text(one_voucher("#TRANS 5410 {} 1.00", "#TRANS 5410 {} 2.00 20250401", ver="#VER A 1 2025"))
    assert ([(p.rad, p.kolumn) for p in errors(ledger)], ledger.rad) == ([(5, "verdatum"), (7, "transdat")], [8])


def test_a_voucher_without_its_opening_brace_is_an_error_on_its_ver_line():
    ledger = read_text(HEAD + '#VER A 1 20250430 "x"\n#KONTO 5410 "Lokalhyra"\n')
    assert [(p.rad, p.varde, p.forvantat) for p in errors(ledger)] == [
        (5, '#VER A 1 20250430 "x"', "en rad med { efter #VER")
    ]


def test_a_closing_brace_without_a_voucher_is_an_error():
    ledger = read_text(one_voucher("#TRANS 5410 {} 1.00") + "}\n")
    assert [(p.rad, p.varde) for p in errors(ledger)] == [(9, "}")]


def test_a_file_without_vouchers_is_an_error_saying_so():
    ledger = read_text(HEAD + '#KONTO 5410 "Lokalhyra"\n')
    assert [(p.niva, p.forvantat) for p in ledger.problems] == [
        ("fel", "minst en verifikation (#VER med #TRANS-rader) – filen har ingen")
    ]


def test_an_object_list_with_an_odd_number_of_fields_is_an_error():
    ledger = read_text(one_voucher("#TRANS 5410 {6} 1.00"))
    assert [(p.rad, p.kolumn) for p in errors(ledger)] == [(7, "objekt")]


def test_many_broken_rows_give_a_bounded_number_of_problems():
    ledger = read_text(one_voucher(*["#TRANS 5410 {} x"] * 1000))
    assert len(ledger.problems) == sie.MAX_PROBLEMS_PER_KIND + 1
    assert ledger.problems[-1].forvantat.endswith("ytterligare 950 rader har samma fel")


# ---------------------------------------------------------------------------------------------
# Generated files read back exactly.

TEXT_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789åäöÅÄÖéü "\\{}#-.,:;/&()'
BARE = re.compile(r"[A-Za-z0-9åäöÅÄÖ.\-]+")
texts = st.text(alphabet=TEXT_CHARS, max_size=12)
dates = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2030, 12, 31))


@dataclass
class Row:
    kind: str  # TRANS, RTRANS or BTRANS
    konto: str
    objekt: dict[int, str]
    cents: int
    transdat: datetime.date | None
    transtext: str


@dataclass
class Voucher:
    serie: str
    vernr: str
    verdatum: datetime.date
    vertext: str
    rows: list[Row] = field(default_factory=list)


rows = st.builds(
    Row,
    kind=st.sampled_from(["TRANS", "TRANS", "TRANS", "RTRANS", "BTRANS"]),
    konto=st.integers(1000, 8999).map(str),
    objekt=st.dictionaries(st.integers(1, 20), st.text(alphabet=TEXT_CHARS, min_size=1, max_size=6), max_size=3),
    cents=st.integers(-(10**11), 10**11),
    transdat=st.none() | dates,
    transtext=texts,
)
vouchers = st.builds(
    Voucher,
    serie=st.text(alphabet="ABCKLU", max_size=2),
    vernr=st.integers(1, 99999).map(str),
    verdatum=dates,
    vertext=texts,
    rows=st.lists(rows, max_size=5),
)


def quoted(text: str, rnd: random.Random) -> str:
    if text and BARE.fullmatch(text) and rnd.random() < 0.5:
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def written_amount(cents: int, rnd: random.Random) -> str:
    sign = "-" if cents < 0 else rnd.choice(["", "+"])
    whole, part = divmod(abs(cents), 100)
    decimals = rnd.choice([f".{part:02d}", f".{part:02d}0"] + ([f".{part // 10}"] if part % 10 == 0 else []))
    if part == 0 and rnd.random() < 0.3:
        decimals = ""
    return f"{sign}{whole}{decimals}"


def canonical(cents: int) -> str:
    whole, part = divmod(abs(cents), 100)
    return f"{'-' if cents < 0 else ''}{whole}.{part:02d}"


def sie_text(
    vouchers: list[Voucher], konton: dict[str, str], objektnamn: dict[tuple[int, str], str], seed: int
) -> tuple[list[str], dict[str, list]]:
    """The lines of an SIE 4 file for the vouchers, and the columns a reader should give back."""
    rnd = random.Random(seed)
    lines = ["#FLAGGA 0", "#PROGRAM Testprogram 1.0"]
    if rnd.random() < 0.5:
        lines.append("#FORMAT PC8")
    lines += ["#SIETYP 4", '#FNAMN "Bolaget \\"Å\\" AB"']
    for number, name in konton.items():
        lines.append(f"#KONTO {number} {quoted(name, rnd)}")
        if rnd.random() < 0.3:
            lines.append(f"#IB 0 {number} 1.00")
    for dim in sorted({d for d, _ in objektnamn}):
        lines.append(f"#DIM {dim} {quoted(f'Dimension {dim}', rnd)}")
    for (dim, code), name in objektnamn.items():
        lines.append(f"#OBJEKT {dim} {quoted(code, rnd)} {quoted(name, rnd)}")
    expected: dict[str, list] = {k: [] for k in ("rad", "datum", "belopp", "konto", "verifikation", "text", "objekt")}
    for v in vouchers:
        if rnd.random() < 0.2:
            lines.append("")
        vertext = f" {quoted(v.vertext, rnd)}" if v.vertext or rnd.random() < 0.5 else ""
        lines.append(f"#VER {quoted(v.serie, rnd)} {v.vernr} {v.verdatum:%Y%m%d}{vertext}")
        lines.append("{")
        for r in v.rows:
            sep = rnd.choice([" ", "  ", "\t"])
            objects = " ".join(f"{quoted(str(d), rnd)} {quoted(c, rnd)}" for d, c in r.objekt.items())
            parts = [r.konto]
            if objects or rnd.random() < 0.9:
                parts.append("{" + objects + "}")
            parts.append(written_amount(r.cents, rnd))
            if r.transdat is not None or r.transtext or rnd.random() < 0.3:
                parts.append(f"{r.transdat:%Y%m%d}" if r.transdat else '""')
                if r.transtext or rnd.random() < 0.5:
                    parts.append(quoted(r.transtext, rnd))
                    if rnd.random() < 0.2:
                        parts += ["1", '"signatur"']
            body = sep.join(parts)
            indent = rnd.choice(["", "\t", "   "])
            lines.append(f"{indent}#{r.kind}{sep}{body}")
            if r.kind != "BTRANS":
                expected["rad"].append(len(lines))
                expected["datum"].append((r.transdat or v.verdatum).isoformat())
                expected["belopp"].append(canonical(r.cents))
                expected["konto"].append(r.konto)
                expected["verifikation"].append(v.serie + v.vernr)
                expected["text"].append(r.transtext or v.vertext)
                expected["objekt"].append(r.objekt)
            if r.kind == "RTRANS":
                lines.append(f"{indent}#TRANS{sep}{body}")
        lines.append("}")
    return lines, expected


@PROPERTY
@given(
    vouchers=st.lists(vouchers, min_size=1, max_size=6),  # without any, the file is refused
    konton=st.dictionaries(st.integers(1000, 8999).map(str), texts, max_size=4),
    objektnamn=st.dictionaries(
        st.tuples(st.integers(1, 20), st.text(TEXT_CHARS, min_size=1, max_size=5)), texts, max_size=3
    ),
    newline=st.sampled_from(["\r\n", "\n", "\r"]),
    seed=st.integers(0, 2**32),
)
def test_a_generated_sie_file_reads_back_exactly(vouchers, konton, objektnamn, newline, seed):
    lines, expected = sie_text(vouchers, konton, objektnamn, seed)
    ledger = sie.read((newline.join(lines) + newline).encode("cp437"), "gen.se")
    assert [p for p in ledger.problems if p.is_error] == []
    assert {k: getattr(ledger, k) for k in expected} == expected
    assert (ledger.konton, ledger.objektnamn, ledger.foretag) == (konton, objektnamn, 'Bolaget "Å" AB')
    assert set(ledger.dimensioner) == {d for d, _ in objektnamn}


def sie_file(n_rows: int, seed: int = 0) -> bytes:
    """An SIE 4 file of n_rows counted #TRANS rows in vouchers of 1-6 rows, as a large export looks."""
    rnd = random.Random(seed)
    out = ["#FLAGGA 0", "#FORMAT PC8", "#SIETYP 4", '#FNAMN "Stora bolaget AB"', '#DIM 6 "Projekt"']
    written = 0
    voucher = 0
    while written < n_rows:
        voucher += 1
        day = datetime.date(2025, 1, 1) + datetime.timedelta(days=voucher % 365)
        out.append(f'#VER A {voucher} {day:%Y%m%d} "Leverantörsfaktura {voucher}"')
        out.append("{")
        for _ in range(min(rnd.randint(1, 6), n_rows - written)):
            konto = rnd.choice((1930, 2440, 2641, 4010, 5410, 6110, 7010))
            amount = f"{rnd.randint(-(10**7), 10**7) / 100:.2f}"
            if rnd.random() < 0.5:
                out.append(f"\t#TRANS {konto} {{}} {amount}")
            else:
                out.append(f'\t#TRANS {konto} {{6 "{rnd.randint(100, 130)}"}} {amount} {day:%Y%m%d} "Rad {written}"')
            written += 1
        out.append("}")
    return ("\r\n".join(out) + "\r\n").encode("cp437")


def test_a_file_of_several_megabytes_keeps_every_rows_line_number():
    data = sie_file(40_000)
    assert len(data) > 2 * 2**20  # read a chunk of lines at a time: rows across the chunks' edges
    lines = data.decode("cp437").split("\r\n")
    expected = [number for number, line in enumerate(lines, 1) if line.startswith("\t#TRANS")]
    ledger = sie.read(data, "stor.se")
    assert (len(expected), ledger.rad, ledger.problems) == (40_000, expected, [])


# ---------------------------------------------------------------------------------------------
# Any bytes: a Ledger, never an exception.

FRAGMENTS = [
    "#VER",
    "#TRANS",
    "#RTRANS",
    "#BTRANS",
    "#KONTO",
    "#DIM",
    "#OBJEKT",
    "#FNAMN",
    "#FORMAT",
    "{",
    "}",
    "{}",
    '"',
    '\\"',
    "\\",
    " ",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "5410",
    "6",
    '"115"',
    "-12.50",
    "1e5",
    "20250430",
    "2025-02-30",
    "A",
    "1",
    '""',
    "å",
    "\x00",
    "\xa0",
    "99999999999999999999",
    "#FLAGGA 0\n",
]


def assert_a_ledger(ledger: object) -> None:
    assert isinstance(ledger, sie.Ledger)
    assert isinstance(ledger.problems, list)


@PROPERTY
@given(st.binary(max_size=2000))
def test_random_bytes_give_a_ledger(data):
    assert isinstance(sie.looks_like_sie(data), bool)
    assert_a_ledger(sie.read(data, "slump.se"))


@PROPERTY
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=200))
def test_random_sie_fragments_give_a_ledger(fragments):
    data = "".join(fragments).encode("utf-8")
    assert isinstance(sie.looks_like_sie(data), bool)
    assert_a_ledger(sie.read(data, "bitar.se"))


mutations = st.lists(
    st.tuples(st.sampled_from(["flip", "insert", "delete", "truncate"]), st.integers(0, 2**31), st.binary(max_size=8)),
    min_size=1,
    max_size=8,
)


@PROPERTY
@given(mutations)
def test_the_real_export_mutated_gives_a_ledger(changes):
    data = bytearray(REAL.read_bytes())
    for kind, at, extra in changes:
        at %= max(len(data), 1)
        if kind == "flip" and data:
            data[at] ^= 1 << (at % 8)
        elif kind == "insert":
            data[at:at] = extra
        elif kind == "delete":
            del data[at : at + 1 + len(extra)]
        else:
            del data[at:]
    assert isinstance(sie.looks_like_sie(bytes(data)), bool)
    assert_a_ledger(sie.read(bytes(data), "muterad.se"))
