-- every measured value per indicator and date up to the report date, counted indicators included
with
counted_per_day as (
    select
        indikatorer.id as indikator,
        motesplatser.datum,
        count(*) as antal,
    from indikatorer
    inner join motesplatser
        on sv_fold(motesplatser.typ) = sv_fold(indikatorer.raknas_fran)
        and motesplatser.datum >= $start::date
    where indikatorer.raknas_fran is not null
    group by indikatorer.id, motesplatser.datum
),
counted as (
    select
        indikator,
        datum,
        sum(antal) over (partition by indikator order by datum)::double as varde,
        null::double as kvinnor,
        null::double as man,
        'Räknat från motesplatser.csv' as kommentar,
        true as raknat,
    from counted_per_day
),
measured as (
    select
        indikatorvarden.indikator,
        indikatorvarden.datum,
        indikatorvarden.varde,
        indikatorvarden.kvinnor,
        indikatorvarden.man,
        indikatorvarden.kommentar,
        false as raknat,
    from indikatorvarden
    inner join indikatorer on indikatorer.id = indikatorvarden.indikator
    where indikatorer.raknas_fran is null
        and indikatorvarden.datum is not null
        and indikatorvarden.varde is not null
)
select
    indikator,
    datum,
    varde,
    kvinnor,
    man,
    kommentar,
    raknat,
from (select * from counted union all select * from measured)
where datum <= $rapportdatum::date
order by indikator, datum
