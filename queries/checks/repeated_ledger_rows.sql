-- ledger rows that repeat an earlier row's date, amount, voucher and text
with
numbered as (
    select
        rad,
        datum,
        belopp__text,
        min(rad) over (partition by datum, belopp, verifikation, text) as forsta_rad,
    from utfall
    where datum is not null and belopp is not null
)
select
    'varning' as niva,
    'utfall.csv' as fil,
    rad,
    null as kolumn,
    strftime(datum, '%Y-%m-%d') || ' ' || belopp__text as varde,
    'en rad som inte upprepar rad ' || forsta_rad || ' (samma Datum, Belopp, Verifikation och Text)'
        as forvantat,
from numbered
where rad > forsta_rad
order by rad
