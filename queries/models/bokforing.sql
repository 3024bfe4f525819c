-- every ledger row with its cost category: its own, else the narrowest account range covering its account
create table bokforing as
select
    utfall.rad,
    utfall.datum,
    utfall.belopp,
    utfall.konto,
    utfall.verifikation,
    utfall.text,
    utfall.kostnadsslag is not null as eget_kostnadsslag,
    coalesce(utfall.kostnadsslag, konton.kostnadsslag) as kostnadsslag,
from utfall
left join konton
    on utfall.kostnadsslag is null
    and sv_whole(utfall.konto) between konton.konto_fran and konton.konto_till
qualify row_number() over (partition by utfall.rad order by konton.konto_till - konton.konto_fran) = 1
