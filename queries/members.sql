-- each member with its county, fee invoiced and paid up to the report date and meetings attended, and the totals
with
attendance as (
    select trim(namn) as medlem, count(*) as moten,
    from (
        select unnest(string_split(deltagande_medlemmar, ',')) as namn,
        from motesplatser
        where deltagande_medlemmar is not null and datum <= $rapportdatum::date
    )
    group by trim(namn)
),
fees as (
    select finansiar as medlem, sum(belopp)::double as avgift_kr,
    from finansiering
    group by finansiar
),
payments as (
    select
        finansiar as medlem,
        coalesce(sum(belopp) filter (where typ = 'Rekvirerat'), 0)::double as fakturerat_kr,
        coalesce(sum(belopp) filter (where typ = 'Inbetalt'), 0)::double as inbetalt_kr,
    from inbetalningar
    where datum <= $rapportdatum::date
    group by finansiar
),
listed as (
    select
        medlemmar.medlem,
        medlemmar.lan,
        medlemmar.typ,
        medlemmar.medlem_sedan,
        medlemmar.medlem_sedan between $start::date and $rapportdatum::date as ny_medlem,
        coalesce(fees.avgift_kr, 0) as avgift_kr,
        coalesce(payments.fakturerat_kr, 0) as fakturerat_kr,
        coalesce(payments.inbetalt_kr, 0) as inbetalt_kr,
        coalesce(fees.avgift_kr, 0) - coalesce(payments.inbetalt_kr, 0) as obetalt_kr,
        coalesce(attendance.moten, 0) as moten,
    from medlemmar
    left join fees on fees.medlem = medlemmar.medlem
    left join payments on payments.medlem = medlemmar.medlem
    left join attendance on attendance.medlem = medlemmar.medlem
)
select
    *,
    count(*) over () as antal_medlemmar,
    count(*) filter (where ny_medlem) over () as antal_nya,
    -- a member who paid more than its fee owes nothing, and its surplus does not pay for another's
    sum(greatest(obetalt_kr, 0)) over () as obetalt_totalt_kr,
from listed
-- those who owe the most first, as the steering group follows them up
order by obetalt_kr desc, medlem
