-- activities whose end date is before their start date
select
    'varning' as niva,
    'aktiviteter.csv' as fil,
    rad,
    'Slut' as kolumn,
    strftime(slut, '%Y-%m-%d') as varde,
    'ett slutdatum på eller efter start ' || strftime(start, '%Y-%m-%d') as forvantat,
from aktiviteter
where slut < start
order by rad
