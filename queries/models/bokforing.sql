-- every ledger row with its cost category, and why it is left out of the project's costs (contract §3b)
-- reads: utfall, konton, kontoplan, kostnadskonton
create table bokforing as
with
account_ranges as (
    -- konton.csv first, the account plan preset of projekt.toml after it
    select
        konto_fran,
        konto_till,
        kostnadsslag,
        0 as kalla,
        rad as ordning,
    from konton
    union all
    select
        konto_fran,
        konto_till,
        kostnadsslag,
        1 as kalla,
        ordning,
    from kontoplan
),
accounts as (
    -- each distinct account is classified once; the ledger then joins on equality
    select
        used.konto,
        sv_whole(used.konto) as kontonummer,
        (
            select first(ranges.kostnadsslag order by ranges.kalla, ranges.konto_till - ranges.konto_fran,
                ranges.ordning)
            from account_ranges as ranges
            where sv_whole(used.konto) between ranges.konto_fran and ranges.konto_till
        ) as kostnadsslag,
        exists (
            select 1
            from kostnadskonton
            where sv_whole(used.konto) between kostnadskonton.konto_fran and kostnadskonton.konto_till
        ) as kostnadskonto,
    from (
        select distinct konto,
        from utfall
        where konto is not null
    ) as used
)
select
    utfall.rad,
    utfall.datum,
    utfall.belopp,
    utfall.belopp__text,
    utfall.konto,
    utfall.verifikation,
    utfall.text,
    utfall.objekt,
    utfall.kostnadsslag is not null as eget_kostnadsslag,
    coalesce(utfall.kostnadsslag, accounts.kostnadsslag) as kostnadsslag,
    case
        when $objekt::varchar is not null and utfall.objekt is distinct from $objekt::varchar then 'objekt'
        when $hel_huvudbok and not coalesce(accounts.kostnadskonto, false) then 'konto'
    end as utanfor,
from utfall
left join accounts on utfall.konto = accounts.konto
