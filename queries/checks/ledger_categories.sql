-- ledger rows whose cost category is missing from the budget or cannot be found from the account
select
    'fel' as niva,
    'utfall.csv' as fil,
    rad,
    case when eget_kostnadsslag then 'Kostnadsslag' else 'Konto' end as kolumn,
    case when eget_kostnadsslag then kostnadsslag else konto end as varde,
    case
        when konto is null and kostnadsslag is null
            then 'ett kostnadsslag eller ett konto – raden har inget av dem'
        when kostnadsslag is null then 'ett konto som täcks av konton.csv (eller av kontoplanen i projekt.toml)'
        when not eget_kostnadsslag then 'ett konto vars kostnadsslag finns i budget.csv – kontot hör till '
            || kostnadsslag || ', som budgeten saknar (lägg till det i budget.csv eller ange kontot i konton.csv)'
        else 'ett kostnadsslag som finns i budget.csv'
    end as forvantat,
from bokforing
where belopp is not null and utanfor is null
    and (kostnadsslag is null or kostnadsslag not in (select kostnadsslag from budget))
order by rad
