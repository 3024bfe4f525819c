-- members per county: how many, fees, paid, unpaid and new members up to the report date
select
    medlemmar.lan,
    count(*) as antal,
    count(*) filter (where medlemmar.medlem_sedan between $start::date and $rapportdatum::date) as nya,
    coalesce(sum(fees.avgift_kr), 0) as avgift_kr,
    coalesce(sum(payments.inbetalt_kr), 0) as inbetalt_kr,
from medlemmar
left join (
    select finansiar, sum(belopp)::double as avgift_kr, from finansiering group by finansiar
) as fees on fees.finansiar = medlemmar.medlem
left join (
    select finansiar, sum(belopp)::double as inbetalt_kr,
    from inbetalningar
    where typ = 'Inbetalt' and datum <= $rapportdatum::date
    group by finansiar
) as payments on payments.finansiar = medlemmar.medlem
group by medlemmar.lan
order by antal desc, medlemmar.lan
