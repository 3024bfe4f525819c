-- number of influence efforts per status in the file, how many of each are overdue, and both in all
with
statuses as (
    select * from (values
        (1, 'Idé'), (2, 'Planerad'), (3, 'Pågår'), (4, 'Genomförd'), (5, 'Avslutad')
    ) as s(ordning, status)
)
select
    statuses.status,
    count(paverkan.id) as antal,
    count(paverkan.id) filter (
        where influence_overdue(paverkan.status, paverkan.datum, $rapportdatum::date)
    ) as forsenade,
    sum(antal) over () as antal_totalt,
    sum(forsenade) over () as forsenade_totalt,
from statuses
left join paverkan on paverkan.status = statuses.status
group by statuses.ordning, statuses.status
order by statuses.ordning
