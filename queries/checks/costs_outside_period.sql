-- ledger rows dated outside the project period
select
    'fel' as niva,
    'utfall.csv' as fil,
    rad,
    'Datum' as kolumn,
    strftime(datum, '%Y-%m-%d') as varde,
    'ett datum inom projektperioden ' || strftime($start::date, '%Y-%m-%d') || ' – '
        || strftime($slut::date, '%Y-%m-%d') as forvantat,
from bokforing
where utanfor is null and (datum < $start::date or datum > $slut::date)
order by rad
