-- every ledger row with its cost category: its own, else the narrowest account range covering its account
create table bokforing as
with
accounts as (
    -- each distinct account is classified once; the ledger then joins on equality
    select
        used.konto,
        konton.kostnadsslag,
    from (
        select distinct konto,
        from utfall
        where kostnadsslag is null and konto is not null
    ) as used
    inner join konton on sv_whole(used.konto) between konton.konto_fran and konton.konto_till
    qualify row_number() over (
        partition by used.konto order by konton.konto_till - konton.konto_fran, konton.rad
    ) = 1
)
select
    utfall.rad,
    utfall.datum,
    utfall.belopp,
    utfall.konto,
    utfall.verifikation,
    utfall.text,
    utfall.kostnadsslag is not null as eget_kostnadsslag,
    coalesce(utfall.kostnadsslag, accounts.kostnadsslag) as kostnadsslag,
from utfall
left join accounts on utfall.kostnadsslag is null and utfall.konto = accounts.konto
