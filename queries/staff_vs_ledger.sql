-- per month of one reporting period: staff cost from hours against the staff costs booked in the ledger
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
from_hours as (
    select
        date_trunc('month', tid.manad)::date as manad,
        sum(tid.timmar * personal.manadslon::double * 12 * (1 + personal.lonebikostnader / 100) / $arsarbetstid)
            as personalkostnad_kr,
    from tid
    inner join personal on tid.person = personal.person
    where tid.timmar is not null
    group by date_trunc('month', tid.manad)
),
booked as (
    select
        date_trunc('month', kostnader.datum)::date as manad,
        sum(kostnader.belopp_kr) as bokfort_kr,
    from kostnader, period
    where kostnader.kostnadsslag = $personalkostnadsslag
        and not kostnader.indirekt
        and kostnader.datum between period.fran and period.till
    group by date_trunc('month', kostnader.datum)
)
select
    months.manad,
    coalesce(from_hours.personalkostnad_kr, 0) as personalkostnad_kr,
    coalesce(booked.bokfort_kr, 0) as bokfort_kr,
    coalesce(booked.bokfort_kr, 0) - coalesce(from_hours.personalkostnad_kr, 0) as skillnad_kr,
from months
left join from_hours on months.manad = from_hours.manad
left join booked on months.manad = booked.manad
order by months.manad
