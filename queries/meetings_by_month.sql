-- meeting places up to the report date per month and type, and each month's count of all types
with
per_type as (
    select
        date_trunc('month', datum)::date as manad,
        typ,
        count(*) as antal,
    from motesplatser
    where datum <= $rapportdatum::date
    group by manad, typ
)
select
    manad,
    typ,
    antal,
    sum(antal) over (partition by manad)::bigint as antal_manad,
from per_type
order by manad, typ
