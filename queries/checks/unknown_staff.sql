-- hours reported for persons that personal.csv does not list, and persons listed twice in personal.csv
with
listed as (
    select
        rad,
        person,
        min(rad) over (partition by person) as forsta_rad,
    from personal
    where person is not null
)
select
    'fel' as niva,
    'tid.csv' as fil,
    tid.rad,
    'Person' as kolumn,
    tid.person as varde,
    'unknown_person' as kod,
    json_object() as param,
from tid
where tid.person is not null
    and tid.person not in (select person from listed)
union all
select
    'fel' as niva,
    'personal.csv' as fil,
    rad,
    'Person' as kolumn,
    person as varde,
    'duplicate_person' as kod,
    json_object('forsta_rad', forsta_rad) as param,
from listed
where rad > forsta_rad
order by fil, rad
