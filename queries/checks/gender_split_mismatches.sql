-- indicator values whose women and men do not add up to the value
select
    'varning' as niva,
    'indikatorvarden.csv' as fil,
    rad,
    'Värde' as kolumn,
    varde__text as varde,
    'gender_split_mismatch' as kod,
    json_object('kvinnor', coalesce(kvinnor__text, '0'), 'man', coalesce(man__text, '0')) as param,
from indikatorvarden
where varde is not null
    and (kvinnor is not null or man is not null)
    and abs(coalesce(kvinnor, 0) + coalesce(man, 0) - varde) > 1e-9
order by rad
