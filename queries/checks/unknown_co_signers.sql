-- co-signers of influence efforts that are not financiers, and counted indicators with no such meeting type
with
co_signers as (
    select rad, trim(unnest(string_split(medundertecknare, ','))) as namn,
    from paverkan
    where medundertecknare is not null
)
select
    'varning' as niva,
    'paverkan.csv' as fil,
    rad,
    'Medundertecknare' as kolumn,
    namn as varde,
    'co_signer_not_financier' as kod,
    json_object() as param,
from co_signers
where namn <> '' and namn not in (select finansiar from finansiering)
union all
select
    'varning',
    'indikatorer.csv',
    rad,
    'Räknas från',
    raknas_fran,
    'counted_from_unknown_type' as kod,
    json_object(),
from indikatorer
where raknas_fran is not null
    and sv_fold(raknas_fran) not in (select sv_fold(typ) from motesplatser where typ is not null)
order by fil, rad
