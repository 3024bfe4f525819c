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
-- the areas judged by a list of named items: late activities, overdue influence efforts, high open risks
listed_items as (
    select
        'aktiviteter' as omrade,
        id,
        aktivitet as namn,
        'Försenad' as grupp,
        datediff('day', slut, $rapportdatum::date)::double as varde,
    from aktiviteter
    where activity_status_shown(status, slut, $rapportdatum::date) = 'Försenad'
    union all
    select
        'paverkan' as omrade,
        id,
        fraga as namn,
        coalesce(prioritet, '') as grupp,
        datediff('day', datum, $rapportdatum::date)::double as varde,
    from paverkan
    where influence_overdue(status, datum, $rapportdatum::date)
    union all
    select
        'risker' as omrade,
        id,
        risk as namn,
        'Öppen' as grupp,
        (sannolikhet * konsekvens)::double as varde,
    from risker
    where status = 'Öppen' and sannolikhet * konsekvens >= 8
),
listed_areas as (
    select * from (values ('aktiviteter', 3), ('paverkan', 4), ('risker', 5)) as areas (omrade, ordning)
),
listed_counts as (
    select
        listed_areas.omrade,
        listed_areas.ordning,
        count(listed_items.id) as antal,
        count(listed_items.id) filter (where listed_items.grupp = 'Hög') as antal_hog,
        max(listed_items.varde) as storsta_varde,
        -- high priority first, then the most days late or the highest risk value
        coalesce(
            list({
                'id': listed_items.id, 'namn': listed_items.namn, 'grupp': listed_items.grupp, 'varde': listed_items.varde,
            } order by listed_items.grupp = 'Hög' desc, listed_items.varde desc, listed_items.id)
                filter (where listed_items.id is not null),
            []
        ) as poster,
    from listed_areas
    left join listed_items on listed_areas.omrade = listed_items.omrade
    group by listed_areas.omrade, listed_areas.ordning
),
listed_verdicts as (
    select
        omrade,
        ordning,
        case
            -- activities: three late or one 90 days late; influence: a high-priority one; risks: a value of 12
            when omrade = 'aktiviteter' and (antal >= 3 or storsta_varde >= 90) then 'rod'
            when omrade = 'paverkan' and antal_hog > 0 then 'rod'
            when omrade = 'risker' and storsta_varde >= 12 then 'rod'
            when antal > 0 then 'gul'
            else 'gron'
        end as bedomning,
        null::double as avvikelse_kr,
        null::double as avvikelse_andel,
        antal,
        poster,
    from listed_counts
)
select * from economy_verdict
union all by name
select * from goals_verdict
union all by name
select * from listed_verdicts
order by ordning
