-- number of indicators of each status, in the order of the status scale, the statuses no indicator has left out
with
scale as (
    select * from (values
        (1, 'Uppnått'), (2, 'I fas'), (3, 'Risk'), (4, 'Efter'), (5, 'Ingen mätning')
    ) as s(ordning, status)
),
indicators as (
    -- each indicator's status, as queries/indicators.sql judges it
    select unnest($indikator_status::varchar[]) as status,
)
select
    scale.status,
    count(*) as antal,
from scale
inner join indicators on indicators.status = scale.status
group by scale.ordning, scale.status
order by scale.ordning
