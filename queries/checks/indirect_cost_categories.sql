-- indirect-cost settings in projekt.toml naming a cost category that budget.csv does not have
with
budget_categories as (
    select distinct kostnadsslag,
    from budget
    where kostnadsslag is not null
),
known as (
    select string_agg(kostnadsslag, ', ' order by kostnadsslag) as lista,
    from budget_categories
),
named as (
    select 'indirekta_kostnader.bas' as kolumn, unnest($bas::varchar[]) as kostnadsslag, 1 as ordning,
    union all
    select 'indirekta_kostnader.kostnadsslag', $indirekt_kostnadsslag::varchar, 2,
)
select
    'fel' as niva,
    'projekt.toml' as fil,
    null::bigint as rad,
    named.kolumn,
    named.kostnadsslag as varde,
    'indirect_category_not_in_budget' as kod,
    json_object('lista', known.lista) as param,
from named, known
where named.kostnadsslag is not null
    and known.lista is not null
    and named.kostnadsslag not in (select kostnadsslag from budget_categories)
order by named.ordning, named.kostnadsslag
