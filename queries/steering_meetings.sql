-- each steering group meeting of projekt.toml: how many decisions are dated that day, and whether it is held, the one the pack is for, or planned
with
meetings as (
    select unnest($moten::date[]) as datum,
),
taken as (
    select
        datum,
        count(*) as antal_beslut,
    from beslut
    where datum is not null
    group by datum
)
select
    meetings.datum,
    case
        when meetings.datum < $motesdatum::date then 'held'
        when meetings.datum = $motesdatum::date then 'this_meeting'
        else 'planned'
    end as lage,
    coalesce(taken.antal_beslut, 0) as antal_beslut,
from meetings
left join taken on taken.datum = meetings.datum
order by meetings.datum
