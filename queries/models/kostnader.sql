-- booked costs per day and cost category, with flat-rate indirect costs added as their own category
create table kostnader as
with
bokfort as (
    select
        utfall.datum,
        coalesce(utfall.kostnadsslag, konton.kostnadsslag) as kostnadsslag,
        utfall.belopp,
    from utfall
    left join konton
        on utfall.kostnadsslag is null
        and sv_whole(utfall.konto) between konton.konto_fran and konton.konto_till
    where utfall.datum is not null and utfall.belopp is not null
    -- the narrowest account range wins where ranges overlap
    qualify row_number() over (
        partition by utfall.rad order by konton.konto_till - konton.konto_fran
    ) = 1
),
per_dag as (
    select
        datum,
        kostnadsslag,
        sum(belopp) as belopp_kr,
    from bokfort
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
