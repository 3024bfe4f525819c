-- number of activities per status shown at the report date, every status listed
with
statuses as (
    select * from (values
        (1, 'Ej påbörjad'), (2, 'Pågår'), (3, 'Klar'), (4, 'Pausad'), (5, 'Struken'), (6, 'Försenad')
    ) as s(ordning, status)
),
shown as (
    select
        activity_status_shown(status, slut, $rapportdatum::date) as status,
    from aktiviteter
    where status is not null
)
select
    statuses.status,
    count(shown.status) as antal,
from statuses
left join shown on shown.status = statuses.status
group by statuses.ordning, statuses.status
order by statuses.ordning
