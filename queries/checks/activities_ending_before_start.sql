-- activities whose end date is before their start date
select
    'varning' as niva,
    'aktiviteter.csv' as fil,
    rad,
    'Slut' as kolumn,
    strftime(slut, '%Y-%m-%d') as varde,
    'activity_ends_before_start' as kod,
    json_object('start', strftime(start, '%Y-%m-%d')) as param,
from aktiviteter
where slut < start
order by rad
