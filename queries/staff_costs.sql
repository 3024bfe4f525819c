-- per person in one reporting period: hourly cost, planned and reported hours and the staff cost they give
with
period as (
    select
        $period_start::date as fran,
        least($period_slut::date, $rapportdatum::date) as till,
),
months as (
    select count(*) as manader,
    from projektmanader, period
    where projektmanader.manad between date_trunc('month', period.fran) and period.till
),
reported as (
    select
        tid.person,
        sum(tid.timmar)::double as timmar,
    from tid, period
    where tid.person is not null and tid.timmar is not null
        and date_trunc('month', tid.manad) between date_trunc('month', period.fran) and period.till
        and date_trunc('month', tid.manad) in (select manad from projektmanader)
    group by tid.person
)
select
    personal.person,
    personal.roll,
    personal.sysselsattningsgrad::double as sysselsattningsgrad_procent,
    personal.manadslon::double as manadslon_kr,
    personal.lonebikostnader::double as lonebikostnader_procent,
    -- yearly salary with on-costs over the working hours of a year
    personal.manadslon::double * 12 * (1 + personal.lonebikostnader / 100) / $arsarbetstid as timkostnad_kr,
    personal.sysselsattningsgrad::double / 100 * $arsarbetstid / 12 * months.manader as planerade_timmar,
    coalesce(reported.timmar, 0) as rapporterade_timmar,
    coalesce(reported.timmar, 0) * personal.manadslon::double * 12 * (1 + personal.lonebikostnader / 100)
        / $arsarbetstid as personalkostnad_kr,
from personal
cross join months
left join reported on personal.person = reported.person
where personal.person is not null
order by personal.rad
