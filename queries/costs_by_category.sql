-- budget, plan to date and costs to date per cost category, and the share of the whole budget spent
with
budgeted as (
    select kostnadsslag, sum(belopp)::double as budget_kr,
    from budget
    group by kostnadsslag
),
planned_to_date as (
    select kostnadsslag, sum(plan_kr) as plan_till_datum_kr,
    from budgetplan
    where last_day(manad) <= $rapportdatum::date
    group by kostnadsslag
),
booked as (
    select kostnadsslag, sum(belopp_kr) as upparbetat_kr, bool_or(indirekt) as beraknat,
    from kostnader
    where datum <= $rapportdatum::date
    group by kostnadsslag
)
select
    coalesce(budgeted.kostnadsslag, booked.kostnadsslag, 'Utan kostnadsslag') as kostnadsslag,
    coalesce(budgeted.budget_kr, 0) as budget_kr,
    coalesce(planned_to_date.plan_till_datum_kr, 0) as plan_till_datum_kr,
    coalesce(booked.upparbetat_kr, 0) as upparbetat_kr,
    coalesce(budgeted.budget_kr, 0) - coalesce(booked.upparbetat_kr, 0) as kvar_kr,
    coalesce(booked.upparbetat_kr, 0) / nullif(budgeted.budget_kr, 0) as upparbetat_andel,
    coalesce(booked.upparbetat_kr, 0) - coalesce(planned_to_date.plan_till_datum_kr, 0) as avvikelse_kr,
    coalesce(booked.beraknat, false) as beraknat,
    sum(coalesce(booked.upparbetat_kr, 0)) over () / nullif(sum(coalesce(budgeted.budget_kr, 0)) over (), 0)
        as upparbetat_andel_totalt,
from budgeted
left join planned_to_date on budgeted.kostnadsslag = planned_to_date.kostnadsslag
full outer join booked on budgeted.kostnadsslag = booked.kostnadsslag
order by budget_kr desc, kostnadsslag
