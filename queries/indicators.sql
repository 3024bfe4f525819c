-- each indicator's latest value up to the report date (with its women and men), progress against target, expected progress and status
with
values_to_date as (
    select
        indikator,
        datum,
        varde,
        kvinnor,
        man,
        sum(antal) over (partition by indikator order by datum) as lopande,
    from (
        select
            indikatorer.id as indikator,
            motesplatser.datum,
            count(*)::double as antal,
            null::double as varde,
            null::double as kvinnor,
            null::double as man,
        from indikatorer
        inner join motesplatser
            on sv_fold(motesplatser.typ) = sv_fold(indikatorer.raknas_fran)
            and motesplatser.datum between $start::date and $rapportdatum::date
        where indikatorer.raknas_fran is not null
        group by indikatorer.id, motesplatser.datum
        union all
        select
            indikatorvarden.indikator,
            indikatorvarden.datum,
            0,
            indikatorvarden.varde,
            indikatorvarden.kvinnor,
            indikatorvarden.man,
        from indikatorvarden
        inner join indikatorer on indikatorer.id = indikatorvarden.indikator
        where indikatorer.raknas_fran is null
            and indikatorvarden.datum <= $rapportdatum::date
            and indikatorvarden.varde is not null
    )
),
planned as (
    -- a counted indicator's rows dated after R up to Måldatum are the plan for the rest of the period
    select
        indikatorer.id as indikator,
        count(*)::double as planerade,
    from indikatorer
    inner join motesplatser
        on sv_fold(motesplatser.typ) = sv_fold(indikatorer.raknas_fran)
        and motesplatser.datum > $rapportdatum::date
        and motesplatser.datum <= indikatorer.maldatum
    where indikatorer.raknas_fran is not null
    group by indikatorer.id
),
latest as (
    select
        indikator,
        max(datum) as senaste_datum,
        arg_max(coalesce(varde, lopande), datum) as senaste_varde,
        -- the latest value's own split, empty when that value has none (an earlier split is not carried on)
        arg_max_null(kvinnor, datum) as senaste_kvinnor,
        arg_max_null(man, datum) as senaste_man,
    from values_to_date
    group by indikator
),
measured as (
    select
        indikatorer.*,
        latest.senaste_datum,
        latest.senaste_varde,
        latest.senaste_kvinnor,
        latest.senaste_man,
        (latest.senaste_varde - indikatorer.utgangsvarde)
            / nullif(indikatorer.malvarde - indikatorer.utgangsvarde, 0) as progress,
        least(greatest(coalesce(
            -- what should have been held by R if the planned rows are to reach the target
            (indikatorer.malvarde - planned.planerade - indikatorer.utgangsvarde)
                / nullif(indikatorer.malvarde - indikatorer.utgangsvarde, 0),
            datediff('day', $start::date, $rapportdatum::date)
                / greatest(datediff('day', $start::date, indikatorer.maldatum), 1)
        ), 0), 1)::double as forvantat,
    from indikatorer
    left join latest on latest.indikator = indikatorer.id
    left join planned on planned.indikator = indikatorer.id
)
select
    measured.id,
    measured.mal,
    mal.text as mal_text,
    measured.namn,
    measured.enhet,
    measured.utgangsvarde,
    measured.malvarde,
    measured.maldatum,
    measured.riktning,
    measured.raknas_fran,
    measured.senaste_datum,
    measured.senaste_varde,
    measured.senaste_kvinnor as kvinnor,
    measured.senaste_man as man,
    measured.progress,
    measured.forvantat,
    case
        when measured.senaste_varde is null then 'Ingen mätning'
        when coalesce(measured.progress, 1) >= 1 then 'Uppnått'
        when measured.progress >= 0.9 * measured.forvantat then 'I fas'
        when measured.progress >= 0.6 * measured.forvantat then 'Risk'
        else 'Efter'
    end as status,
from measured
left join (select distinct on (id) id, text from mal) as mal on mal.id = measured.mal
order by measured.id
