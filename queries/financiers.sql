-- per financier: commitment, costs allocated by yearly shares, claimed, paid and rule flags
with
costs_by_year as (
    select year(datum) as ar, sum(belopp_kr) as upparbetat_kr,
    from kostnader
    where datum <= $rapportdatum::date
    group by year(datum)
),
costs_total as (
    select coalesce(sum(belopp_kr), 0) as upparbetat_kr,
    from kostnader
    where datum <= $rapportdatum::date
),
allocated as (
    select
        finansiarsandel.finansiar,
        any_value(finansiarsandel.typ) as typ,
        sum(finansiarsandel.belopp_kr)::double as atagande_kr,
        sum(coalesce(costs_by_year.upparbetat_kr, 0) * finansiarsandel.ars_andel) as fordelat_kr,
        max(finansiarsandel.maxandel_procent) as maxandel_procent,
        max(finansiarsandel.tak_kr)::double as tak_kr,
    from finansiarsandel
    left join costs_by_year on finansiarsandel.ar = costs_by_year.ar
    group by finansiarsandel.finansiar
),
payments as (
    select
        finansiar,
        coalesce(sum(belopp) filter (where typ = 'Rekvirerat'), 0)::double as rekvirerat_kr,
        coalesce(sum(belopp) filter (where typ = 'Inbetalt'), 0)::double as inbetalt_kr,
    from inbetalningar
    where datum <= $rapportdatum::date
    group by finansiar
),
figures as (
    select
        allocated.finansiar,
        allocated.typ,
        allocated.atagande_kr,
        allocated.fordelat_kr,
        allocated.atagande_kr - allocated.fordelat_kr as kvar_kr,
        coalesce(payments.rekvirerat_kr, 0) as rekvirerat_kr,
        coalesce(payments.inbetalt_kr, 0) as inbetalt_kr,
        allocated.fordelat_kr
            - greatest(coalesce(payments.rekvirerat_kr, 0), coalesce(payments.inbetalt_kr, 0))
            as att_rekvirera_kr,
        allocated.fordelat_kr / nullif(costs_total.upparbetat_kr, 0) as andel_av_upparbetat,
        allocated.maxandel_procent,
        allocated.tak_kr,
        costs_total.upparbetat_kr,
    from allocated
    cross join costs_total
    left join payments on allocated.finansiar = payments.finansiar
)
select
    finansiar,
    typ,
    atagande_kr,
    fordelat_kr,
    kvar_kr,
    rekvirerat_kr,
    inbetalt_kr,
    att_rekvirera_kr,
    andel_av_upparbetat,
    maxandel_procent,
    tak_kr,
    list_filter([
        case when maxandel_procent is not null
            and fordelat_kr > maxandel_procent / 100 * upparbetat_kr + 0.005 then 'maxandel' end,
        case when tak_kr is not null and fordelat_kr > tak_kr + 0.005 then 'tak' end,
        case when fordelat_kr > atagande_kr + 0.005 then 'atagande' end
    ], lambda flagga: flagga is not null) as flaggor,
from figures
order by atagande_kr desc, finansiar
