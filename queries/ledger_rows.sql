-- one page of the ledger rows booked up to the report date, newest first, with their cost category and the count
select
    datum,
    verifikation,
    konto,
    kostnadsslag,
    text,
    belopp::double as belopp,
    count(*) over () as antal_matchande,
from bokforing
where datum <= $rapportdatum::date and utanfor is null
order by datum desc, rad desc
limit $per_sida::bigint
offset ($sida::bigint - 1) * $per_sida::bigint
