-- meeting places held up to the report date: how many, women, men, the share of women, and when indicators were last reported
with
held as (
    select
        count(*) as antal,
        coalesce(sum(kvinnor), 0) as kvinnor,
        coalesce(sum(man), 0) as man,
        coalesce(sum(annat), 0) as annat,
        sum(kvinnor) / nullif(sum(kvinnor) + sum(man), 0) as andel_kvinnor,
    from motesplatser
    where datum <= $rapportdatum::date
),
reported as (
    select max(datum) as senaste_indikatordatum,
    from indikatorvarden
    where datum <= $rapportdatum::date
)
select
    held.antal,
    held.kvinnor,
    held.man,
    held.annat,
    held.andel_kvinnor,
    reported.senaste_indikatordatum,
from held
cross join reported
