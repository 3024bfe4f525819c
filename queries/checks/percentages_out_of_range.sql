-- percentages outside 0–100: an activity's share done and a financier's maximum share
select
    'fel' as niva,
    'aktiviteter.csv' as fil,
    rad,
    'Andel klar' as kolumn,
    andel_klar__text as varde,
    'percent_out_of_range' as kod,
    json_object() as param,
from aktiviteter
where andel_klar < 0 or andel_klar > 100
union all
select
    'fel',
    'finansiering.csv',
    rad,
    'Maxandel',
    maxandel__text,
    'percent_out_of_range' as kod,
    json_object(),
from finansiering
where maxandel < 0 or maxandel > 100
order by fil, rad
