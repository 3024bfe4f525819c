-- meeting places up to the report date per type: count, attendance by gender and share of women, and the share of all
select
    typ,
    count(*) as antal,
    coalesce(sum(kvinnor), 0) as kvinnor,
    coalesce(sum(man), 0) as man,
    coalesce(sum(annat), 0) as annat,
    sum(kvinnor) / nullif(sum(kvinnor) + sum(man), 0) as andel_kvinnor,
    sum(sum(kvinnor)) over () / nullif(sum(sum(kvinnor)) over () + sum(sum(man)) over (), 0) as andel_kvinnor_totalt,
from motesplatser
where datum <= $rapportdatum::date
group by typ
order by antal desc, typ
