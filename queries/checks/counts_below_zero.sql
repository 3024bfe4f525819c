-- attendance and participant counts below zero, which would lower every total they are part of
with
counts as (
    select 'motesplatser.csv' as fil, rad, 'Kvinnor' as kolumn, kvinnor__text as varde, kvinnor as antal,
    from motesplatser
    union all select 'motesplatser.csv', rad, 'Män', man__text, man, from motesplatser
    union all select 'motesplatser.csv', rad, 'Annat', annat__text, annat, from motesplatser
    union all select 'motesplatser.csv', rad, 'Organisationer', organisationer__text, organisationer,
    from motesplatser
    union all select 'indikatorvarden.csv', rad, 'Kvinnor', kvinnor__text, kvinnor, from indikatorvarden
    union all select 'indikatorvarden.csv', rad, 'Män', man__text, man, from indikatorvarden
)
select
    'fel' as niva,
    fil,
    rad,
    kolumn,
    varde,
    'count_below_zero' as kod,
    json_object() as param,
from counts
where antal < 0
order by fil, rad, kolumn
