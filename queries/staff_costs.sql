-- per person in one reporting period: hourly cost, planned and reported hours and the staff cost they give
with
months as (
    select manad,
    from projektmanader
    where month_in_period(manad, $period_start::date, period_till($period_slut, $rapportdatum))
),
reported as (
    select
        tid_per_manad.person,
        sum(tid_per_manad.timmar) as timmar,
    from tid_per_manad
    inner join months on tid_per_manad.manad = months.manad
    group by tid_per_manad.person
)
select
    personal.person,
    personal.roll,
    personal.sysselsattningsgrad::double as sysselsattningsgrad_procent,
    personal.manadslon::double as manadslon_kr,
    personal.lonebikostnader::double as lonebikostnader_procent,
    hourly_cost_kr(personal.manadslon, personal.lonebikostnader, $arsarbetstid) as timkostnad_kr,
    planned_hours_per_month(personal.sysselsattningsgrad, $arsarbetstid) * (select count(*) from months)
        as planerade_timmar,
    coalesce(reported.timmar, 0) as rapporterade_timmar,
    coalesce(reported.timmar, 0) * hourly_cost_kr(personal.manadslon, personal.lonebikostnader, $arsarbetstid)
        as personalkostnad_kr,
from personal
left join reported on personal.person = reported.person
where personal.person is not null
order by personal.rad
