-- ledger rows dated outside the project period
select
    'fel' as niva,
    'utfall.csv' as fil,
    rad,
    'Datum' as kolumn,
    strftime(datum, '%Y-%m-%d') as varde,
    'cost_outside_period' as kod,
    json_object('start', strftime($start::date, '%Y-%m-%d'), 'slut', strftime($slut::date, '%Y-%m-%d')) as param,
from bokforing
where utanfor is null and (datum < $start::date or datum > $slut::date)
order by rad
