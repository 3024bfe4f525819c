"""Every text of the user interface, in Swedish (default) and English."""

from __future__ import annotations

import numbers
from dataclasses import dataclass

from lagesbild import formatting
from lagesbild.statuses import (
    AT_RISK,
    BEHIND,
    CARRIED_OUT,
    CLOSED,
    DONE,
    IDEA,
    LATE,
    NOT_MEASURED,
    NOT_STARTED,
    ON_TRACK,
    ONGOING,
    OPEN,
    PAUSED,
    PLANNED,
    PROPOSAL,
    REACHED,
    SHUT,
    STRUCK,
)

LANGUAGES = ("sv", "en")


@dataclass(frozen=True)
class Plural:
    """A text that names a count: the form for exactly one and the form for any other number, each (sv, en)."""

    one: tuple[str, str]
    other: tuple[str, str]


TEXTS: dict[str, tuple[str, str] | Plural] = {
    # shared controls
    "app.title": ("Lägesbild", "Lägesbild"),
    "control.project": ("Projekt", "Project"),
    "control.report_date": ("Rapportdatum", "Report date"),
    "control.language": ("Språk", "Language"),
    "control.report_date_help": (
        "Siffrorna visas som de såg ut detta datum. Standard: projektets rapportdatum.",
        "Figures as they stood on this date. Default: the project's report date.",
    ),
    "control.report_date_clamped": (
        "Rapportdatumet {asked} i länken ligger utanför projektperioden {start} – {slut}. Siffrorna visas per {shown}.",
        "The report date {asked} in the link is outside the project period {start} – {slut}. "
        "Figures are shown as of {shown}.",
    ),
    "no_projects": (
        "Hittade inga projekt i {folder}. Varje projekt är en mapp med projekt.toml och CSV-filer.",
        "No projects found in {folder}. Each project is a folder with projekt.toml and CSV files.",
    ),
    "data_errors_banner": Plural(
        (
            "Data har {n} fel – siffrorna bygger bara på de rader som gick att läsa. Se Datakvalitet.",
            "The data has {n} error – figures use only the rows that could be read. See Data quality.",
        ),
        (
            "Data har {n} fel – siffrorna bygger bara på de rader som gick att läsa. Se Datakvalitet.",
            "The data has {n} errors – figures use only the rows that could be read. See Data quality.",
        ),
    ),
    "unusable": (
        "Projektet kan inte visas: projekt.toml saknas eller är felaktig. Se Datakvalitet.",
        "The project cannot be shown: projekt.toml is missing or invalid. See Data quality.",
    ),
    "show_table": ("Visa siffrorna som tabell", "Show the numbers as a table"),
    "period": ("Period", "Period"),
    "owner": ("Projektägare", "Project owner"),
    # pages
    "page.overview": ("Översikt", "Overview"),
    "page.goals": ("Mål och indikatorer", "Goals and indicators"),
    "page.economy": ("Ekonomi", "Finances"),
    "page.activities": ("Aktiviteter", "Activities"),
    "page.influence": ("Påverkansarbete", "Influence work"),
    "page.meetings": ("Mötesplatser och jämställdhet", "Meetings and gender balance"),
    "page.risks": ("Risker och beslut", "Risks and decisions"),
    "page.quality": ("Datakvalitet", "Data quality"),
    "page.not_found": ("Sidan finns inte", "No such page"),
    "page.not_found_text": (
        "Det finns ingen sida med adressen '{address}' – eller så är den inte öppen för dig. "
        "Välj en sida i menyn till vänster.",
        "There is no page at the address '{address}' – or it is not open to you. "
        "Choose a page in the menu on the left.",
    ),
    # overview
    "metric.budget": ("Budget", "Budget"),
    "metric.spent": ("Upparbetat", "Spent"),
    "metric.plan": ("Plan till datum", "Plan to date"),
    "metric.deviation": ("Avvikelse mot plan", "Deviation from plan"),
    "metric.forecast": ("Prognos vid projektslut", "Forecast at project end"),
    "metric.spent_delta": ("{share} av budget", "{share} of budget"),
    "metric.deviation_delta": ("{share} av plan", "{share} of plan"),
    "metric.forecast_delta": ("{amount} mot budget", "{amount} against budget"),
    "metric.forecast_plan": ("Prognos enligt plan", "Forecast by plan"),
    # the command line (python -m lagesbild) and the e-mail it sends
    "cli.deviation": ("Avvikelse", "Deviation"),
    "cli.errors_note": Plural(
        (
            "Obs: data har {n} fel – siffrorna bygger bara på de rader som gick att läsa; kör validate",
            "Note: the data has {n} error – figures use only the rows that could be read; run validate",
        ),
        (
            "Obs: data har {n} fel – siffrorna bygger bara på de rader som gick att läsa; kör validate",
            "Note: the data has {n} errors – figures use only the rows that could be read; run validate",
        ),
    ),
    "cli.not_written": ("Kunde inte skriva {path}: {reason}", "Could not write {path}: {reason}"),
    "cli.written": ("Skrev {path}", "Wrote {path}"),
    "cli.bad_out": (
        "--out ska sluta på .xlsx eller .pdf, inte '{given}'",
        "--out must end in .xlsx or .pdf, not '{given}'",
    ),
    "cli.sent": ("Skickade mötesunderlaget till {to}", "Sent the meeting pack to {to}"),
    "cli.no_folder": ("Mappen {folder} finns inte", "The folder {folder} does not exist"),
    "mail.subject": ("Mötesunderlag {name} {date}", "Meeting pack {name} {date}"),
    "mail.body": (
        "Hej!\n\nBifogat är mötesunderlaget för styrgruppsmötet {date} i {name}, med data per {as_of}.\n\n"
        "Skickat av Lägesbild.\n",
        "Hello,\n\nAttached is the meeting pack for the steering group meeting {date} of {name}, with data as of "
        "{as_of}.\n\nSent by Lägesbild.\n",
    ),
    # why the pack could not be e-mailed (lagesbild.mail.MailError), each saying what to do
    "mail.error.not_text": (
        "{path}: [lagesbild.smtp] {name} ska vara en text, inte {value}",
        "{path}: [lagesbild.smtp] {name} must be a text, not {value}",
    ),
    "mail.error.no_section": (
        "{path}: avsnittet [lagesbild.smtp] saknas – ange server, port och mottagare där",
        "{path}: the section [lagesbild.smtp] is missing – give the server, port and recipients there",
    ),
    "mail.error.no_server": (
        "{path}: [lagesbild.smtp] server saknas – ange SMTP-serverns namn",
        "{path}: [lagesbild.smtp] server is missing – give the name of the SMTP server",
    ),
    "mail.error.bad_port": (
        "{path}: [lagesbild.smtp] port ska vara ett portnummer 1–65535, inte {value}",
        "{path}: [lagesbild.smtp] port must be a port number 1–65535, not {value}",
    ),
    "mail.error.bad_starttls": (
        "{path}: [lagesbild.smtp] starttls ska vara true eller false, inte {value}",
        "{path}: [lagesbild.smtp] starttls must be true or false, not {value}",
    ),
    "mail.error.bad_recipients": (
        '{path}: [lagesbild.smtp] mottagare ska vara en lista med e-postadresser, t.ex. ["styrgrupp@example.se"]',
        '{path}: [lagesbild.smtp] mottagare must be a list of e-mail addresses, e.g. ["styrgrupp@example.se"]',
    ),
    "mail.error.no_password": (
        "{path}: [lagesbild.smtp] losenord saknas för anvandare {user}",
        "{path}: [lagesbild.smtp] losenord is missing for anvandare {user}",
    ),
    "mail.error.no_sender": (
        "{path}: [lagesbild.smtp] avsandare saknas – ange avsändarens e-postadress",
        "{path}: [lagesbild.smtp] avsandare is missing – give the sender's e-mail address",
    ),
    "mail.error.no_file": (
        "{path} finns inte – SMTP-inställningarna ska stå under [lagesbild.smtp] där",
        "{path} does not exist – the SMTP settings belong under [lagesbild.smtp] there",
    ),
    "mail.error.not_toml": (
        "{path} kunde inte läsas som TOML: {detail}",
        "{path} could not be read as TOML: {detail}",
    ),
    "mail.error.login": (
        "E-postservern {where} godtog inte inloggningen för {user} ({code}) – kontrollera anvandare och losenord",
        "The mail server {where} did not accept the login of {user} ({code}) – check anvandare and losenord",
    ),
    "mail.error.no_starttls": (
        "E-postservern {where} erbjuder inte STARTTLS – sätt starttls = false bara om servern finns på samma dator",
        "The mail server {where} does not offer STARTTLS – set starttls = false only if the server is on the same "
        "machine",
    ),
    "mail.error.all_refused": (
        "E-postservern {where} vägrade alla mottagare: {recipients}",
        "The mail server {where} refused every recipient: {recipients}",
    ),
    "mail.error.server_error": (
        "E-postservern {where} svarade med fel {code}: {detail}",
        "The mail server {where} answered with error {code}: {detail}",
    ),
    "mail.error.not_sent": (
        "E-post kunde inte skickas via {where}: {detail}",
        "The e-mail could not be sent through {where}: {detail}",
    ),
    "mail.error.no_connection": (
        "Kunde inte ansluta till e-postservern {where}: {detail}",
        "Could not connect to the mail server {where}: {detail}",
    ),
    "mail.error.some_refused": (
        "E-postservern {where} vägrade mottagarna {recipients}; övriga fick meddelandet",
        "The mail server {where} refused the recipients {recipients}; the others got the message",
    ),
    "mail.errors": Plural(
        (
            "\nObs: data har {n} fel – se Datakvalitet i Lägesbild.\n",
            "\nNote: the data has {n} error – see Data quality in Lägesbild.\n",
        ),
        (
            "\nObs: data har {n} fel – se Datakvalitet i Lägesbild.\n",
            "\nNote: the data has {n} errors – see Data quality in Lägesbild.\n",
        ),
    ),
    "forecast.pace_short": (
        "Upparbetat + återstående projektmånader × snittkostnaden per månad de senaste 6 hela månaderna.",
        "Spent + remaining project months × the mean monthly cost of the last 6 complete months.",
    ),
    "forecast.plan_short": (
        "Om projektet följer sin budgetplan från och med nu: upparbetat + (budget − plan till datum).",
        "If the project follows its budget plan from now on: spent + (budget − plan to date).",
    ),
    "forecast.title": ("Så beräknas prognosen", "How the forecast is computed"),
    "forecast.pace": Plural(
        (
            "Prognos i nuvarande takt: {forecast} = upparbetat {spent} + {months} återstående månader × {pace} "
            "per månad (snittet av {n} hel månad, {first} – {last}).",
            "Forecast at the current pace: {forecast} = spent {spent} + {months} remaining months × {pace} "
            "a month (the mean of {n} complete month, {first} – {last}).",
        ),
        (
            "Prognos i nuvarande takt: {forecast} = upparbetat {spent} + {months} återstående månader × {pace} "
            "per månad (snittet av {n} hela månader, {first} – {last}).",
            "Forecast at the current pace: {forecast} = spent {spent} + {months} remaining months × {pace} "
            "a month (the mean of {n} complete months, {first} – {last}).",
        ),
    ),
    "forecast.plan": (
        "Prognos om budgetplanen följs från och med nu: {forecast} = upparbetat {spent} + budget {budget} "
        "− plan till datum {plan}.",
        "Forecast if the budget plan is followed from now on: {forecast} = spent {spent} + budget {budget} "
        "− plan to date {plan}.",
    ),
    "overview.goals": ("Mål – status per indikator", "Goals – status per indicator"),
    "overview.areas": ("Aktivitetsområden", "Activity areas"),
    "overview.flags": ("Att uppmärksamma", "Needs attention"),
    "overview.no_flags": ("Inget att flagga.", "Nothing to flag."),
    "overview.decisions": ("Öppna beslut", "Open decisions"),
    "overview.no_decisions": ("Inga öppna beslut.", "No open decisions."),
    "overview.since": ("Sedan förra mötet ({date})", "Since the last meeting ({date})"),
    "overview.no_meeting": (
        "Inget styrgruppsmöte före rapportdatum i projekt.toml.",
        "No steering group meeting before the report date in projekt.toml.",
    ),
    # verdict per area and the decisions to make (rules: queries/verdicts.sql, docs/data-format.md)
    "verdict.title": ("Bedömning per område", "Assessment per area"),
    "verdict.level.gron": ("● Grönt · I fas", "● Green · On track"),
    "verdict.level.gul": ("▲ Gult · Bevaka", "▲ Amber · Watch"),
    "verdict.level.rod": ("■ Rött · Åtgärd krävs", "■ Red · Action needed"),
    "verdict.area.ekonomi": ("Ekonomi", "Finances"),
    "verdict.area.mal": ("Mål", "Goals"),
    "verdict.area.aktiviteter": ("Aktiviteter", "Activities"),
    "verdict.area.paverkan": ("Påverkansarbete", "Influence work"),
    "verdict.area.risker": ("Risker", "Risks"),
    "verdict.ekonomi.under": (
        "Upparbetat ligger {share} under plan till datum ({amount}).",
        "Spending is {share} below the plan to date ({amount}).",
    ),
    "verdict.ekonomi.over": (
        "Upparbetat ligger {share} över plan till datum ({amount}).",
        "Spending is {share} above the plan to date ({amount}).",
    ),
    "verdict.ekonomi.no_plan": ("Ingen plan till datum ännu.", "No plan to date yet."),
    "verdict.ekonomi.rules": ("Finansieringsregel bruten: {rules}.", "Financing rule broken: {rules}."),
    "verdict.mal.behind": Plural(
        ("{n} indikator efter: {items}", "{n} indicator behind: {items}"),
        ("{n} indikatorer efter: {items}", "{n} indicators behind: {items}"),
    ),
    "verdict.mal.risk": Plural(
        ("{n} indikator i risk: {items}", "{n} indicator at risk: {items}"),
        ("{n} indikatorer i risk: {items}", "{n} indicators at risk: {items}"),
    ),
    "verdict.more": Plural(
        one=("och {n} till", "and {n} more"),
        other=("och {n} till", "and {n} more"),
    ),
    "verdict.mal.none": ("Inga indikatorer efter eller i risk.", "No indicator behind or at risk."),
    "verdict.aktiviteter": Plural(
        ("{n} aktivitet försenad: {items}", "{n} activity late: {items}"),
        ("{n} aktiviteter försenade: {items}", "{n} activities late: {items}"),
    ),
    "verdict.aktiviteter.none": ("Inga försenade aktiviteter.", "No late activities."),
    "verdict.paverkan": Plural(
        ("{n} insats försenad: {items}", "{n} effort overdue: {items}"),
        ("{n} insatser försenade: {items}", "{n} efforts overdue: {items}"),
    ),
    "verdict.paverkan.none": ("Inga försenade insatser.", "No overdue efforts."),
    "verdict.risker": Plural(
        ("{n} öppen risk med riskvärde 8 eller mer: {items}", "{n} open risk scoring 8 or more: {items}"),
        ("{n} öppna risker med riskvärde 8 eller mer: {items}", "{n} open risks scoring 8 or more: {items}"),
    ),
    "verdict.risker.none": ("Inga öppna risker med riskvärde 8 eller mer.", "No open risk scoring 8 or more."),
    "verdict.days_late": Plural(("{n} dag", "{n} day"), ("{n} dagar", "{n} days")),
    "verdict.score": ("riskvärde {n}", "score {n}"),
    "verdict.open": ("Visa {label}", "Show {label}"),
    "verdict.open_page": ("Visa sidan", "Show the page"),
    "verdict.item": ("post {n}", "item {n}"),
    "decide.title": ("Beslut att fatta", "Decisions to make"),
    "decide.none": (
        "Inga förslag till beslut och inga öppna beslut efter deadline.",
        "No proposed decisions and no open decision past its deadline.",
    ),
    "decide.days_over": ("Dagar efter deadline", "Days past deadline"),
    "filter.showing": ("Visar bara {id}.", "Showing {id} only."),
    "filter.show_all": ("Visa alla", "Show all"),
    "since.costs": ("Bokförda kostnader", "Costs booked"),
    "since.values": ("Nya indikatorvärden", "New indicator values"),
    "since.finished": ("Avslutade aktiviteter", "Activities finished"),
    "since.influence": ("Nya påverkansinsatser", "New influence efforts"),
    "flag.maxandel": (
        "{name}: fördelat {amount} är mer än maxandelen {share} av upparbetat",
        "{name}: allocated {amount} exceeds the maximum share {share} of spending",
    ),
    "flag.tak": (
        "{name}: fördelat {amount} är över taket {cap}",
        "{name}: allocated {amount} exceeds the cap {cap}",
    ),
    "flag.atagande": (
        "{name}: fördelat {amount} är mer än åtagandet {cap}",
        "{name}: allocated {amount} exceeds the commitment {cap}",
    ),
    "flag.activities_late": ("Försenade aktiviteter: {n}", "Late activities: {n}"),
    "flag.influence_late": ("Försenade påverkansinsatser: {n}", "Overdue influence efforts: {n}"),
    "flag.indicators_behind": ("Indikatorer som ligger efter: {n}", "Indicators behind: {n}"),
    "flag.decisions_late": ("Öppna beslut efter deadline: {n}", "Open decisions past their deadline: {n}"),
    # goals
    "goals.tree": ("Målträd", "Goal tree"),
    "goals.indicator": ("Indikator", "Indicator"),
    "goals.target": ("Målvärde", "Target"),
    "goals.women": ("Kvinnor", "Women"),
    "goals.men": ("Män", "Men"),
    "goals.value": ("Värde", "Value"),
    "goals.expected": ("Förväntad utveckling", "Expected path"),
    # economy
    "economy.curve": ("Ackumulerade kostnader mot plan", "Cumulative costs against plan"),
    "economy.curve_actual": ("Upparbetat", "Spent"),
    "economy.curve_plan": ("Plan", "Plan"),
    "economy.curve_forecast": ("Prognos", "Forecast"),
    "economy.categories": ("Budget och utfall per kostnadsslag", "Budget and actuals per cost category"),
    "economy.categories_to_date": (
        "Plan till datum och upparbetat per kostnadsslag",
        "Plan to date and spending per cost category",
    ),
    "economy.categories_year": ("Per kostnadsslag och år", "Per cost category and year"),
    "economy.indirect_note": (
        "Indirekta kostnader beräknas som {pct} av {base} varje månad.",
        "Indirect costs are computed as {pct} of {base} each month.",
    ),
    "economy.financiers": ("Finansiärer", "Financiers"),
    "economy.financier_rules": ("Finansieringsregler", "Financing rules"),
    "economy.rules_ok": ("Inga regler överskrids.", "No rule is exceeded."),
    "economy.ledger": ("Visa verifikationer (huvudbok)", "Show ledger rows"),
    # activities
    "activities.timeline": ("Tidslinje per område", "Timeline per area"),
    "activities.filter_area": ("Område", "Area"),
    "activities.filter_status": ("Status", "Status"),
    "activities.filter_owner": ("Ansvarig", "Owner"),
    "activities.none": ("Inga aktiviteter matchar filtret.", "No activities match the filter."),
    "activities.all": ("Alla", "All"),
    "activities.showing": (
        "Visar {n} av {m} aktiviteter i tidslinjen. Välj område, status eller ansvarig ovan för att se färre.",
        "Showing {n} of {m} activities in the timeline. Choose an area, status or owner above to see fewer.",
    ),
    "table.page": ("Sida", "Page"),
    "table.rows": ("Rad {first}–{last} av {m}", "Rows {first}–{last} of {m}"),
    # influence
    "influence.pipeline": ("Insatser per status", "Efforts per status"),
    "influence.by_level": ("Per nivå och kanal", "Per level and channel"),
    "influence.overdue": ("Försenade insatser", "Overdue efforts"),
    "influence.outcomes": ("Resultat", "Outcomes"),
    "influence.cosigners": ("Medundertecknande finansiärer", "Co-signing financiers"),
    "influence.none": ("Inga.", "None."),
    "influence.every_column": ("Alla kolumner", "Every column"),
    # meetings
    "meetings.versus_indicators": (
        "Här räknas varje mötesplats till och med rapportdatum {date}. Indikatorerna på sidan Mål visar de värden "
        "som rapporterats per mätdatum (senast {reported}), så en indikator för deltagare kan visa en lägre siffra.",
        "Every meeting place up to the report date {date} is counted here. The indicators on the Goals page show "
        "the values reported per measurement date (last {reported}), so an indicator of participants may show less.",
    ),
    "meetings.over_time": ("Mötesplatser per månad", "Meeting places per month"),
    "meetings.list": ("Varje mötesplats", "Every meeting place"),
    "meetings.by_type": ("Deltagare per typ", "Attendance per type"),
    "meetings.share": ("Andel kvinnor", "Share of women"),
    "meetings.band": ("Jämn fördelning 40–60 %", "Even distribution 40–60%"),
    "meetings.count": ("Mötesplatser", "Meeting places"),
    "meetings.women": ("Kvinnor", "Women"),
    "meetings.men": ("Män", "Men"),
    # risks
    "risks.matrix": ("Riskmatris", "Risk matrix"),
    "risks.likelihood": ("Sannolikhet", "Likelihood"),
    "risks.impact": ("Konsekvens", "Impact"),
    "risks.list": ("Risker", "Risks"),
    "risks.decisions": ("Öppna beslut", "Open decisions"),
    # quality
    "quality.ok": (
        "Inga fel eller varningar. Data är redo för mötet.",
        "No errors or warnings. The data is ready for the meeting.",
    ),
    "quality.summary": ("{errors} och {warnings}.", "{errors} and {warnings}."),
    "quality.errors": ("Fel", "Errors"),
    "quality.warnings": ("Varningar", "Warnings"),
    "quality.notes": ("Noteringar – det som inte räknas", "Notes – what is not counted"),
    "quality.notes_help": (
        "Rader i huvudboken som inte är projektets kostnader, med antal och summa att stämma av mot ekonomisystemet.",
        "Ledger rows that are not the project's costs, with count and sum to reconcile against the finance system.",
    ),
    # portfolio and members
    "page.portfolio": ("Portfölj", "Portfolio"),
    "page.members": ("Medlemmar", "Members"),
    "portfolio.none": ("Inga projekt att visa.", "No projects to show."),
    "portfolio.overdue": ("Försenade poster", "Overdue items"),
    "portfolio.latest": ("Senaste data", "Latest data"),
    "portfolio.open_help": ("Välj en rad för att öppna projektet.", "Select a row to open the project."),
    "status.achieved": ("Uppnått", "Achieved"),
    "status.on_track": ("I fas", "On track"),
    "status.risk": ("Risk", "At risk"),
    "status.behind": ("Efter", "Behind"),
    "members.count": ("Medlemmar", "Members"),
    "members.new": ("Nya medlemmar i år", "New members this year"),
    "members.new_target": ("Mål: minst en ny medlem – {status}", "Target: at least one new member – {status}"),
    "members.met": ("uppnått", "met"),
    "members.not_met": ("inte uppnått", "not met"),
    "members.unpaid": ("Obetalda avgifter", "Unpaid fees"),
    "members.fees_by_county": ("Avgifter och inbetalt per län (kr)", "Fees and payments per county (SEK)"),
    "members.list": ("Medlemmar, avgifter och deltagande", "Members, fees and participation"),
    "col.member": ("Medlem", "Member"),
    "col.county": ("Län", "County"),
    "col.fee": ("Avgift", "Fee"),
    "col.invoiced": ("Fakturerat", "Invoiced"),
    "col.unpaid": ("Obetalt", "Unpaid"),
    "col.meetings": ("Möten", "Meetings"),
    "col.new": ("Ny", "New"),
    # access
    "access.local": (
        "Lokalt läge: ingen inloggning är inställd, så alla som når den här datorn är redaktör.",
        "Local mode: no login is configured, so anyone who can reach this computer is an editor.",
    ),
    "access.role": ("Roll: {role}", "Role: {role}"),
    "access.login": ("Logga in med organisationskonto", "Log in with your organisation account"),
    "access.logout": ("Logga ut", "Log out"),
    "access.need_login": (
        "Lägesbild kräver inloggning med organisationskonto eller en delad länk.",
        "Lägesbild requires an organisation login or a shared link.",
    ),
    "access.denied": (
        "Ditt konto har ingen roll i Lägesbild. Be projektledaren lägga till dig.",
        "Your account has no role in Lägesbild. Ask the project leader to add you.",
    ),
    "access.bad_ticket": (
        "Länken har gått ut för den här webbläsaren. Öppna den delade länken igen.",
        "The link has expired in this browser. Open the shared link again.",
    ),
    "access.bad_link": (
        "Länken är ogiltig eller har gått ut. Be projektledaren om en ny länk.",
        "The link is invalid or has expired. Ask the project leader for a new link.",
    ),
    "role.redaktor": ("redaktör", "editor"),
    "role.styrgrupp": ("styrgrupp", "steering group"),
    "role.referensgrupp": ("referensgrupp (endast summor)", "reference group (aggregates only)"),
    # since last meeting
    "page.since": ("Sedan förra mötet", "Since the last meeting"),
    "since.frozen": (
        "Jämfört med bilden som frystes inför mötet {date}.",
        "Compared with the picture frozen for the meeting on {date}.",
    ),
    "since.by_date": (
        "Inget fryst underlag för mötet {date} – visar det som är daterat efter mötet.",
        "No frozen picture for the meeting on {date} – showing what is dated after it.",
    ),
    "since.claimed": ("Rekvirerat sedan mötet", "Claimed since the meeting"),
    "since.paid": ("Inbetalt sedan mötet", "Paid since the meeting"),
    "since.activities_added": ("Nya aktiviteter", "New activities"),
    "since.activity_changes": ("Ändrad status på aktiviteter", "Activity status changes"),
    "since.efforts_added": ("Nya påverkansinsatser", "New influence efforts"),
    "since.effort_changes": (
        "Ändrad status eller resultat för påverkansinsatser",
        "Influence effort status or outcome changes",
    ),
    "since.decisions_opened": ("Nya beslut", "New decisions"),
    "since.decisions_closed": ("Beslut som stängts", "Decisions closed"),
    "since.nothing": ("Inga.", "None."),
    # upload, freeze, history
    "page.upload": ("Uppdatera data", "Update data"),
    "page.history": ("Historik", "History"),
    "upload.intro": (
        "Släpp nya exporter här: CSV- eller Excel-filer, eller en zip med hela projektmappen. "
        "Inget ändras förrän du har granskat och godkänt.",
        "Drop new exports here: CSV or Excel files, or a zip of the whole project folder. "
        "Nothing changes until you have reviewed and accepted.",
    ),
    "upload.files": ("Filer", "Files"),
    "uploader.button": ("Ladda upp", "Upload"),
    "uploader.limit": ("Högst {mb} MB per fil • {kinds}", "{mb}MB per file • {kinds}"),
    "uploader.drop": ("Släpp filerna här", "Drag and drop files here"),
    "upload.recognised": ("Igenkända filer", "Recognised files"),
    "upload.uploaded": ("Uppladdad fil", "Uploaded file"),
    "upload.replaces": ("Ersätter", "Replaces"),
    "upload.changes": ("Vad som ändras", "What changes"),
    "upload.totals": ("Summor före och efter", "Totals before and after"),
    "upload.before": ("Före", "Before"),
    "upload.after": ("Efter", "After"),
    "upload.measure": ("Mått", "Measure"),
    "upload.rows_before": ("Rader före", "Rows before"),
    "upload.rows_after": ("Rader efter", "Rows after"),
    "upload.added": ("Tillagda", "Added"),
    "upload.removed": ("Borttagna", "Removed"),
    "upload.changed": ("Ändrade", "Changed"),
    "upload.has_errors": Plural(
        (
            "Filerna har {n} fel och kan inte tas emot. Rätta dem i källan och ladda upp igen – "
            "projektet är oförändrat.",
            "The files have {n} error and cannot be accepted. Correct it at the source and upload "
            "again – the project is unchanged.",
        ),
        (
            "Filerna har {n} fel och kan inte tas emot. Rätta dem i källan och ladda upp igen – "
            "projektet är oförändrat.",
            "The files have {n} errors and cannot be accepted. Correct them at the source and upload "
            "again – the project is unchanged.",
        ),
    ),
    "upload.ok": ("Inga fel. Granska ändringarna och godkänn.", "No errors. Review the changes and accept."),
    "upload.accept": ("Godkänn och publicera", "Accept and publish"),
    "upload.accepted": (
        "Publicerat. Tidigare filer finns kvar i historiken ({version}).",
        "Published. The previous files are kept in the history ({version}).",
    ),
    "upload.project": ("Projekt: {name}", "Project: {name}"),
    "upload.file_changes": (
        "{file}: {added} tillagda, {removed} borttagna, {changed} ändrade rader",
        "{file}: {added} added, {removed} removed, {changed} changed rows",
    ),
    "upload.shown_rows": ("Visar {n} av {m} rader.", "Showing {n} of {m} rows."),
    "upload.row_change": ("Ändring", "Change"),
    "upload.row.tillagd": ("tillagd", "added"),
    "upload.row.borttagen": ("borttagen", "removed"),
    "upload.row.fore": ("ändrad – före", "changed – before"),
    "upload.row.efter": ("ändrad – efter", "changed – after"),
    "upload.late": Plural(
        (
            "{n} rad i utfall.csv är daterad {latest}, efter rapportdatum {date}, och räknas inte i siffrorna "
            "förrän rapportdatum flyttas.",
            "{n} row of utfall.csv is dated {latest}, after the report date {date}, and does not count in the "
            "figures until the report date is moved.",
        ),
        (
            "{n} rader i utfall.csv är daterade efter rapportdatum {date} (den senaste {latest}) och räknas inte "
            "i siffrorna förrän rapportdatum flyttas.",
            "{n} rows of utfall.csv are dated after the report date {date} (the latest {latest}) and do not count "
            "in the figures until the report date is moved.",
        ),
    ),
    "upload.move_date": (
        "Flytta rapportdatum i projekt.toml till {date}",
        "Move the report date in projekt.toml to {date}",
    ),
    "upload.date_moved": (
        "Rapportdatum är nu {date}. Ändringen finns i historiken ({version}).",
        "The report date is now {date}. The change is kept in the history ({version}).",
    ),
    "freeze.confirm": (
        "Ja, frys underlaget för mötet {date} – det kan inte ändras efteråt",
        "Yes, freeze the picture for the meeting on {date} – it cannot be changed afterwards",
    ),
    "freeze.title": ("Frys inför styrgruppsmöte", "Freeze for a steering group meeting"),
    "freeze.help": (
        "Sparar hela projektet som det ser ut nu. Det frysta underlaget kan inte ändras och används "
        "för ”Sedan förra mötet”.",
        "Saves the whole project as it is now. The frozen picture cannot be changed and is used for "
        "”Since the last meeting”.",
    ),
    "freeze.meeting": ("Möte", "Meeting"),
    "freeze.button": ("Frys inför styrgruppsmöte {date}", "Freeze for the steering group meeting {date}"),
    "freeze.done": ("Underlaget för mötet {date} är fryst.", "The picture for the meeting {date} is frozen."),
    "freeze.none_left": (
        "Alla kommande möten i projekt.toml är redan frysta.",
        "Every coming meeting in projekt.toml is already frozen.",
    ),
    "freeze.frozen": ("Frysta möten", "Frozen meetings"),
    "history.versions": ("Ändringar", "Changes"),
    "history.none": ("Inga ändringar ännu.", "No changes yet."),
    "history.time": ("Tid", "Time"),
    "history.who": ("Vem", "Who"),
    "history.why": ("Orsak", "Reason"),
    "history.files": ("Filer", "Files"),
    "history.restore_choice": ("Ändring att ångra", "Change to undo"),
    "history.restore": ("Återställ filerna som ändringen ersatte", "Restore the files this change replaced"),
    "history.restored": ("Återställt. Även återställningen kan ångras.", "Restored. The restore can be undone too."),
    "history.label": ("{time} – {files}, av {who}", "{time} – {files}, by {who}"),
    "history.confirm": (
        "Ja, återställ filerna som denna ändring ersatte: {version}",
        "Yes, restore the files this change replaced: {version}",
    ),
    "pack.title": ("Mötesunderlag", "Meeting pack"),
    "pack.pdf": ("Ladda ner mötesunderlag (PDF)", "Download the meeting pack (PDF)"),
    "pack.excel": ("Ladda ner alla tabeller (Excel)", "Download every table (Excel)"),
    # the financial report of a reporting period (Tillväxtverket's ansökan om utbetalning)
    "page.claim": ("Ekonomisk rapport", "Financial report"),
    "claim.title": ("Ekonomisk rapport – ansökan om utbetalning", "Financial report – payment claim"),
    "claim.period": ("Rapportperiod", "Reporting period"),
    "claim.period_option": ("{n}: {start} – {slut}", "{n}: {start} – {slut}"),
    "claim.counted": ("Bokföringen räknas {start} – {till}.", "The ledger is counted {start} – {till}."),
    "claim.no_periods": (
        "Ingen rapportperiod har börjat före rapportdatum.",
        "No reporting period has begun by the report date.",
    ),
    "claim.costs": ("Redovisade kostnader per kostnadsslag", "Reported costs per cost category"),
    "claim.financing": ("Finansiering och underlag för rekvisition", "Financing and claim basis"),
    "claim.basis_note": (
        "Underlag för rekvisition = fördelat t.o.m. periodens slut, högst maxandelen av upparbetat och taket, "
        "minus det som rekvirerats t.o.m. periodens slut.",
        "Claim basis = allocated to the period's end, at most the maximum share of spending and the cap, "
        "less what was claimed to the period's end.",
    ),
    "claim.income": ("Projektintäkter", "Project income"),
    "claim.no_income": (
        "Projektet redovisar inga intäkter under perioden.",
        "The project reports no income in the period.",
    ),
    "claim.cofinancing": ("Inbetald medfinansiering", "Co-financing paid in"),
    "claim.project": ("Projektuppgifter", "Project details"),
    "claim.pdf": ("Ladda ner ekonomisk rapport (PDF)", "Download the financial report (PDF)"),
    "claim.excel": ("Ladda ner ekonomisk rapport (Excel)", "Download the financial report (Excel)"),
    "claim.staff": ("Personal", "Staff"),
    "claim.staff_note": (
        "Personalkostnad = månadslön × 12 × (1 + lönebikostnader) / 1 720 timmar × rapporterade timmar.",
        "Staff cost = monthly salary × 12 × (1 + on-costs) / 1,720 hours × reported hours.",
    ),
    "claim.staff_hidden": (
        "Löner och timmar per person visas inte för din roll.",
        "Salaries and hours per person are not shown for your role.",
    ),
    "claim.no_staff": ("Projektet har ingen personal.csv.", "The project has no personal.csv."),
    "claim.hours": ("Timmar per person och månad", "Hours per person and month"),
    "claim.against_ledger": (
        "Personalkostnad enligt timmar mot bokfört per månad",
        "Staff cost from hours against the ledger per month",
    ),
    "claim.from_hours": ("Personalkostnad enligt timmar", "Staff cost from hours"),
    "claim.booked": ("Egen personal i bokföringen", "Own staff in the ledger"),
    "claim.difference": ("Skillnad, bokfört − timmar", "Difference, booked − hours"),
    "claim.binding.maxandel": ("Maxandel", "Maximum share"),
    "claim.binding.tak": ("Tak", "Cap"),
    "col.this_period": ("Denna period", "This period"),
    "col.cumulative": ("Ackumulerat", "Cumulative"),
    "col.allocated_cum": ("Fördelat ackumulerat", "Allocated, cumulative"),
    "col.claimed_cum": ("Rekvirerat t.o.m. perioden", "Claimed to the period's end"),
    "col.paid_cum": ("Inbetalt t.o.m. perioden", "Paid to the period's end"),
    "col.max_share_kr": ("Maxandel i kronor", "Maximum share in kronor"),
    "col.basis": ("Underlag för rekvisition", "Claim basis"),
    "col.binding": ("Begränsning", "Binding limit"),
    "col.person": ("Person", "Person"),
    "col.role": ("Roll", "Role"),
    "col.planned_share": ("Planerad sysselsättningsgrad", "Planned share of full time"),
    "col.salary": ("Månadslön", "Monthly salary"),
    "col.on_costs": ("Lönebikostnader", "Salary on-costs"),
    "col.hourly": ("Timkostnad", "Hourly cost"),
    "col.planned_hours": ("Planerade timmar", "Planned hours"),
    "col.hours": ("Rapporterade timmar", "Reported hours"),
    "col.staff_cost": ("Personalkostnad", "Staff cost"),
    "col.difference": ("Skillnad", "Difference"),
    # column headers
    "col.status": ("Status", "Status"),
    "col.count": ("Antal", "Count"),
    "col.id": ("Id", "Id"),
    "col.name": ("Namn", "Name"),
    "col.goal": ("Mål", "Goal"),
    "col.unit": ("Enhet", "Unit"),
    "col.baseline": ("Utgångsvärde", "Baseline"),
    "col.target": ("Målvärde", "Target"),
    "col.target_date": ("Måldatum", "Target date"),
    "col.latest": ("Senaste värde", "Latest value"),
    "col.latest_date": ("Mätt", "Measured"),
    "col.progress": ("Måluppfyllelse", "Progress"),
    "col.expected": ("Förväntat", "Expected"),
    "col.category": ("Kostnadsslag", "Cost category"),
    "col.year": ("År", "Year"),
    "col.budget": ("Budget", "Budget"),
    "col.spent": ("Upparbetat", "Spent"),
    "col.left": ("Kvar", "Remaining"),
    "col.share": ("Andel", "Share"),
    "col.month": ("Månad", "Month"),
    "col.plan": ("Plan", "Plan"),
    "col.plan_cum": ("Plan ackumulerat", "Plan cumulative"),
    "col.spent_cum": ("Upparbetat ackumulerat", "Spent cumulative"),
    "col.forecast_cum": ("Prognos ackumulerat", "Forecast cumulative"),
    "col.financier": ("Finansiär", "Financier"),
    "col.commitment": ("Åtagande", "Commitment"),
    "col.allocated": ("Fördelat", "Allocated"),
    "col.claimed": ("Rekvirerat", "Claimed"),
    "col.paid": ("Inbetalt", "Paid"),
    "col.to_claim": ("Att rekvirera", "To claim"),
    "col.flags": ("Flaggor", "Flags"),
    "col.plan_to_date": ("Plan till datum", "Plan to date"),
    "col.deviation": ("Avvikelse", "Deviation"),
    "col.area": ("Område", "Area"),
    "col.activity": ("Aktivitet", "Activity"),
    "col.owner": ("Ansvarig", "Owner"),
    "col.start": ("Start", "Start"),
    "col.end": ("Slut", "End"),
    "col.done": ("Andel klar", "Done"),
    "col.comment": ("Kommentar", "Comment"),
    "col.issue": ("Fråga", "Issue"),
    "col.recipient": ("Mottagare", "Recipient"),
    "col.level": ("Nivå", "Level"),
    "col.channel": ("Kanal", "Channel"),
    "col.date": ("Datum", "Date"),
    "col.deadline": ("Sista svarsdag", "Deadline"),
    "col.days_left": ("Dagar kvar", "Days left"),
    "col.outcome": ("Resultat", "Outcome"),
    "col.next_step": ("Nästa steg", "Next step"),
    "col.cosigners": ("Medundertecknare", "Co-signers"),
    "col.title": ("Rubrik", "Title"),
    "col.type": ("Typ", "Type"),
    "col.format": ("Format", "Format"),
    "col.women": ("Kvinnor", "Women"),
    "col.men": ("Män", "Men"),
    "col.women_share": ("Andel kvinnor", "Share of women"),
    "col.risk": ("Risk", "Risk"),
    "col.likelihood": ("Sannolikhet", "Likelihood"),
    "col.impact": ("Konsekvens", "Impact"),
    "col.score": ("Riskvärde", "Score"),
    "col.mitigation": ("Åtgärd", "Mitigation"),
    "col.decision": ("Beslut", "Decision"),
    "col.decision_deadline": ("Deadline", "Deadline"),
    "col.overdue": ("Försenad", "Overdue"),
    "col.level_problem": ("Nivå", "Level"),
    "col.file": ("Fil", "File"),
    "col.note": ("Notering", "Note"),
    "col.row": ("Rad", "Row"),
    "col.column": ("Kolumn", "Column"),
    "col.value": ("Värde", "Value"),
    "col.expected_value": ("Förväntat", "Expected"),
    "col.voucher": ("Verifikation", "Voucher"),
    "col.text": ("Text", "Text"),
    "col.amount": ("Belopp", "Amount"),
    "col.account": ("Konto", "Account"),
    "yes": ("Ja", "Yes"),
    "no": ("Nej", "No"),
    # meeting pack (PDF)
    "title": ("Underlag till styrgruppsmöte", "Steering group meeting pack"),
    "meeting_date": ("Mötesdatum", "Meeting date"),
    "page": ("Sida {n} av {total}", "Page {n} of {total}"),
    "data_as_of": ("Data per {date}", "Data as of {date}"),
    "section.summary": ("Sammanfattning", "Summary"),
    "section.general": ("1 Övergripande uppgifter", "1 General information"),
    "section.organisation": ("2 Arbetssätt och organisation", "2 Working methods and organisation"),
    "section.activities": ("3 Aktiviteter", "3 Activities"),
    "section.results": ("4 Projektets resultat", "4 Project results"),
    "section.economy": ("Ekonomi", "Finances"),
    "section.since": ("Sedan förra mötet", "Since the last meeting"),
    "section.decisions": ("Öppna beslut", "Open decisions"),
    "key_figures": ("Nyckeltal", "Key figures"),
    "comment": ("Kommentar", "Comment"),
    "indirect": ("Indirekta kostnader", "Indirect costs"),
    "indicators_line": ("Indikatorer per status: {counts}.", "Indicators per status: {counts}."),
    "activities_line": ("Aktiviteter per status: {counts}.", "Activities per status: {counts}."),
    "quality": (
        "Datakvalitet: {errors} och {warnings} i underlaget.",
        "Data quality: {errors} and {warnings} in the data.",
    ),
    "count.errors": Plural(("{n} fel", "{n} error"), ("{n} fel", "{n} errors")),
    "count.warnings": Plural(("{n} varning", "{n} warning"), ("{n} varningar", "{n} warnings")),
    "project": ("Projekt", "Project"),
    "short_name": ("Kortnamn", "Short name"),
    "currency": ("Valuta", "Currency"),
    "share_of_financing": ("Andel av finansieringen", "Share of financing"),
    "total": ("Totalt", "Total"),
    "table.no_rows": ("Inga rader.", "No rows."),
    "steering": ("Styrgruppsmöten", "Steering group meetings"),
    "meeting_state.held": ("Genomfört", "Held"),
    "meeting_state.this_meeting": ("Detta möte", "This meeting"),
    "meeting_state.planned": ("Planerat", "Planned"),
    "decisions_taken": ("Beslut fattade", "Decisions taken"),
    "no_meetings": ("Inga styrgruppsmöten i projekt.toml.", "No steering group meetings in projekt.toml."),
    "no_risks": ("Inga risker i risker.csv.", "No risks in risker.csv."),
    "activities_by_area": ("Aktiviteter per område", "Activities per area"),
    "activities_chart": ("Aktiviteter per område och status", "Activities per area and status"),
    "no_activities": ("Inga aktiviteter.", "No activities."),
    "influence_line": Plural(
        ("{n} insats: {counts}. Försenade: {late}.", "{n} effort: {counts}. Overdue: {late}."),
        ("{n} insatser: {counts}. Försenade: {late}.", "{n} efforts: {counts}. Overdue: {late}."),
    ),
    "upcoming": ("Kommande {days} dagar (datum eller sista svarsdag)", "Next {days} days (date or answer deadline)"),
    "indicators": ("Indikatorer", "Indicators"),
    "indicator_chart": ("Indikatorer per status", "Indicators per status"),
    "no_indicators": ("Inga indikatorer.", "No indicators."),
    "meetings_line": Plural(
        (
            "{n} mötesplats till och med {date} med {women} kvinnor och {men} män. Andel kvinnor {share}{even}.",
            "{n} meeting place up to {date} with {women} women and {men} men. Share of women {share}{even}.",
        ),
        (
            "{n} mötesplatser till och med {date} med {women} kvinnor och {men} män. Andel kvinnor {share}{even}.",
            "{n} meeting places up to {date} with {women} women and {men} men. Share of women {share}{even}.",
        ),
    ),
    "even": (" – jämn fördelning (40–60 %)", " – an even distribution (40–60%)"),
    "uneven": (" – utanför jämn fördelning (40–60 %)", " – outside an even distribution (40–60%)"),
    "no_meeting_places": ("Inga mötesplatser till och med rapportdatum.", "No meeting places up to the report date."),
    "share_chart": ("Andel kvinnor per mötestyp", "Share of women per meeting type"),
    "inside_band": ("Inom 40–60 %", "Within 40–60%"),
    "outside_band": ("Utanför 40–60 %", "Outside 40–60%"),
    "report_date_line": ("Rapportdatum", "Report date"),
    "since_intro": (
        "Förändringar från styrgruppsmötet {since} till rapportdatum {date}.",
        "Changes from the steering group meeting {since} to the report date {date}.",
    ),
    "none": ("Inga.", "None."),
    "flags_heading": ("Att uppmärksamma", "Needs attention"),
    # table downloads (Excel and CSV)
    "sheet.overview": ("Översikt nyckeltal", "Key figures"),
    "sheet.categories": ("Kostnadsslag", "Cost categories"),
    "sheet.categories_year": ("Kostnadsslag per år", "Cost categories per year"),
    "sheet.months": ("Månader", "Months"),
    "sheet.financiers": ("Finansiärer", "Financiers"),
    "sheet.indicators": ("Indikatorer", "Indicators"),
    "sheet.activities": ("Aktiviteter", "Activities"),
    "sheet.influence": ("Påverkansarbete", "Influence work"),
    "sheet.meetings": ("Mötesplatser", "Meeting places"),
    "sheet.risks": ("Risker", "Risks"),
    "sheet.decisions": ("Beslut", "Decisions"),
    "col.key_figure": ("Nyckeltal", "Key figure"),
    "col.other": ("Annat", "Other"),
    "col.file_status": ("Status i filen", "Status in the file"),
    "col.computed": ("Beräknat (indirekta kostnader)", "Computed (indirect costs)"),
    "col.share_of_spent": ("Andel av upparbetat", "Share of spending"),
    "col.max_share": ("Maxandel", "Maximum share"),
    "col.cap": ("Tak", "Cap"),
    "col.priority": ("Prioritet", "Priority"),
    "col.link": ("Länk", "Link"),
    "col.reference": ("Diarienummer", "Reference"),
    "col.goal_text": ("Måltext", "Goal text"),
    "kf.report_date": ("Rapportdatum", "Report date"),
    "kf.indirect": ("Indirekta kostnader", "Indirect costs"),
    "kf.indicators": ("Indikatorer – {status}", "Indicators – {status}"),
    "kf.activities": ("Aktiviteter – {status}", "Activities – {status}"),
    "kf.influence_late": ("Försenade påverkansinsatser", "Overdue influence efforts"),
    "kf.meetings": ("Mötesplatser", "Meeting places"),
    "kf.women": ("Deltagare kvinnor", "Participants women"),
    "kf.men": ("Deltagare män", "Participants men"),
    "kf.women_share": ("Andel kvinnor", "Share of women"),
    "flag_short.maxandel": ("Maxandel överskriden", "Maximum share exceeded"),
    "flag_short.tak": ("Tak överskridet", "Cap exceeded"),
    "flag_short.atagande": ("Åtagande överskridet", "Commitment exceeded"),
}

