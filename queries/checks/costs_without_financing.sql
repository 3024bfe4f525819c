-- years that have costs but no financing (no rows, or rows summing to 0 kr); the first ledger row of each is named
with
financing as (
    select ar, sum(coalesce(belopp, 0)) as finansiering_kr,
    from finansiering
    where ar is not null
    group by ar
),
years as (
    select year(datum) as ar, min(rad) as forsta_rad,
    from bokforing
    where datum is not null and utanfor is null
    group by year(datum)
)
select
    'fel' as niva,
    'utfall.csv' as fil,
    forsta_rad as rad,
    'Datum' as kolumn,
    years.ar::varchar as varde,
    case when financing.ar is null then 'cost_year_without_financing' else 'cost_year_financing_zero' end as kod,
    json_object('ar', years.ar, 'summa_kr', financing.finansiering_kr) as param,
from years
left join financing on financing.ar = years.ar
where coalesce(financing.finansiering_kr, 0) <= 0
order by years.ar
