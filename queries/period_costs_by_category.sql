-- costs per cost category in one reporting period and cumulative to its end, against the category's budget
with
period as (
    select
        $period_start::date as fran,
        period_till($period_slut, $rapportdatum) as till,
),
budgeted as (
    select kostnadsslag, sum(belopp)::double as budget_kr,
    from budget
    group by kostnadsslag
),
booked as (
    select
        kostnader.kostnadsslag,
        coalesce(sum(kostnader.belopp_kr) filter (where kostnader.datum >= period.fran), 0) as period_kr,
        coalesce(sum(kostnader.belopp_kr), 0) as ackumulerat_kr,
        bool_or(kostnader.indirekt) as beraknat,
    from kostnader, period
    where kostnader.datum <= period.till
    group by kostnader.kostnadsslag
)
select
    coalesce(budgeted.kostnadsslag, booked.kostnadsslag, 'Utan kostnadsslag') as kostnadsslag,
    coalesce(budgeted.budget_kr, 0) as budget_kr,
    coalesce(booked.period_kr, 0) as period_kr,
    coalesce(booked.ackumulerat_kr, 0) as ackumulerat_kr,
    coalesce(budgeted.budget_kr, 0) - coalesce(booked.ackumulerat_kr, 0) as kvar_kr,
    coalesce(booked.ackumulerat_kr, 0) / nullif(budgeted.budget_kr, 0) as ackumulerat_andel,
    coalesce(booked.beraknat, false) as beraknat,
    sum(coalesce(booked.ackumulerat_kr, 0)) over () / nullif(sum(coalesce(budgeted.budget_kr, 0)) over (), 0)
        as ackumulerat_andel_totalt,
from budgeted
full outer join booked on budgeted.kostnadsslag = booked.kostnadsslag
order by budget_kr desc, kostnadsslag
