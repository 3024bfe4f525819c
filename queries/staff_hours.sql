-- planned and reported hours and the staff cost per person and month of one reporting period
with
months as (
    select manad,
    from projektmanader
    where month_in_period(manad, $period_start::date, period_till($period_slut, $rapportdatum))
),
people as (
    select
        person,
        roll,
        sysselsattningsgrad,
        hourly_cost_kr(manadslon, lonebikostnader, $arsarbetstid) as timkostnad_kr,
    from personal
    where person is not null
)
select
    people.person,
    people.roll,
    months.manad,
    planned_hours_per_month(people.sysselsattningsgrad, $arsarbetstid) as planerade_timmar,
    coalesce(tid_per_manad.timmar, 0) as rapporterade_timmar,
    people.timkostnad_kr,
    coalesce(tid_per_manad.timmar, 0) * people.timkostnad_kr as personalkostnad_kr,
from people
cross join months
left join tid_per_manad on people.person = tid_per_manad.person and months.manad = tid_per_manad.manad
order by people.person, months.manad
