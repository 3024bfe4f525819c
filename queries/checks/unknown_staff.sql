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
    'en person i personal.csv – den finns inte' as forvantat,
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
    'en person en gång – samma person finns redan på rad ' || forsta_rad as forvantat,
from listed
where rad > forsta_rad
order by fil, rad
