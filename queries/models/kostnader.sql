-- booked costs per day and cost category, with flat-rate indirect costs added as their own category
-- reads: bokforing
create table kostnader as
with
per_dag as (
    select
        datum,
        kostnadsslag,
        sum(belopp) as belopp_kr,
    from bokforing
    where datum is not null and belopp is not null and utanfor is null
    group by datum, kostnadsslag
),
indirekta_bokforda as (
    select count(*) > 0 as finns,
    from per_dag
    where kostnadsslag = $indirekt_kostnadsslag
),
indirekta as (
    select
        per_dag.datum,
        $indirekt_kostnadsslag as kostnadsslag,
        sum(per_dag.belopp_kr) * $procent / 100 as belopp_kr,
    from per_dag, indirekta_bokforda
    where $procent is not null
        and not indirekta_bokforda.finns
        and list_contains($bas::varchar[], per_dag.kostnadsslag)
    group by per_dag.datum
)
select
    datum,
    kostnadsslag,
    belopp_kr::double as belopp_kr,
    false as indirekt,
from per_dag
union all
select
    datum,
    kostnadsslag,
    belopp_kr::double as belopp_kr,
    true as indirekt,
from indirekta
