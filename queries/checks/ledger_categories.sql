-- ledger rows whose cost category is missing from the budget or cannot be found from the account
select
    'fel' as niva,
    'utfall.csv' as fil,
    rad,
    case when eget_kostnadsslag then 'Kostnadsslag' else 'Konto' end as kolumn,
    case when eget_kostnadsslag then kostnadsslag else konto end as varde,
    case
        when konto is null and kostnadsslag is null then 'ledger_no_category_or_account'
        when kostnadsslag is null then 'ledger_account_not_covered'
        when not eget_kostnadsslag then 'ledger_account_category_not_in_budget'
        else 'ledger_category_not_in_budget'
    end as kod,
    json_object('kostnadsslag', kostnadsslag) as param,
from bokforing
where belopp is not null and utanfor is null
    and (kostnadsslag is null or kostnadsslag not in (select kostnadsslag from budget))
order by rad
