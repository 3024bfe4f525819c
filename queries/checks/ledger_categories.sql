-- ledger rows whose cost category is missing from the budget or cannot be found from the account
with
classified as (
    select
        utfall.rad,
        utfall.kostnadsslag,
        utfall.konto,
        konton.kostnadsslag as kontots_kostnadsslag,
    from utfall
    left join konton
        on sv_whole(utfall.konto) between konton.konto_fran and konton.konto_till
    where utfall.kostnadsslag is not null or utfall.konto is not null
    qualify row_number() over (
        partition by utfall.rad order by konton.konto_till - konton.konto_fran
    ) = 1
),
budgeted as (select distinct kostnadsslag from budget)
select
    'fel' as niva,
    'utfall.csv' as fil,
    rad,
    case when kostnadsslag is null then 'Konto' else 'Kostnadsslag' end as kolumn,
    coalesce(kostnadsslag, konto) as varde,
    case
        when kostnadsslag is null and kontots_kostnadsslag is null
            then 'ett konto som täcks av konton.csv'
        else 'ett kostnadsslag som finns i budget.csv'
    end as forvantat,
from classified
where coalesce(kostnadsslag, kontots_kostnadsslag) is null
    or coalesce(kostnadsslag, kontots_kostnadsslag) not in (select kostnadsslag from budgeted)
union all
select
    'fel',
    'utfall.csv',
    rad,
    'Kostnadsslag',
    null,
    'ett kostnadsslag eller ett konto – raden har inget av dem',
from utfall
where kostnadsslag is null and konto is null and belopp is not null
order by rad
