-- planned and reported hours and the staff cost per person and month of one reporting period
with
period as (
    select
        $period_start::date as fran,
        least($period_slut::date, $rapportdatum::date) as till,
),
months as (
    select projektmanader.manad,
    from projektmanader, period
    where projektmanader.manad between date_trunc('month', period.fran) and period.till
),
people as (
    select
        person,
        roll,
        sysselsattningsgrad::double as sysselsattningsgrad_procent,
        manadslon::double as manadslon_kr,
        lonebikostnader::double as lonebikostnader_procent,
        -- yearly salary with on-costs over the 1 720 working hours of a year
        manadslon::double * 12 * (1 + lonebikostnader / 100) / $arsarbetstid as timkostnad_kr,
    from personal
    where person is not null
),
reported as (
    select
        person,
        date_trunc('month', manad)::date as manad,
        sum(timmar)::double as timmar,
    from tid
    where person is not null and manad is not null and timmar is not null
    group by person, date_trunc('month', manad)
)
select
    people.person,
    people.roll,
    months.manad,
    people.sysselsattningsgrad_procent / 100 * $arsarbetstid / 12 as planerade_timmar,
    coalesce(reported.timmar, 0) as rapporterade_timmar,
    people.timkostnad_kr,
    coalesce(reported.timmar, 0) * people.timkostnad_kr as personalkostnad_kr,
from people
cross join months
left join reported on people.person = reported.person and months.manad = reported.manad
order by people.person, months.manad