# Status values come from the data in Swedish; the English view translates them.
STATUS_EN = {
    REACHED: "Achieved",
    ON_TRACK: "On track",
    AT_RISK: "At risk",
    BEHIND: "Behind",
    NOT_MEASURED: "Not measured",
    NOT_STARTED: "Not started",
    ONGOING: "In progress",
    DONE: "Done",
    PAUSED: "Paused",
    STRUCK: "Cancelled",
    LATE: "Late",
    IDEA: "Idea",
    PLANNED: "Planned",
    CARRIED_OUT: "Carried out",
    CLOSED: "Concluded",
    OPEN: "Open",
    SHUT: "Closed",
    PROPOSAL: "Proposed",
    "Ej bedömt": "Not assessed",
    "Inget genomslag": "No impact",
    "Delvis genomslag": "Partial impact",
    "Genomslag": "Impact",
}


def t(key: str, lang: str = "sv", n: object = None, **values) -> str:
    """The text for key in lang, with {placeholders} filled in.

    n is the count a text names: a Plural entry takes its form for one or for other numbers from it, and a
    number n is written as lang writes numbers (1 800, 1,800).
    """
    entry = TEXTS[key]
    if isinstance(entry, Plural):
        if not isinstance(n, numbers.Real):
            raise TypeError(f"{key} names a count: t({key!r}, lang, n=<number>)")
        entry = entry.one if n == 1 else entry.other
    if n is not None:
        with formatting.language(lang):
            values["n"] = formatting.number(n) if isinstance(n, numbers.Real) else n
    sv, en = entry
    text = en if lang == "en" else sv
    return text.format(**values) if values else text


def status(value: str, lang: str = "sv") -> str:
    """A status value from the data, in lang."""
    return STATUS_EN.get(value, value) if lang == "en" else value


from lagesbild import problem_texts  # noqa: E402, F401 – adds the texts of problems and refusals to TEXTS
