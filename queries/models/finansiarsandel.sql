-- each financier's commitment per year and its share of that year's financing, the share of the year's costs it is allocated
-- reads: finansiering
create table finansiarsandel as
with
financing as (
    select
        finansiar,
        ar,
        sum(belopp) as belopp_kr,
        max(maxandel) as maxandel_procent,
        max(tak) as tak_kr,
        any_value(typ) as typ,
    from finansiering
    where finansiar is not null and ar is not null
    group by finansiar, ar
)
select
    finansiar,
    ar,
    typ,
    belopp_kr,
    maxandel_procent,
    tak_kr,
    belopp_kr / nullif(sum(belopp_kr) over (partition by ar), 0) as ars_andel,
from financing
-- a fixed row order, so that sums over the table add up in the same order at every load
order by finansiar, ar
