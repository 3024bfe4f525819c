-- per financier over a reporting period (none given: all up to the report date): commitment and its share of all, allocated, claimed, paid, basis, flags
with
period as (
    select
        $period_start::date as fran,
        period_till($period_slut, $rapportdatum) as till,
),
costs_by_year as (
    select
        year(kostnader.datum) as ar,
        coalesce(sum(kostnader.belopp_kr) filter (where coalesce(kostnader.datum >= period.fran, true)), 0)
            as period_kr,
        coalesce(sum(kostnader.belopp_kr), 0) as ackumulerat_kr,
    from kostnader, period
    where kostnader.datum <= period.till
    group by year(kostnader.datum)
),
costs_total as (
    select coalesce(sum(kostnader.belopp_kr), 0) as ackumulerat_kr,
    from kostnader, period
    where kostnader.datum <= period.till
),
allocated as (
    select
        finansiarsandel.finansiar,
        any_value(finansiarsandel.typ) as typ,
        sum(finansiarsandel.belopp_kr)::double as atagande_kr,
        sum(coalesce(costs_by_year.period_kr, 0) * finansiarsandel.ars_andel) as fordelat_kr,
        sum(coalesce(costs_by_year.ackumulerat_kr, 0) * finansiarsandel.ars_andel) as fordelat_ackumulerat_kr,
        max(finansiarsandel.maxandel_procent) as maxandel_procent,
        max(finansiarsandel.tak_kr)::double as tak_kr,
    from finansiarsandel
    left join costs_by_year on finansiarsandel.ar = costs_by_year.ar
    group by finansiarsandel.finansiar
),
payments as (
    select
        inbetalningar.finansiar,
        coalesce(sum(inbetalningar.belopp) filter (
            where inbetalningar.typ = 'Rekvirerat' and coalesce(inbetalningar.datum >= period.fran, true)), 0)::double
            as rekvirerat_kr,
        coalesce(sum(inbetalningar.belopp) filter (
            where inbetalningar.typ = 'Inbetalt' and coalesce(inbetalningar.datum >= period.fran, true)), 0)::double
            as inbetalt_kr,
        -- claims made up to the period's end are what this period's claim comes on top of
        coalesce(sum(inbetalningar.belopp) filter (where inbetalningar.typ = 'Rekvirerat'), 0)::double
            as rekvirerat_ackumulerat_kr,
        coalesce(sum(inbetalningar.belopp) filter (where inbetalningar.typ = 'Inbetalt'), 0)::double
            as inbetalt_ackumulerat_kr,
    from inbetalningar, period
    where inbetalningar.datum <= period.till
    group by inbetalningar.finansiar
),
limits as (
    select
        allocated.*,
        costs_total.ackumulerat_kr as upparbetat_ackumulerat_kr,
        allocated.maxandel_procent / 100 * costs_total.ackumulerat_kr as maxandel_kr,
        least(
            allocated.fordelat_ackumulerat_kr,
            coalesce(allocated.maxandel_procent / 100 * costs_total.ackumulerat_kr, allocated.fordelat_ackumulerat_kr),
            coalesce(allocated.tak_kr, allocated.fordelat_ackumulerat_kr)
        ) as medgivet_ackumulerat_kr,
    from allocated
    cross join costs_total
),
figures as (
    select
        limits.*,
        coalesce(payments.rekvirerat_kr, 0) as rekvirerat_kr,
        coalesce(payments.inbetalt_kr, 0) as inbetalt_kr,
        coalesce(payments.rekvirerat_ackumulerat_kr, 0) as rekvirerat_ackumulerat_kr,
        coalesce(payments.inbetalt_ackumulerat_kr, 0) as inbetalt_ackumulerat_kr,
    from limits
    left join payments on limits.finansiar = payments.finansiar
)
select
    finansiar,
    typ,
    atagande_kr,
    atagande_kr / nullif(sum(atagande_kr) over (), 0) as atagande_andel,
    sum(atagande_kr) over () / nullif(sum(atagande_kr) over (), 0) as atagande_andel_totalt,
    fordelat_kr,
    fordelat_ackumulerat_kr,
    atagande_kr - fordelat_ackumulerat_kr as kvar_kr,
    rekvirerat_kr,
    inbetalt_kr,
    rekvirerat_ackumulerat_kr,
    inbetalt_ackumulerat_kr,
    fordelat_ackumulerat_kr - greatest(rekvirerat_ackumulerat_kr, inbetalt_ackumulerat_kr) as att_rekvirera_kr,
    fordelat_ackumulerat_kr / nullif(upparbetat_ackumulerat_kr, 0) as andel_av_upparbetat,
    maxandel_procent,
    maxandel_kr,
    tak_kr,
    maxandel_procent is not null or tak_kr is not null as har_regel,
    medgivet_ackumulerat_kr,
    medgivet_ackumulerat_kr - rekvirerat_ackumulerat_kr as underlag_kr,
    case
        when medgivet_ackumulerat_kr >= fordelat_ackumulerat_kr - 0.005 then null
        when tak_kr is not null and medgivet_ackumulerat_kr >= tak_kr - 0.005
            and (maxandel_kr is null or tak_kr <= maxandel_kr) then 'tak'
        else 'maxandel'
    end as begransning,
    list_filter([
        case
            when maxandel_procent is not null
                and fordelat_ackumulerat_kr > maxandel_procent / 100 * upparbetat_ackumulerat_kr + 0.005
                then 'maxandel'
        end,
        case when tak_kr is not null and fordelat_ackumulerat_kr > tak_kr + 0.005 then 'tak' end,
        case when fordelat_ackumulerat_kr > atagande_kr + 0.005 then 'atagande' end
    ], lambda flagga: flagga is not null) as flaggor,
from figures
order by atagande_kr desc, finansiar
