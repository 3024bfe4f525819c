-- the budget plan per cost category and project month: each year's budget spread evenly over the year's project months
-- reads: budget, projektmanader
create table budgetplan as
with
months_per_year as (
    select year(manad) as ar, count(*) as manader,
    from projektmanader
    group by year(manad)
)
select
    budget.kostnadsslag,
    projektmanader.manad,
    sum(budget.belopp / months_per_year.manader)::double as plan_kr,
from budget
inner join months_per_year on budget.ar = months_per_year.ar
inner join projektmanader on year(projektmanader.manad) = months_per_year.ar
group by budget.kostnadsslag, projektmanader.manad
-- a fixed row order, so that sums over the table add up in the same order at every load
order by budget.kostnadsslag, projektmanader.manad
