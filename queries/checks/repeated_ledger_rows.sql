-- ledger rows that repeat an earlier row's date, amount, voucher and text
with
repeated as (
    select
        datum,
        belopp,
        verifikation,
        text,
        min(rad) as forsta_rad,
    from utfall
    where datum is not null and belopp is not null
    group by datum, belopp, verifikation, text
    having count(*) > 1
)
select
    'varning' as niva,
    'utfall.csv' as fil,
    utfall.rad,
    null as kolumn,
    strftime(utfall.datum, '%Y-%m-%d') || ' ' || utfall.belopp__text as varde,
    'en rad som inte upprepar rad ' || repeated.forsta_rad || ' (samma Datum, Belopp, Verifikation och Text)'
        as forvantat,
from utfall
inner join repeated
    on utfall.datum = repeated.datum
    and utfall.belopp = repeated.belopp
    and utfall.verifikation is not distinct from repeated.verifikation
    and utfall.text is not distinct from repeated.text
where utfall.rad > repeated.forsta_rad
order by utfall.rad
