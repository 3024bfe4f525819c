-- the ledger rows booked up to the report date, newest first, with their cost category
select
    datum,
    verifikation,
    konto,
    kostnadsslag,
    text,
    belopp::double as belopp,
from bokforing
where datum <= $rapportdatum::date and utanfor is null
order by datum desc, rad desc
