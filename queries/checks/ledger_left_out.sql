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
            when utanfor = 'objekt' then 'på andra objekt än ' || $objekt::varchar
                || ' räknas inte till projektet'
            when utanfor = 'konto' then 'på konton som inte är kostnadskonton ('
                || $kostnadskonton_text::varchar || ') räknas inte – balanskonton, intäkter och finansiella poster'
            else 'daterade efter rapportdatum ' || strftime($rapportdatum::date, '%Y-%m-%d')
                || ' räknas inte förrän rapportdatum flyttas'
        end as vad,
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
    antal || case when antal = 1 then ' rad ' else ' rader ' end || vad || ' (summa ' || sv_kronor(coalesce(summa_kr, 0)) || ')' as forvantat,
from left_out
order by kolumn desc
