-- per financier in one reporting period: costs allocated by yearly shares, claims and payments, and the claim basis
with
period as (
    select
        $period_start::date as fran,
        period_till($period_slut, $rapportdatum) as till,
),
costs_by_year as (
    select
        year(kostnader.datum) as ar,
        coalesce(sum(kostnader.belopp_kr) filter (where kostnader.datum >= period.fran), 0) as period_kr,
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
            where inbetalningar.typ = 'Rekvirerat' and inbetalningar.datum >= period.fran), 0)::double
            as rekvirerat_kr,
        coalesce(sum(inbetalningar.belopp) filter (
            where inbetalningar.typ = 'Inbetalt' and inbetalningar.datum >= period.fran), 0)::double
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
)
select
    limits.finansiar,
    limits.typ,
    limits.atagande_kr,
    limits.fordelat_kr,
    limits.fordelat_ackumulerat_kr,
    coalesce(payments.rekvirerat_kr, 0) as rekvirerat_kr,
    coalesce(payments.inbetalt_kr, 0) as inbetalt_kr,
    coalesce(payments.rekvirerat_ackumulerat_kr, 0) as rekvirerat_ackumulerat_kr,
    coalesce(payments.inbetalt_ackumulerat_kr, 0) as inbetalt_ackumulerat_kr,
    limits.maxandel_procent,
    limits.maxandel_kr,
    limits.tak_kr,
    limits.medgivet_ackumulerat_kr,
    limits.medgivet_ackumulerat_kr - coalesce(payments.rekvirerat_ackumulerat_kr, 0) as underlag_kr,
    case
        when limits.medgivet_ackumulerat_kr >= limits.fordelat_ackumulerat_kr - 0.005 then null
        when limits.tak_kr is not null and limits.medgivet_ackumulerat_kr >= limits.tak_kr - 0.005
            and (limits.maxandel_kr is null or limits.tak_kr <= limits.maxandel_kr) then 'tak'
        else 'maxandel'
    end as begransning,
from limits
left join payments on limits.finansiar = payments.finansiar
order by limits.atagande_kr desc, limits.finansiar
