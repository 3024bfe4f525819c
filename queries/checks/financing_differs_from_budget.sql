-- years where the financing does not add up to the budget
with
budget_by_year as (select ar, sum(belopp) as budget_kr from budget group by ar),
financing_by_year as (select ar, sum(belopp) as finansiering_kr from finansiering group by ar)
select
    'varning' as niva,
    'finansiering.csv' as fil,
    null::bigint as rad,
    'Belopp' as kolumn,
    null as varde,
    'financing_differs_from_budget' as kod,
    json_object('ar', ar, 'budget_kr', coalesce(budget_kr, 0), 'finansiering_kr', coalesce(finansiering_kr, 0))
        as param,
from budget_by_year
full outer join financing_by_year using (ar)
where ar is not null and coalesce(budget_kr, 0) <> coalesce(finansiering_kr, 0)
order by ar
