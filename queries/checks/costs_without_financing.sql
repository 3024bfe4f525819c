-- years that have costs but no financing; the first ledger row of each such year is named
with
years as (
    select year(datum) as ar, min(rad) as forsta_rad,
    from utfall
    where datum is not null
    group by year(datum)
)
select
    'fel' as niva,
    'utfall.csv' as fil,
    forsta_rad as rad,
    'Datum' as kolumn,
    ar::varchar as varde,
    'kostnader bara under år med finansiering – finansiering.csv har inget för år ' || ar as forvantat,
from years
where ar not in (select ar from finansiering where ar is not null)
order by ar
