-- rows whose Id was already used higher up in the same file
with
ids as (
    select 'mal.csv' as fil, rad, id from mal
    union all select 'indikatorer.csv', rad, id from indikatorer
    union all select 'aktiviteter.csv', rad, id from aktiviteter
    union all select 'paverkan.csv', rad, id from paverkan
    union all select 'risker.csv', rad, id from risker
    union all select 'beslut.csv', rad, id from beslut
),
numbered as (
    select
        fil,
        rad,
        id,
        min(rad) over (partition by fil, id) as forsta_rad,
    from ids
    where id is not null
)
select
    'fel' as niva,
    fil,
    rad,
    'Id' as kolumn,
    id as varde,
    'duplicate_id' as kod,
    json_object('forsta_rad', forsta_rad) as param,
from numbered
where rad > forsta_rad
order by fil, rad
