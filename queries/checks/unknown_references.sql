-- references to goals, indicators, activities and financiers that do not exist
with
goal_ids as (select distinct id from mal),
references_made as (
    select 'mal.csv' as fil, rad, 'Förälder' as kolumn, foralder as varde, 'unknown_goal' as kod,
        foralder in (select id from goal_ids) as finns,
    from mal where foralder is not null
    union all
    select 'indikatorer.csv', rad, 'Mål', mal, 'unknown_goal', mal in (select id from goal_ids),
    from indikatorer where mal is not null
    union all
    select 'aktiviteter.csv', rad, 'Mål', mal, 'unknown_goal', mal in (select id from goal_ids),
    from aktiviteter where mal is not null
    union all
    select 'indikatorvarden.csv', rad, 'Indikator', indikator, 'unknown_indicator',
        indikator in (select id from indikatorer),
    from indikatorvarden where indikator is not null
    union all
    select 'motesplatser.csv', rad, 'Aktivitet', aktivitet, 'unknown_activity',
        aktivitet in (select id from aktiviteter),
    from motesplatser where aktivitet is not null
    union all
    select 'inbetalningar.csv', rad, 'Finansiär', finansiar, 'unknown_financier',
        finansiar in (select finansiar from finansiering),
    from inbetalningar where finansiar is not null
)
select
    'fel' as niva,
    fil,
    rad,
    kolumn,
    varde,
    kod,
    json_object() as param,
from references_made
where not finns
order by fil, rad
