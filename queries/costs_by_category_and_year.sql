-- budget and costs to date per cost category and year
with
budgeted as (
    select kostnadsslag, ar, sum(belopp)::double as budget_kr,
    from budget
    group by kostnadsslag, ar
),
booked as (
    select kostnadsslag, year(datum) as ar, sum(belopp_kr) as upparbetat_kr,
    from kostnader
    where datum <= $rapportdatum::date
    group by kostnadsslag, year(datum)
)
select
    coalesce(budgeted.kostnadsslag, booked.kostnadsslag, 'Utan kostnadsslag') as kostnadsslag,
    coalesce(budgeted.ar, booked.ar) as ar,
    coalesce(budgeted.budget_kr, 0) as budget_kr,
    coalesce(booked.upparbetat_kr, 0) as upparbetat_kr,
from budgeted
full outer join booked on budgeted.kostnadsslag = booked.kostnadsslag and budgeted.ar = booked.ar
order by kostnadsslag, ar
