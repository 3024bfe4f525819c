-- ledger rows that are not the project's costs, one note per reason with their count and sum
with
left_out as (
    select
        case
            when utanfor = 'objekt' then 'Objekt'
            when utanfor = 'konto' then 'Konto'
            else 'Datum'
        end as kolumn,
        case
            when utanfor = 'objekt' then 'ledger_left_out_object'
            when utanfor = 'konto' then 'ledger_left_out_account'
            else 'ledger_left_out_late'
        end as kod,
        count(*) as antal,
        sum(belopp) as summa_kr,
    from bokforing
    where utanfor is not null or datum > $rapportdatum::date
    group by all
)
select
    'notering' as niva,
    'utfall.csv' as fil,
    null as rad,
    kolumn,
    null as varde,
    kod,
    json_object(
        'n', antal,
        'summa_kr', coalesce(summa_kr, 0),
        'objekt', $objekt::varchar,
        'konton', $kostnadskonton_text::varchar,
        'rapportdatum', strftime($rapportdatum::date, '%Y-%m-%d')
    ) as param,
from left_out
order by kolumn desc
