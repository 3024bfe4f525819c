-- the steering group's verdict per area (gron, gul, rod) at the report date, with the items that decide it
with
economy as (
    select
        $upparbetat_kr::double - $plan_till_datum_kr::double as avvikelse_kr,
        ($upparbetat_kr::double - $plan_till_datum_kr::double) / nullif($plan_till_datum_kr::double, 0)
            as avvikelse_andel,
),
broken_rules as (
    select
        unnest($regelbrott_finansiar::varchar[]) as id,
        unnest($regelbrott_flagga::varchar[]) as namn,
),
economy_verdict as (
    select
        'ekonomi' as omrade,
        1 as ordning,
        case
            when (select count(*) from broken_rules) > 0 or abs(economy.avvikelse_andel) > 0.20 then 'rod'
            when abs(economy.avvikelse_andel) > 0.10 then 'gul'
            else 'gron'
        end as bedomning,
        economy.avvikelse_kr,
        economy.avvikelse_andel,
        (select count(*) from broken_rules) as antal,
        coalesce((
            select list({'id': id, 'namn': namn, 'grupp': 'regel', 'varde': null::double} order by id, namn)
            from broken_rules
        ), []) as poster,
    from economy
),
indicators as (
    select
        unnest($indikator_id::varchar[]) as id,
        unnest($indikator_namn::varchar[]) as namn,
        unnest($indikator_status::varchar[]) as status,
),
goals_verdict as (
    select
        'mal' as omrade,
        2 as ordning,
        case
            when count(*) filter (where status = 'Efter') > 0 then 'rod'
            when count(*) filter (where status = 'Risk') > 0 then 'gul'
            else 'gron'
        end as bedomning,
        null::double as avvikelse_kr,
        null::double as avvikelse_andel,
        count(*) filter (where status in ('Efter', 'Risk')) as antal,
        coalesce(
            list({'id': id, 'namn': namn, 'grupp': status, 'varde': null::double}
                order by status = 'Risk', id) filter (where status in ('Efter', 'Risk')),
            []
        ) as poster,
    from indicators
),
late_activities as (
    select
        id,
        aktivitet as namn,
        datediff('day', slut, $rapportdatum::date) as dagar_sen,
    from aktiviteter
    where activity_status_shown(status, slut, $rapportdatum::date) = 'Försenad'
),
activities_verdict as (
    select
        'aktiviteter' as omrade,
        3 as ordning,
        case
            when count(*) >= 3 or max(dagar_sen) >= 90 then 'rod'
            when count(*) > 0 then 'gul'
            else 'gron'
        end as bedomning,
        null::double as avvikelse_kr,
        null::double as avvikelse_andel,
        count(*) as antal,
        coalesce(
            list({'id': id, 'namn': namn, 'grupp': 'Försenad', 'varde': dagar_sen::double}
                order by dagar_sen desc, id),
            []
        ) as poster,
    from late_activities
),
overdue_efforts as (
    select
        id,
        fraga as namn,
        prioritet,
        datediff('day', datum, $rapportdatum::date) as dagar_sen,
    from paverkan
    where influence_overdue(status, datum, $rapportdatum::date)
),
influence_verdict as (
    select
        'paverkan' as omrade,
        4 as ordning,
        case
            when count(*) filter (where prioritet = 'Hög') > 0 then 'rod'
            when count(*) > 0 then 'gul'
            else 'gron'
        end as bedomning,
        null::double as avvikelse_kr,
        null::double as avvikelse_andel,
        count(*) as antal,
        coalesce(
            list({'id': id, 'namn': namn, 'grupp': coalesce(prioritet, ''), 'varde': dagar_sen::double}
                order by prioritet = 'Hög' desc, dagar_sen desc, id),
            []
        ) as poster,
    from overdue_efforts
),
high_risks as (
    select
        id,
        risk as namn,
        sannolikhet * konsekvens as riskvarde,
    from risker
    where status = 'Öppen' and sannolikhet * konsekvens >= 8
),
risks_verdict as (
    select
        'risker' as omrade,
        5 as ordning,
        case
            when max(riskvarde) >= 12 then 'rod'
            when count(*) > 0 then 'gul'
            else 'gron'
        end as bedomning,
        null::double as avvikelse_kr,
        null::double as avvikelse_andel,
        count(*) as antal,
        coalesce(
            list({'id': id, 'namn': namn, 'grupp': 'Öppen', 'varde': riskvarde::double}
                order by riskvarde desc, id),
            []
        ) as poster,
    from high_risks
)
select * from economy_verdict
union all by name
select * from goals_verdict
union all by name
select * from activities_verdict
union all by name
select * from influence_verdict
union all by name
select * from risks_verdict
order by ordning
