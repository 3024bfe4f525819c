-- meeting places held up to the report date: how many, women, men and the share of women
select
    count(*) as antal,
    coalesce(sum(kvinnor), 0) as kvinnor,
    coalesce(sum(man), 0) as man,
    coalesce(sum(annat), 0) as annat,
    sum(kvinnor) / nullif(sum(kvinnor) + sum(man), 0) as andel_kvinnor,
from motesplatser
where datum <= $rapportdatum::date
