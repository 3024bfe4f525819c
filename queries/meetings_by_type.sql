-- meeting places up to the report date per type: count, attendance by gender and share of women
select
    typ,
    count(*) as antal,
    coalesce(sum(kvinnor), 0) as kvinnor,
    coalesce(sum(man), 0) as man,
    coalesce(sum(annat), 0) as annat,
    sum(kvinnor) / nullif(sum(kvinnor) + sum(man), 0) as andel_kvinnor,
from motesplatser
where datum <= $rapportdatum::date
group by typ
order by antal desc, typ
