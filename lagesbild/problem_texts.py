"""The texts of problems, notes and refusals in Swedish and English, added to i18n.TEXTS.

A problem is stored as a code with parameters (lagesbild.problems) and put into words only when it
is shown: "problem.<kod>" says what was expected, "refusal.<kod>" why a change was refused. The
parameters are named as the placeholders; lagesbild.problems formats them (an amount *_kr as kr,
a count n in its singular or plural form). Every text is a format string: {{ and }} are braces.
"""

from __future__ import annotations

from lagesbild.i18n import TEXTS as _INTERFACE
from lagesbild.i18n import Plural

TEXTS: dict[str, tuple[str, str] | Plural] = {
    # how one problem is written on a line (validate) and in a table
    "problem_line.fel": ("fel", "error"),
    "problem_line.varning": ("varning", "warning"),
    "problem_line.notering": ("notering", "note"),
    "problem_line.row": ("rad {rad}", "row {rad}"),
    "problem_line.column": ("kolumn {column}", "column {column}"),
    "problem_line.value": ("värdet '{value}'", "the value '{value}'"),
    "problem_line.empty": ("tomt värde", "empty value"),
    "problem_line.short": ("{label}: {where}: {expected}", "{label}: {where}: {expected}"),
    "problem_line.long": (
        "{label}: {where}: {value} – förväntat {expected}",
        "{label}: {where}: {value} – expected {expected}",
    ),
    "problem_line.more": Plural(
        (" – ytterligare {n} rad har samma fel", " – {n} more row has the same error"),
        (" – ytterligare {n} rader har samma fel", " – {n} more rows have the same error"),
    ),
    "problem_line.and": (" och ", " and "),
    "problem_line.tab": ("tabb", "tab"),
    # a cell that does not convert by its column's kind (lagesbild.schema)
    "problem.cell_empty": ("ett värde – cellen är tom", "a value – the cell is empty"),
    "problem.cell_amount": (
        "ett belopp i kronor, t.ex. 1 800 000, 1800000,50 eller −1 250,00 kr",
        "an amount in kronor, e.g. 1 800 000, 1800000,50 or −1 250,00 kr",
    ),
    "problem.cell_number": ("ett tal, t.ex. 12 eller 12,5", "a number, e.g. 12 or 12,5"),
    "problem.cell_integer": ("ett heltal, t.ex. 12", "a whole number, e.g. 12"),
    "problem.cell_percent": ("en procentsats, t.ex. 31 eller 31 %", "a percentage, e.g. 31 or 31%"),
    "problem.cell_year": ("ett årtal, t.ex. 2025", "a year, e.g. 2025"),
    "problem.cell_date": (
        "ett datum som 2025-04-30 eller 20250430, år 1900–2200",
        "a date such as 2025-04-30 or 20250430, years 1900–2200",
    ),
    "problem.cell_scale": ("ett heltal 1–4", "a whole number 1–4"),
    "problem.cell_account_range": (
        "ett kontonummer (7010) eller ett intervall (7000-7699)",
        "an account number (7010) or a range (7000-7699)",
    ),
    "problem.cell_enum": ("ett av värdena {values}", "one of the values {values}"),
    # a file as a whole, its encoding and its header
    "problem.file_missing": ("filen {file} (eller .xlsx) – den saknas", "the file {file} (or .xlsx) – it is missing"),
    "problem.file_no_rows": (
        "minst en rad under rubrikraden – filen har inga rader",
        "at least one row below the header row – the file has no rows",
    ),
    "problem.file_empty": (
        "filen är tom – första raden ska vara rubrikraden",
        "the file is empty – the first row should be the header row",
    ),
    "problem.file_bad_utf8": (
        "filen är skriven i UTF-8 men byte {byte} är inget UTF-8-tecken – raden har sparats i en annan "
        "teckenkodning; spara hela filen som UTF-8 igen",
        "the file is written in UTF-8 but byte {byte} is no UTF-8 character – the row was saved in another "
        "encoding; save the whole file as UTF-8 again",
    ),
    "problem.file_bad_encoding": (
        "filen kunde inte läsas som UTF-8, UTF-16 eller Windows-1252 – byte {byte} är inget tecken i någon av "
        "dem (spara filen som UTF-8)",
        "the file could not be read as UTF-8, UTF-16 or Windows-1252 – byte {byte} is no character in any of "
        "them (save the file as UTF-8)",
    ),
    "problem.folder_name": (
        "ett mappnamn med små bokstäver a–z, siffror och -",
        "a folder name of lower-case letters a–z, digits and -",
    ),
    "problem.header_duplicate": (
        "kolumnen {column} en gång (den finns redan i kolumn {first})",
        "the column {column} once (it is already column {first})",
    ),
    "problem.header_missing": (
        "en obligatorisk kolumn med rubriken {column} – den saknas",
        "a required column headed {column} – it is missing",
    ),
    "problem.header_missing_searched": (
        "en obligatorisk kolumn med rubriken {column} – den saknas (rubrikraden söks bland de {lines} första raderna)",
        "a required column headed {column} – it is missing (the header row is looked for among the first {lines} rows)",
    ),
    "problem.header_misspelt": (
        "en obligatorisk kolumn med rubriken {column} (stavningen känns inte igen)",
        "a required column headed {column} (the spelling is not recognised)",
    ),
    "problem.header_pair_missing": (
        "en obligatorisk kolumn med rubriken {column} eller {plus} eller {minus} – den saknas",
        "a required column headed {column} or {plus} or {minus} – it is missing",
    ),
    "problem.header_pair_missing_searched": (
        "en obligatorisk kolumn med rubriken {column} eller {plus} eller {minus} – den saknas (rubrikraden "
        "söks bland de {lines} första raderna)",
        "a required column headed {column} or {plus} or {minus} – it is missing (the header row is looked "
        "for among the first {lines} rows)",
    ),
    "problem.header_pair_misspelt": (
        "en obligatorisk kolumn med rubriken {column} eller {plus} eller {minus} (stavningen känns inte igen)",
        "a required column headed {column} or {plus} or {minus} (the spelling is not recognised)",
    ),
    "problem.csv_width": (
        "{width} fält avgränsade med '{delimiter}' som på rubrikraden, men raden har {found}",
        "{width} fields separated by '{delimiter}' as on the header row, but the row has {found}",
    ),
    "problem.csv_cell_too_long": (
        "celler på högst {millions} miljoner tecken – en cell på raden är längre (eller ett citattecken stängs aldrig)",
        "cells of at most {millions} million characters – a cell on the row is longer (or a quotation mark "
        "is never closed)",
    ),
    "problem.csv_unclosed_quote": (
        'ett citattecken (") som avslutas – fältet som börjar här stängs aldrig',
        'a quotation mark (") that is closed – the field that starts here is never closed',
    ),
    "problem.csv_unreadable": (
        "en CSV-fil med '{delimiter}' som avgränsare och citattecken (\") runt fält",
        "a CSV file with '{delimiter}' as separator and quotation marks (\") around fields",
    ),
    "problem.file_bad_utf16": (
        "filen börjar som UTF-16 men är inte hel UTF-16 – den slutar mitt i ett tecken eller har ett trasigt "
        "tecken; spara filen som UTF-8",
        "the file starts as UTF-16 but is not whole UTF-16 – it ends in the middle of a character or has a "
        "broken one; save the file as UTF-8",
    ),
    # a zip file, its members, and an Excel file's container and sheet (lagesbild.xlsx)
    "problem.zip_incomplete": (
        "{name} kunde inte öppnas – den är ingen hel zip-fil",
        "{name} could not be opened – it is no whole zip file",
    ),
    "problem.zip_unreadable": (
        "{name} kunde inte öppnas som zip-fil ({error})",
        "{name} could not be opened as a zip file ({error})",
    ),
    "problem.zip_members": (
        "högst {limit} filer i {name} – den har {count}; packa bara projektets egna filer",
        "at most {limit} files in {name} – it has {count}; pack only the project's own files",
    ),
    "problem.zip_members_listed": (
        "högst {limit} filer i {name}; packa bara projektets egna filer",
        "at most {limit} files in {name}; pack only the project's own files",
    ),
    "problem.xlsx_incomplete": (
        "Excel-filen kunde inte öppnas – den är ingen hel zip-fil",
        "the Excel file could not be opened – it is no whole zip file",
    ),
    "problem.xlsx_unreadable_zip": (
        "Excel-filen kunde inte öppnas som zip-fil ({error})",
        "the Excel file could not be opened as a zip file ({error})",
    ),
    "problem.xlsx_members": (
        "högst {limit} filer i Excel-filen – den har {count}; spara bladet på nytt från Excel",
        "at most {limit} files in the Excel file – it has {count}; save the sheet again from Excel",
    ),
    "problem.xlsx_members_listed": (
        "högst {limit} filer i Excel-filen; spara bladet på nytt från Excel",
        "at most {limit} files in the Excel file; save the sheet again from Excel",
    ),
    "problem.member_encrypted": (
        "en fil utan lösenord – den är krypterad; packa den utan lösenord",
        "a file without a password – it is encrypted; pack it without a password",
    ),
    "problem.member_deflate64": (
        "en fil packad med Deflate eller utan packning – den är packad med Deflate64; packa om med "
        "Utforskarens eller macOS egen zip",
        "a file packed with Deflate or not packed – it is packed with Deflate64; pack it again with the zip of "
        "Windows Explorer or macOS",
    ),
    "problem.member_method": (
        "en fil packad med Deflate eller utan packning – den är packad med metod {method}; packa om med "
        "Utforskarens eller macOS egen zip",
        "a file packed with Deflate or not packed – it is packed with method {method}; pack it again with the "
        "zip of Windows Explorer or macOS",
    ),
    "problem.member_too_large": (
        "en fil på högst {limit} uppackad – den är {size}",
        "a file of at most {limit} unpacked – it is {size}",
    ),
    "problem.member_grows": (
        "en fil på högst {limit} uppackad – den blir större",
        "a file of at most {limit} unpacked – it grows larger",
    ),
    "problem.member_broken": (
        "en hel fil – den gick inte att packa upp ({error}); packa zip-filen på nytt",
        "a whole file – it could not be unpacked ({error}); pack the zip file again",
    ),
    "problem.xlsx_parts_too_large": (
        "en Excel-fil vars innehåll är högst {limit} uppackat – {part} gör den större; dela upp exporten "
        "(t.ex. per år) eller spara bladet som CSV",
        "an Excel file whose content is at most {limit} unpacked – {part} makes it larger; split the export "
        "(e.g. by year) or save the sheet as CSV",
    ),
    "problem.xlsx_part": (
        "Excel-filen kunde inte öppnas – {part}: förväntat {reason}",
        "the Excel file could not be opened – {part}: expected {reason}",
    ),
    "problem.xlsx_unreadable": (
        "en Excel-arbetsbok som går att öppna – filen är skadad ({error}); öppna den i Excel och spara den igen",
        "an Excel workbook that opens – the file is damaged ({error}); open it in Excel and save it again",
    ),
    "problem.xlsx_not_workbook": (
        "en Excel-arbetsbok (.xlsx) – filen är en zip-fil utan arbetsbok i sig; spara tabellen som .xlsx eller CSV",
        "an Excel workbook (.xlsx) – the file is a zip file with no workbook in it; save the table as .xlsx or CSV",
    ),
    "problem.xlsx_hidden": (
        "minst ett synligt kalkylblad – alla blad i filen är dolda",
        "at least one visible sheet – every sheet of the file is hidden",
    ),
    "problem.xlsx_rows": (
        "ett kalkylblad med högst {limit} rader – bladet har fler; dela upp exporten (t.ex. per år) eller "
        "spara den som CSV",
        "a sheet of at most {limit} rows – the sheet has more; split the export (e.g. by year) or save it as CSV",
    ),
    "problem.xlsx_cells": (
        "ett kalkylblad med högst {limit} celler – bladet har fler (tomma celler med formatering räknas också); "
        "kopiera tabellen till ett nytt blad eller spara den som CSV",
        "a sheet of at most {limit} cells – the sheet has more (empty cells with formatting count too); copy "
        "the table to a new sheet or save it as CSV",
    ),
    "problem.xlsx_columns": (
        "ett kalkylblad med högst {limit} kolumner – rad {row} har ett värde i kolumn {column}; ta bort det som "
        "står till höger om tabellen",
        "a sheet of at most {limit} columns – row {row} has a value in column {column}; remove what stands to "
        "the right of the table",
    ),
    "problem.csv_is_zip": (
        "en textfil (CSV) – filen är en zip-fil, troligen en Excel-arbetsbok; ge den ändelsen .xlsx eller spara den "
        "som CSV",
        "a text file (CSV) – the file is a zip file, most likely an Excel workbook; give it the ending .xlsx or save "
        "it as CSV",
    ),
    "problem.csv_columns": (
        "en rubrikrad med högst {limit} kolumner – filens rubrikrad har fler; ta bort kolumner som inte behövs",
        "a header row of at most {limit} columns – the file's header row has more; remove the columns not needed",
    ),
    "problem.xlsx_empty": (
        "kalkylbladet är tomt – första raden ska vara rubrikraden",
        "the sheet is empty – the first row should be the header row",
    ),
    # projekt.toml
    "problem.toml_missing": (
        "filen projekt.toml i projektmappen – den saknas",
        "the file projekt.toml in the project folder – it is missing",
    ),
    "problem.toml_invalid": ("giltig TOML ({detail})", "valid TOML ({detail})"),
    "problem.toml_missing_key": ("nyckeln {name} – den saknas", "the key {name} – it is missing"),
    "problem.toml_unknown_key": (
        "en nyckel som Lägesbild känner till ({known}); nyckeln {name} läses inte",
        "a key that Lägesbild knows ({known}); the key {name} is not read",
    ),
    "problem.toml_unknown_key_close": (
        "en nyckel som Lägesbild känner till ({known}); nyckeln {name} läses inte – menade du {close}?",
        "a key that Lägesbild knows ({known}); the key {name} is not read – did you mean {close}?",
    ),
    "problem.toml_text": ("en text inom citattecken som inte är tom", "a text in quotation marks that is not empty"),
    "problem.toml_text_or_number": ('en text inom citattecken, t.ex. "115"', 'a text in quotation marks, e.g. "115"'),
    "problem.toml_date": ("ett datum som 2025-04-01, år 1900–2200", "a date such as 2025-04-01, years 1900–2200"),
    "problem.toml_whole": ("ett heltal som är minst {least}", "a whole number of at least {least}"),
    "problem.toml_end_before_start": ("ett datum efter start {start}", "a date after the start {start}"),
    "problem.toml_meetings": (
        "en lista med datum, t.ex. [2025-06-12, 2025-11-20]",
        "a list of dates, e.g. [2025-06-12, 2025-11-20]",
    ),
    "problem.toml_indirect_table": (
        "en tabell [indirekta_kostnader] med procent, bas och kostnadsslag",
        "a table [indirekta_kostnader] with procent, bas and kostnadsslag",
    ),
    "problem.toml_indirect_percent": ("en procentsats 0–100, t.ex. 20", "a percentage 0–100, e.g. 20"),
    "problem.toml_indirect_base": (
        'en lista med kostnadsslag ur budget.csv, t.ex. ["Egen personal"]',
        'a list of cost categories from budget.csv, e.g. ["Egen personal"]',
    ),
    "problem.toml_bookkeeping_table": (
        "en tabell [bokforing] med objekt, dimension, objektkolumn, kostnadskonton",
        "a table [bokforing] with objekt, dimension, objektkolumn, kostnadskonton",
    ),
    "problem.toml_account_plan": (
        "en av kontoplanerna {plan} eller {other}",
        "one of the account plans {plan} or {other}",
    ),
    "problem.toml_accounts": (
        'en lista med konton och kontointervall, t.ex. ["4000-7999"] eller [5010, "6000-6999"]',
        'a list of accounts and account ranges, e.g. ["4000-7999"] or [5010, "6000-6999"]',
    ),
    "problem.toml_accounts_order": (
        'en lista med konton och kontointervall, t.ex. ["4000-7999"] eller [5010, "6000-6999"] (från ≤ till)',
        'a list of accounts and account ranges, e.g. ["4000-7999"] or [5010, "6000-6999"] (from ≤ to)',
    ),
    "problem.toml_periods": (
        "en lista med perioder [från, till], t.ex. [[2025-04-01, 2025-12-31], [2026-01-01, 2026-06-30]]",
        "a list of periods [from, to], e.g. [[2025-04-01, 2025-12-31], [2026-01-01, 2026-06-30]]",
    ),
    "problem.toml_period_pair": (
        "en period [från, till] med två datum, t.ex. [2025-04-01, 2025-12-31]",
        "a period [from, to] of two dates, e.g. [2025-04-01, 2025-12-31]",
    ),
    "problem.toml_period_reversed": (
        "en period vars slutdatum är samma som eller efter startdatumet",
        "a period whose end date is the same as or after its start date",
    ),
    "problem.toml_period_outside": (
        "en period inom projektperioden {start} – {slut}",
        "a period within the project period {start} – {slut}",
    ),
    "problem.toml_period_order": (
        "en period som börjar efter förra perioden {before} (perioderna i ordning och utan överlapp)",
        "a period that starts after the previous period {before} (the periods in order and without overlap)",
    ),
    # an SIE ledger (lagesbild.sie)
    "problem.sie_amount": (
        "ett belopp med punkt som decimaltecken, t.ex. -1250.50",
        "an amount with a point as decimal separator, e.g. -1250.50",
    ),
    "problem.sie_amount_decimals": (
        "ett belopp med punkt som decimaltecken, t.ex. -1250.50 (högst två decimaler)",
        "an amount with a point as decimal separator, e.g. -1250.50 (at most two decimals)",
    ),
    "problem.sie_amount_digits": (
        "ett belopp med högst {digits} siffror före punkten",
        "an amount with at most {digits} digits before the point",
    ),
    "problem.sie_date": ("ett datum ÅÅÅÅMMDD, t.ex. 20250430", "a date YYYYMMDD, e.g. 20250430"),
    "problem.sie_date_missing": (
        "ett datum ÅÅÅÅMMDD, t.ex. 20250430, här eller i #VER på rad {line}",
        "a date YYYYMMDD, e.g. 20250430, here or in the #VER on row {line}",
    ),
    "problem.sie_voucher_date_missing": (
        "ett datum ÅÅÅÅMMDD, t.ex. 20250430 efter serie och verifikationsnummer i #VER",
        "a date YYYYMMDD, e.g. 20250430 after the series and voucher number in #VER",
    ),
    "problem.sie_account": (
        "ett kontonummer med bara siffror, t.ex. 5410",
        "an account number of digits only, e.g. 5410",
    ),
    "problem.sie_outside_voucher": ("en #TRANS-rad inom {{ }} efter en #VER", "a #TRANS row inside {{ }} after a #VER"),
    "problem.sie_broken_voucher": (
        "en läsbar #VER på rad {line} för raden",
        "a readable #VER on row {line} for the row",
    ),
    "problem.sie_quote": ('ett " som avslutar texten på samma rad', 'a " that closes the text on the same row'),
    "problem.sie_braces": (
        'en objektlista inom {{ }}, t.ex. {{6 "115"}}',
        'an object list inside {{ }}, e.g. {{6 "115"}}',
    ),
    "problem.sie_object_pairs": (
        'par av dimension och objekt inom {{ }}, t.ex. {{6 "115"}}',
        'pairs of dimension and object inside {{ }}, e.g. {{6 "115"}}',
    ),
    "problem.sie_object_dimension": (
        'ett dimensionsnummer före objektet, t.ex. {{6 "115"}}',
        'a dimension number before the object, e.g. {{6 "115"}}',
    ),
    "problem.sie_not_a_list": ("ett värde, inte en objektlista {{ }}", "a value, not an object list {{ }}"),
    "problem.sie_voucher_fields": (
        "#VER serie vernr verdatum vertext, utan {{ }} på samma rad",
        "#VER serie vernr verdatum vertext, without {{ }} on the same row",
    ),
    "problem.sie_brace_alone": (
        "{{ direkt efter en #VER och }} som avslutar den",
        "{{ right after a #VER and }} that closes it",
    ),
    "problem.sie_rtrans_copy": (
        "samma rad som #RTRANS-raden före (raden räknas som en egen)",
        "the same row as the #RTRANS row before (the row counts as one of its own)",
    ),
    "problem.sie_voucher_open": ("en rad med {{ efter #VER", "a row with {{ after #VER"),
    "problem.sie_voucher_unclosed": (
        "en rad med }} som avslutar #VER före nästa #VER",
        "a row with }} that closes the #VER before the next #VER",
    ),
    "problem.sie_voucher_unclosed_end": (
        "en rad med }} som avslutar #VER (filen tar slut före den)",
        "a row with }} that closes the #VER (the file ends before it)",
    ),
    "problem.sie_no_vouchers": (
        "minst en verifikation (#VER med #TRANS-rader) – filen har ingen",
        "at least one voucher (#VER with #TRANS rows) – the file has none",
    ),
    "problem.sie_bom_not_utf8": (
        "UTF-8 efter filens BOM-märke; filen läses som PC8 (CP437)",
        "UTF-8 after the file's byte order mark; the file is read as PC8 (CP437)",
    ),
    "problem.sie_unknown_format": (
        "#FORMAT PC8; filen läses som PC8 (CP437)",
        "#FORMAT PC8; the file is read as PC8 (CP437)",
    ),
    "problem.sie_format_not_utf8": (
        "text i UTF-8 som #FORMAT säger; filen läses som PC8 (CP437)",
        "text in UTF-8 as #FORMAT says; the file is read as PC8 (CP437)",
    ),
    "problem.sie_looks_utf8": (
        "tecken i PC8 (CP437), men filen ser ut att vara UTF-8; å, ä och ö kan bli fel",
        "characters in PC8 (CP437), but the file looks like UTF-8; å, ä and ö may come out wrong",
    ),
    # an upload (lagesbild.uploads)
    "problem.upload_type": (
        "en fil av typen .csv, .xlsx, .se (SIE), .zip eller projekt.toml",
        "a file of type .csv, .xlsx, .se (SIE), .zip or projekt.toml",
    ),
    "problem.upload_too_large": ("högst {limit} per fil", "at most {limit} per file"),
    "problem.upload_not_xlsx": (
        "en Excel-fil (.xlsx) – innehållet är inte det",
        "an Excel file (.xlsx) – the content is not one",
    ),
    "problem.upload_over_budget": (
        "högst {limit} uppackat sammanlagt i en uppladdning – {origin} gör den större; ladda upp färre filer åt gången",
        "at most {limit} unpacked in all in one upload – {origin} makes it larger; upload fewer files at a time",
    ),
    "problem.upload_not_zip": ("en zip-fil – den kunde inte öppnas", "a zip file – it could not be opened"),
    "problem.upload_subfolder": (
        "en fil överst i zip-filen eller i dess enda mapp – den här ligger i en undermapp och är en kopia; ta "
        "bort undermappen eller packa bara projektmappen",
        "a file at the top of the zip file or in its only folder – this one is in a subfolder and is a copy; "
        "remove the subfolder or pack only the project folder",
    ),
    "problem.upload_hidden": (
        "inga dolda mappar eller filer – de lästes inte (historik och frysta möten laddas aldrig upp)",
        "no hidden folders or files – they were not read (history and frozen meetings are never uploaded)",
    ),
    "problem.upload_places": (
        "filerna överst i zip-filen eller i en enda mapp – den har filer på flera ställen; packa bara en projektmapp",
        "the files at the top of the zip file or in one folder – it has files in several places; pack only "
        "one project folder",
    ),
    "problem.upload_no_files": (
        "minst en exportfil (.csv, .xlsx eller projekt.toml) överst i zip-filen eller i dess enda mapp – den har ingen",
        "at least one export file (.csv, .xlsx or projekt.toml) at the top of the zip file or in its only "
        "folder – it has none",
    ),
    "problem.upload_unknown_file": (
        "en fil som känns igen på namnet (t.ex. utfall.csv) eller på rubrikraden",
        "a file recognised by its name (e.g. utfall.csv) or by its header row",
    ),
    "problem.upload_ambiguous": (
        "en enda fil som ersätter {file} – uppladdningen har {count}: {origins}; ladda upp bara den som ska in",
        "a single file that replaces {file} – the upload has {count}: {origins}; upload only the one that should go in",
    ),
    # cross-file checks (queries/checks)
    "problem.activity_ends_before_start": (
        "ett slutdatum på eller efter start {start}",
        "an end date on or after the start {start}",
    ),
    "problem.cost_outside_period": (
        "ett datum inom projektperioden {start} – {slut}",
        "a date within the project period {start} – {slut}",
    ),
    "problem.cost_year_without_financing": (
        "kostnader bara under år med finansiering – finansiering.csv har inget för år {ar}",
        "costs only in years with financing – finansiering.csv has nothing for {ar}",
    ),
    "problem.cost_year_financing_zero": (
        "kostnader bara under år med finansiering – finansiering.csv summerar till {summa_kr} för år {ar}",
        "costs only in years with financing – finansiering.csv sums to {summa_kr} for {ar}",
    ),
    "problem.count_below_zero": ("ett antal som är 0 eller mer", "a count of 0 or more"),
    "problem.duplicate_id": (
        "ett unikt Id – samma Id finns redan på rad {forsta_rad}",
        "a unique Id – the same Id is already on row {forsta_rad}",
    ),
    "problem.financing_differs_from_budget": (
        "finansieringen för år {ar} summerar till {finansiering_kr} – förväntat samma summa som budgeten ({budget_kr})",
        "the financing for {ar} adds up to {finansiering_kr} – expected the same sum as the budget ({budget_kr})",
    ),
    "problem.gender_split_mismatch": (
        "Kvinnor + Män = Värde ({kvinnor} + {man})",
        "Kvinnor (women) + Män (men) equal to Värde ({kvinnor} + {man})",
    ),
    "problem.indirect_category_not_in_budget": (
        "ett kostnadsslag som finns i budget.csv ({lista}) – annars blir de indirekta kostnaderna fel",
        "a cost category that budget.csv has ({lista}) – otherwise the indirect costs come out wrong",
    ),
    "problem.ledger_no_category_or_account": (
        "ett kostnadsslag eller ett konto – raden har inget av dem",
        "a cost category or an account – the row has neither",
    ),
    "problem.ledger_account_not_covered": (
        "ett konto som täcks av konton.csv (eller av kontoplanen i projekt.toml)",
        "an account that konton.csv covers (or the account plan in projekt.toml)",
    ),
    "problem.ledger_account_category_not_in_budget": (
        "ett konto vars kostnadsslag finns i budget.csv – kontot hör till {kostnadsslag}, som budgeten saknar "
        "(lägg till det i budget.csv eller ange kontot i konton.csv)",
        "an account whose cost category budget.csv has – the account belongs to {kostnadsslag}, which the "
        "budget lacks (add it to budget.csv or give the account in konton.csv)",
    ),
    "problem.ledger_category_not_in_budget": (
        "ett kostnadsslag som finns i budget.csv",
        "a cost category that budget.csv has",
    ),
    "problem.ledger_left_out_object": Plural(
        (
            "{n} rad på andra objekt än {objekt} räknas inte till projektet (summa {summa_kr})",
            "{n} row on objects other than {objekt} is not counted in the project (sum {summa_kr})",
        ),
        (
            "{n} rader på andra objekt än {objekt} räknas inte till projektet (summa {summa_kr})",
            "{n} rows on objects other than {objekt} are not counted in the project (sum {summa_kr})",
        ),
    ),
    "problem.ledger_left_out_account": Plural(
        (
            "{n} rad på konton som inte är kostnadskonton ({konton}) räknas inte – balanskonton, intäkter och "
            "finansiella poster (summa {summa_kr})",
            "{n} row on accounts that are not cost accounts ({konton}) is not counted – balance accounts, "
            "income and financial items (sum {summa_kr})",
        ),
        (
            "{n} rader på konton som inte är kostnadskonton ({konton}) räknas inte – balanskonton, intäkter och "
            "finansiella poster (summa {summa_kr})",
            "{n} rows on accounts that are not cost accounts ({konton}) are not counted – balance accounts, "
            "income and financial items (sum {summa_kr})",
        ),
    ),
    "problem.ledger_left_out_late": Plural(
        (
            "{n} rad daterad efter rapportdatum {rapportdatum} räknas inte förrän rapportdatum flyttas "
            "(summa {summa_kr})",
            "{n} row dated after the report date {rapportdatum} is not counted until the report date is moved "
            "(sum {summa_kr})",
        ),
        (
            "{n} rader daterade efter rapportdatum {rapportdatum} räknas inte förrän rapportdatum flyttas "
            "(summa {summa_kr})",
            "{n} rows dated after the report date {rapportdatum} are not counted until the report date is "
            "moved (sum {summa_kr})",
        ),
    ),
    "problem.percent_out_of_range": ("en procentsats 0–100", "a percentage 0–100"),
    "problem.repeated_ledger_row": (
        "en rad som inte upprepar rad {forsta_rad} (samma Datum, Belopp, Verifikation och Text)",
        "a row that does not repeat row {forsta_rad} (the same Datum, Belopp, Verifikation and Text)",
    ),
    "problem.co_signer_not_financier": ("en finansiär i finansiering.csv", "a financier in finansiering.csv"),
    "problem.counted_from_unknown_type": (
        "en Typ som finns i motesplatser.csv",
        "a Typ that motesplatser.csv has",
    ),
    "problem.unknown_goal": ("ett Id i mal.csv – det finns inte", "an Id in mal.csv – there is none"),
    "problem.unknown_indicator": (
        "ett Id i indikatorer.csv – det finns inte",
        "an Id in indikatorer.csv – there is none",
    ),
    "problem.unknown_activity": (
        "ett Id i aktiviteter.csv – det finns inte",
        "an Id in aktiviteter.csv – there is none",
    ),
    "problem.unknown_financier": (
        "en finansiär i finansiering.csv – det finns inte",
        "a financier in finansiering.csv – there is none",
    ),
    "problem.unknown_person": (
        "en person i personal.csv – den finns inte",
        "a person in personal.csv – there is none",
    ),
    "problem.duplicate_person": (
        "en person en gång – samma person finns redan på rad {forsta_rad}",
        "a person once – the same person is already on row {forsta_rad}",
    ),
    # refused changes (lagesbild.publishing, lagesbild.uploads) and refused access (lagesbild.access)
    "refusal.stale": (
        "Projektet har ändrats sedan ändringen granskades (någon annan har publicerat under tiden) – inget har "
        "skrivits. Granska ändringarna igen och godkänn på nytt.",
        "The project has changed since the change was reviewed (someone else has published meanwhile) – "
        "nothing has been written. Review the changes again and accept anew.",
    ),
    "refusal.bad_name": ("Ogiltigt filnamn: {name}", "Invalid file name: {name}"),
    "refusal.no_period": (
        "Det finns ingen rapportperiod {nummer} som börjar senast rapportdatum – perioderna är {periods}",
        "There is no reporting period {nummer} that begins by the report date – the periods are {periods}",
    ),
    "refusal.frozen": (
        "Mötet {meeting} är redan fryst och kan inte ändras.",
        "The meeting {meeting} is already frozen and cannot be changed.",
    ),
    "refusal.has_errors": (
        "Uppladdningen har fel och kan inte tas emot.",
        "The upload has errors and cannot be accepted.",
    ),
    "refusal.changed": (
        "Filerna har ändrats sedan de granskades – ladda upp dem igen.",
        "The files have changed since they were reviewed – upload them again.",
    ),
    "refusal.no_toml": (
        "projekt.toml saknas – rapportdatum kan inte flyttas.",
        "projekt.toml is missing – the report date cannot be moved.",
    ),
    "refusal.no_report_date": (
        "projekt.toml har ingen rad rapportdatum = … att flytta.",
        "projekt.toml has no line rapportdatum = … to move.",
    ),
    "refusal.report_date_not_moved": (
        "rapportdatum i projekt.toml gick inte att flytta – ändra det i filen.",
        "rapportdatum in projekt.toml could not be moved – change it in the file.",
    ),
    "refusal.role": ("Rollen {role} får inte {capability}.", "The role {role} lacks the right {capability}."),
    "refusal.role_query": ("Rollen {role} får inte hämta {query}.", "The role {role} may not fetch {query}."),
}

_INTERFACE.update(TEXTS)
