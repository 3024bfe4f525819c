-- ledger rows that repeat an earlier row's date, amount, voucher and text
with
repeated as (
    select
        datum,
        belopp,
        verifikation,
        text,
        min(rad) as forsta_rad,
    from bokforing
    where datum is not null and belopp is not null and utanfor is null
    group by datum, belopp, verifikation, text
    having count(*) > 1
)
select
    'varning' as niva,
    'utfall.csv' as fil,
    bokforing.rad,
    null as kolumn,
    strftime(bokforing.datum, '%Y-%m-%d') || ' ' || bokforing.belopp__text as varde,
    'repeated_ledger_row' as kod,
    json_object('forsta_rad', repeated.forsta_rad) as param,
from bokforing
inner join repeated
    on bokforing.datum = repeated.datum
    and bokforing.belopp = repeated.belopp
    and bokforing.verifikation is not distinct from repeated.verifikation
    and bokforing.text is not distinct from repeated.text
where bokforing.rad > repeated.forsta_rad and bokforing.utanfor is null
order by bokforing.rad
